// The pain analysis beside the editor (SPEC S3 "Pain analysis"; issue 12): the score and its band against the
// workspace's threshold, each part with its points and why, and the pains it matched with their evidence.
import { Badge, Blockquote, Card, Group, Loader, Progress, RingProgress, Stack, Text, Title } from '@mantine/core';
import { BAND_META } from './piece-badges.js';
import type { PieceAnalysisView } from './piece-types.js';

const partColor = (points: number, max: number) => {
  const share = max > 0 ? points / max : 0;
  return share >= 0.66 ? 'teal' : share >= 0.33 ? 'yellow' : 'red';
};

const list = (xs: readonly string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)!}`);

export function AnalysisPanel({ analysis, live, analysing, published }: { analysis: PieceAnalysisView; live: boolean; analysing: boolean; published: boolean }) {
  const band = BAND_META[analysis.band];
  const below = analysis.score < analysis.threshold;
  return (
    <Card component="section" aria-labelledby="analysis-title" aria-live="polite">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div>
          <Title order={2} fz="lg" id="analysis-title">
            Pain analysis
          </Title>
          <Text size="xs" c="dimmed">
            {live ? 'Of the text as you type it (not saved yet)' : 'Of the saved version'} · {analysis.words.toLocaleString()} words
          </Text>
        </div>
        {analysing ? <Loader size="xs" aria-label="Analysing" /> : null}
      </Group>
      <Group gap="lg" wrap="nowrap" align="center" mb="md">
        <RingProgress
          size={112}
          thickness={10}
          roundCaps
          sections={[{ value: analysis.score, color: band.color }]}
          label={
            <Stack gap={0} align="center">
              <Text fw={800} fz={28} lh={1} style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={`Pain score ${analysis.score} of 100`}>
                {analysis.score}
              </Text>
              <Text size="xs" c="dimmed">
                of 100
              </Text>
            </Stack>
          }
        />
        <Stack gap={6}>
          <Badge color={band.color} size="lg" variant="light" radius="sm">
            {band.label}
          </Badge>
          <Text size="sm">
            {below ? (
              <>
                <b>{analysis.threshold - analysis.score} points</b> below the workspace's threshold of {analysis.threshold}
                {published ? '.' : ': it cannot be published until it reaches it.'}
              </>
            ) : (
              <>At or above the workspace's threshold of {analysis.threshold}.</>
            )}
          </Text>
        </Stack>
      </Group>

      <Stack gap="sm" mb="lg">
        {analysis.parts.map((p) => (
          <div key={p.key}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={600}>
                {p.label}
              </Text>
              <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                {p.points} / {p.max}
              </Text>
            </Group>
            <Progress value={p.max > 0 ? (p.points / p.max) * 100 : 0} color={partColor(p.points, p.max)} size="sm" my={4} aria-hidden />
            <Text size="xs" c="dimmed">
              {p.explanation}
            </Text>
          </div>
        ))}
      </Stack>

      <Title order={3} fz="md" mb={6}>
        Pains it speaks to
      </Title>
      {analysis.matchedPains.length === 0 ? (
        <Text size="sm" c="dimmed">
          No pain from the library matches yet. Say what the buyer struggles with, in the words sales hears on calls.
        </Text>
      ) : (
        <Stack gap="sm">
          {analysis.matchedPains.map((m) => (
            <Card key={m.painId} withBorder p="sm" radius="sm">
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {m.statement}
                </Text>
                <Badge variant="light" color={m.similarity >= 0.5 ? 'teal' : m.similarity >= 0.25 ? 'yellow' : 'gray'} style={{ flexShrink: 0 }}>
                  {Math.round(m.similarity * 100)}% match
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={2}>
                {m.evidenceCount.toLocaleString()} evidence {m.evidenceCount === 1 ? 'entry' : 'entries'} from sales
                {m.matchedOn.length > 0 ? ` · matched on: ${list(m.matchedOn)}` : ''}
                {m.viaQuotes > 0 ? ` — via ${m.viaQuotes} sales quote${m.viaQuotes === 1 ? '' : 's'}` : ''}
              </Text>
              {m.sampleQuote ? (
                <Blockquote p="xs" mt={6} fz="sm" color="gray" styles={{ root: { fontStyle: 'italic' } }}>
                  “{m.sampleQuote}”
                </Blockquote>
              ) : null}
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
