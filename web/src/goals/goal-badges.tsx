import { Alert, Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { errorMessage } from '../api/client.js';
import { STATUS_META, tone } from './format.js';
import type { KpiStatusView, TeamGoalsView } from './types.js';

/** Badges here never shrink to an ellipsis, in a table cell or a nowrap group. */
export const NO_SHRINK = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

/**
 * This period's status; the explanation ("Projected $2.3M by …: on track") is the tooltip. Before this period's first
 * value, "No value yet" stands beside how the last closed period ended ("Oct 2026: On track").
 */
export function StatusBadge({ current }: { current: KpiStatusView | null }) {
  if (current?.status === 'no_data' && current.lastClosed) {
    const last = current.lastClosed;
    const lastMeta = STATUS_META[last.status];
    return (
      <Group gap={4} wrap="wrap">
        <Tooltip label={current.explanation} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
          <Badge styles={NO_SHRINK} color="gray" variant="light" radius="sm" tabIndex={0} style={{ cursor: 'help' }}>
            No value yet
          </Badge>
        </Tooltip>
        <Tooltip label={last.explanation} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
          <Badge styles={NO_SHRINK} color={lastMeta.color} variant="outline" radius="sm" tabIndex={0} style={{ cursor: 'help' }}>
            {last.period.label}: {lastMeta.label}
          </Badge>
        </Tooltip>
      </Group>
    );
  }
  const meta = STATUS_META[current?.status ?? 'no_data'];
  const badge = (
    <Badge styles={NO_SHRINK} color={meta.color} variant="light" radius="sm" tabIndex={current ? 0 : undefined} style={{ cursor: current ? 'help' : undefined }}>
      {meta.label}
    </Badge>
  );
  if (!current) return badge;
  return (
    <Tooltip label={current.explanation} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      {badge}
    </Tooltip>
  );
}

/** "Paid · 40%" when the KPI is in the team's pay plan. */
export function CompBadge({ compensated, weight }: { compensated: boolean; weight: number | null }) {
  if (!compensated) {
    return (
      <Badge styles={NO_SHRINK} color="gray" variant="outline" radius="sm">
        Not paid
      </Badge>
    );
  }
  return (
    <Badge styles={NO_SHRINK} color="orange" variant="light" radius="sm">
      Paid · {weight ?? 0}%
    </Badge>
  );
}

export function SharedBadge() {
  return (
    <Badge styles={NO_SHRINK} color="teal" variant="light" radius="sm" leftSection={<IconLink size={12} aria-hidden />}>
      Shared
    </Badge>
  );
}

const ageText = (days: number | null) => (days === null ? '' : days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`);

/** The same, as a line of text for the summary strip. */
export function FreshnessText({ team }: { team: TeamGoalsView }) {
  const { freshness, latest } = team;
  if (freshness.state === 'unpublished' || !latest) {
    return (
      <Text size="sm" fw={600} c="dimmed">
        Not published
      </Text>
    );
  }
  return (
    <Text size="sm" fw={600} style={freshness.state === 'stale' ? tone('red') : undefined}>
      {freshness.state === 'stale' ? 'Stale · ' : ''}Published {ageText(freshness.ageDays)} · #{latest.number}
    </Text>
  );
}

/** "Published 21 days ago · #2", "Stale · #4 (120 days)", "Not published". */
export function FreshnessBadge({ team }: { team: TeamGoalsView }) {
  const { freshness, latest } = team;
  if (freshness.state === 'unpublished' || !latest) {
    return (
      <Badge styles={NO_SHRINK} color="gray" variant="light" radius="sm">
        Not published
      </Badge>
    );
  }
  const age = ageText(freshness.ageDays);
  if (freshness.state === 'stale') {
    return (
      <Badge styles={NO_SHRINK} color="red" variant="light" radius="sm">
        Stale · published {age} · #{latest.number}
      </Badge>
    );
  }
  return (
    <Badge styles={NO_SHRINK} color="green" variant="light" radius="sm">
      Published {age} · #{latest.number}
    </Badge>
  );
}

export function QueryError({ error, title }: { error: unknown; title: string }) {
  return (
    <Alert color="red" title={title} role="alert" mb="lg">
      {errorMessage(error)}
    </Alert>
  );
}
