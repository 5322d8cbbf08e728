// The text as the analysis read it, with the sentences that read as feature-speak, hype or self-focus marked and
// their hints beside them (SPEC S3: "the sentences that read as feature-speak, each with a hint").
import { Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PieceAnalysisView } from './piece-types.js';

type Flag = PieceAnalysisView['flagged'][number];

export const KIND_META: Record<Flag['kind'], { label: string; color: string }> = {
  feature: { label: 'Feature-speak', color: 'orange' },
  hype: { label: 'Hype', color: 'red' },
  self_focus: { label: 'About us, not the buyer', color: 'grape' },
};

/** The text cut at the flagged sentences (offsets into exactly this text), each mark carrying its hint. */
function marked(text: string, flagged: readonly Flag[]): ReactNode[] {
  const out: ReactNode[] = [];
  let at = 0;
  const sorted = [...flagged].filter((f) => f.start >= 0 && f.end <= text.length && f.start < f.end).sort((a, b) => a.start - b.start);
  for (const f of sorted) {
    if (f.start < at) continue;
    if (f.start > at) out.push(text.slice(at, f.start));
    const meta = KIND_META[f.kind];
    out.push(
      <Tooltip key={`${f.index}-${f.start}`} label={f.hint} multiline w={280} withArrow>
        <mark
          tabIndex={0}
          aria-label={`${meta.label}: ${text.slice(f.start, f.end)}. ${f.hint}`}
          style={{ background: `var(--mantine-color-${meta.color}-light)`, borderBottom: `2px solid var(--mantine-color-${meta.color}-filled)`, color: 'inherit', padding: '1px 0', borderRadius: 2 }}
        >
          {text.slice(f.start, f.end)}
        </mark>
      </Tooltip>,
    );
    at = f.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

export function AnalysisHighlights({ text, analysis }: { text: string; analysis: PieceAnalysisView }) {
  const flagged = analysis.flagged;
  return (
    <Card component="section" aria-labelledby="highlights-title">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id="highlights-title">
          How it reads to a buyer
        </Title>
        <Group gap={6}>
          {Object.entries(KIND_META).map(([k, m]) => (
            <Badge key={k} color={m.color} variant="light" radius="sm" size="sm">
              {m.label}
            </Badge>
          ))}
        </Group>
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.7 }} mb="md">
        {marked(text, flagged)}
      </Text>
      {flagged.length === 0 ? (
        <Text size="sm" c="teal.9">
          No sentence reads as feature-speak, hype or self-focus.
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {flagged.length} sentence{flagged.length === 1 ? '' : 's'} to rework
          </Text>
          {flagged.map((f) => (
            <Stack key={`${f.index}-${f.start}`} gap={2} align="flex-start">
              <Badge color={KIND_META[f.kind].color} variant="light" radius="sm" size="sm">
                {KIND_META[f.kind].label}
              </Badge>
              <Text size="sm" lineClamp={2}>
                “{f.text}”
              </Text>
              <Text size="xs" c="dimmed">
                {f.hint}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}
