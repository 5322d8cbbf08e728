// The messaging gap and the off-message list (issue 12): the pains sales hears most that no published piece covers,
// each with its evidence and a way to write for it; and the published pieces that speak to no active pain.
import { Anchor, Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconPencilPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate, formatLocalDate } from '../shell/format.js';
import { strength } from './coverage-heat-map.js';
import type { CoverageView } from './coverage-types.js';

const STATUS_WORDS: Record<string, string> = { draft: 'Draft', in_review: 'In review', approved: 'Approved', changes_requested: 'Changes requested', published: 'Published', archived: 'Archived' };
const BAND_WORDS: Record<string, string> = { pain_based: 'Pain-based', mixed: 'Mixed', feature_led: 'Feature-led' };
const BAND_COLOR: Record<string, string> = { pain_based: 'teal', mixed: 'yellow', feature_led: 'red' };
const CHANNEL_WORDS: Record<string, string> = {
  blog: 'Blog',
  email: 'Email',
  landing_page: 'Landing page',
  ad: 'Ad',
  one_pager: 'One-pager',
  case_study: 'Case study',
  webinar: 'Webinar',
  social: 'Social',
  deck: 'Deck',
};
const quotes = (n: number) => `${n} ${n === 1 ? 'quote' : 'quotes'}`;
/** The gap pains shown before "Show all": the heaviest, which the check-in talks about first. */
const GAP_FIRST = 5;

export function MessagingGapCard({ data, canWrite }: { data: CoverageView; canWrite: boolean }) {
  const [all, setAll] = useState(false);
  const shown = all ? data.gap : data.gap.slice(0, GAP_FIRST);
  return (
    <Card component="section" aria-labelledby="gap-heading">
      <Title order={2} fz="lg" id="gap-heading" mb={4}>
        Messaging gap
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={760}>
        The pains sales hears most that no published piece covers. Recent evidence weighs more: a quote counts half as much every {data.halfLifeDays} days.
      </Text>
      {data.gap.length === 0 ? (
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color="teal" radius="xl" aria-hidden>
            <IconCircleCheck size={18} />
          </ThemeIcon>
          <Text size="sm">
            {data.summary.painsWithEvidence === 0 ? (
              <>
                No evidence is logged against a pain yet, so there is no gap to show.{' '}
                <Anchor component={Link} to="/messaging/evidence">
                  Log what buyers say
                </Anchor>
              </>
            ) : (
              'Every pain sales has evidence for is covered by a published piece.'
            )}
          </Text>
        </Group>
      ) : (
        <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {shown.map((pain, i) => (
            <Group
              key={pain.id}
              component="li"
              justify="space-between"
              align="flex-start"
              wrap="wrap"
              gap="sm"
              py="sm"
              style={{ borderTop: i === 0 ? undefined : '1px solid var(--mantine-color-default-border)' }}
            >
              <Group gap="sm" align="flex-start" wrap="nowrap" style={{ flex: '1 1 360px', minWidth: 0 }}>
                <Text fw={700} c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }} aria-hidden>
                  {i + 1}
                </Text>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/messaging/pains/${pain.id}`} fw={600} underline="hover" c="var(--mantine-color-text)">
                    {pain.statement}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[pain.persona, pain.segment, `severity ${pain.severity} of 5`].filter(Boolean).join(' · ')}
                  </Text>
                  <Text size="sm">
                    <Text span fw={700}>
                      Weight {pain.weight.toFixed(1)}
                    </Text>{' '}
                    from {quotes(pain.evidenceCount)}, {pain.recentCount} in the last 90 days{pain.lastHeard ? ` · last heard ${formatLocalDate(pain.lastHeard)}` : ''}
                  </Text>
                  {pain.inProgress.length > 0 ? (
                    <Group gap={6} wrap="wrap">
                      <Text size="xs" c="dimmed">
                        Coming:
                      </Text>
                      {pain.inProgress.slice(0, 3).map((p) => (
                        <Anchor key={p.id} component={Link} to={`/messaging/pieces/${p.id}`} size="xs">
                          {p.title} ({STATUS_WORDS[p.status]?.toLowerCase() ?? p.status})
                        </Anchor>
                      ))}
                    </Group>
                  ) : null}
                </Stack>
              </Group>
              {canWrite ? (
                <Button component={Link} to="/messaging/pieces" size="xs" variant="light" leftSection={<IconPencilPlus size={14} aria-hidden />} aria-label={`Write a piece for “${pain.statement}”`}>
                  Write a piece for this
                </Button>
              ) : null}
            </Group>
          ))}
        </Stack>
      )}
      {data.gap.length > GAP_FIRST ? (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll((v) => !v)} aria-expanded={all}>
          {all ? 'Show the heaviest five' : `Show all ${data.gap.length} pains not covered`}
        </Button>
      ) : null}
      {all && data.gapTotal > data.gap.length ? (
        <Text size="xs" c="dimmed" mt="xs">
          The {data.gap.length} heaviest of {data.gapTotal} pains not covered.
        </Text>
      ) : null}
    </Card>
  );
}

export function OffMessageCard({ data }: { data: CoverageView }) {
  return (
    <Card component="section" aria-labelledby="off-message-heading">
      <Title order={2} fz="lg" id="off-message-heading" mb={4}>
        Off-message
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Published pieces that cover no active pain: what buyers read that speaks to nothing sales hears.
      </Text>
      {data.offMessage.length === 0 ? (
        <Text size="sm" c="dimmed">
          {data.summary.publishedPieces === 0 ? 'No piece is published yet.' : 'Every published piece covers at least one active pain.'}
        </Text>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {data.offMessage.map((p, i) => (
            <Stack key={p.id} component="li" gap={2} py="sm" style={{ borderTop: i === 0 ? undefined : '1px solid var(--mantine-color-default-border)' }}>
              <Group gap="xs" wrap="wrap" justify="space-between">
                <Anchor component={Link} to={`/messaging/pieces/${p.id}`} fw={600} underline="hover" c="var(--mantine-color-text)">
                  {p.title}
                </Anchor>
                {p.band ? (
                  <Badge size="sm" variant="light" color={BAND_COLOR[p.band] ?? 'gray'}>
                    {BAND_WORDS[p.band] ?? p.band}
                    {p.score !== null ? ` · ${p.score}` : ''}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {CHANNEL_WORDS[p.channel] ?? p.channel}
                {p.publishedAt ? ` · published ${formatDate(p.publishedAt)}` : ''}
              </Text>
              <Text size="sm">
                {p.closest ? (
                  <>
                    Closest pain:{' '}
                    <Anchor component={Link} to={`/messaging/pains/${p.closest.painId}`}>
                      {p.closest.statement}
                    </Anchor>{' '}
                    at {strength(p.closest.similarity)}, under the {strength(data.coversAt)} that covers it.
                  </>
                ) : (
                  'It matches no active pain at all.'
                )}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
      {data.offMessageTotal > data.offMessage.length ? (
        <Text size="xs" c="dimmed" mt="xs">
          The {data.offMessage.length} latest of {data.offMessageTotal}.
        </Text>
      ) : null}
    </Card>
  );
}
