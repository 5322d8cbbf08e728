// How a piece's status, channel and pain band read everywhere in the room (SPEC S3).
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { PainBand, PieceChannel, PieceStatus } from './piece-types.js';

export const CHANNEL_LABEL: Record<PieceChannel, string> = {
  blog: 'Blog post',
  email: 'Email',
  landing_page: 'Landing page',
  ad: 'Ad',
  one_pager: 'One-pager',
  case_study: 'Case study',
  webinar: 'Webinar',
  social: 'Social post',
  deck: 'Deck',
};

export const STATUS_META: Record<PieceStatus, { label: string; color: string; hint: string }> = {
  draft: { label: 'Draft', color: 'gray', hint: 'Not sent for review yet' },
  in_review: { label: 'In review', color: 'blue', hint: 'Waiting for a sales member to decide' },
  approved: { label: 'Approved', color: 'teal', hint: 'A sales member approved this version' },
  changes_requested: { label: 'Changes requested', color: 'orange', hint: 'Sales asked for changes' },
  published: { label: 'Published', color: 'green', hint: 'Live' },
  archived: { label: 'Archived', color: 'dark', hint: 'No longer in use' },
};

export const BAND_META: Record<PainBand, { label: string; color: string }> = {
  pain_based: { label: 'Pain-based', color: 'teal' },
  mixed: { label: 'Mixed', color: 'yellow' },
  feature_led: { label: 'Feature-led', color: 'red' },
};

export function PieceStatusBadge({ status }: { status: PieceStatus }) {
  const m = STATUS_META[status];
  return (
    <Tooltip label={m.hint} withArrow>
      <Badge color={m.color} variant="light" radius="sm" style={{ whiteSpace: 'nowrap' }}>
        {m.label}
      </Badge>
    </Tooltip>
  );
}

/** "72 · Pain-based": the score of the current version and its band, or a plain "not analysed". */
export function ScoreBadge({ score, band }: { score: number | null; band: PainBand | null }) {
  if (score === null || band === null) {
    return (
      <Text size="sm" c="dimmed">
        Not analysed
      </Text>
    );
  }
  const m = BAND_META[band];
  return (
    <Group gap={6} wrap="nowrap">
      <Text fw={700} size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {score}
      </Text>
      {/* Never cut short ("PAIN-BAS…"): the band is the point of the badge, so it claims its full width in a table cell. */}
      <Badge color={m.color} variant="dot" radius="sm" style={{ whiteSpace: 'nowrap', flexShrink: 0 }} styles={{ label: { overflow: 'visible' } }}>
        {m.label}
      </Badge>
    </Group>
  );
}
