import { Alert, Anchor, Button, Card, Group, Paper, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDateTime } from '../shell/format.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { formatKpiValue, formatTarget } from './format.js';
import { CompBadge, FreshnessBadge, SharedBadge, StatusBadge } from './goal-badges.js';
import { useGoalsPermissions } from './permissions.js';
import { PublishModal } from './publish-modal.js';
import type { KpiStatusView, PublishedKpiView, TeamGoalsView } from './types.js';

/** One team's column: its published top three with this period's status, and the lead's way to publish changes. */
export function TeamTopThree({ team }: { team: TeamGoalsView }) {
  const { canEdit } = useGoalsPermissions();
  const [publishing, publishModal] = useDisclosure(false);
  const color = TEAM_COLOR[team.team];
  const label = TEAM_LABEL[team.team];
  const headingId = `top-three-${team.team}`;
  const canPublish = team.you.canPublish;

  return (
    <Card component="section" aria-labelledby={headingId} style={{ borderTop: `4px solid var(--mantine-color-${color}-6)` }}>
      <Group justify="space-between" align="flex-start" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id={headingId}>
          {label} top three
        </Title>
        <FreshnessBadge team={team} />
      </Group>
      {team.latest ? (
        <Text size="xs" c="dimmed" mb="md">
          Published {formatDateTime(team.latest.publishedAt)}
          {` ${team.latest.byline}`}
          {team.latest.note ? ` — “${team.latest.note}”` : ''}
        </Text>
      ) : null}

      {team.unpublishedChanges && canPublish ? (
        <Alert color="yellow" variant="light" title="Unpublished changes" mb="md">
          <Text size="sm" mb="xs">
            The {label.toLowerCase()} KPIs ranked now differ from publication {team.latest ? `#${team.latest.number}` : '(none yet)'}. Publish so everyone
            works from the same top three.
          </Text>
          <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} onClick={publishModal.open}>
            Publish top three
          </Button>
        </Alert>
      ) : null}

      {team.topThree.length === 0 ? (
        <Stack gap="xs" py="md" align="flex-start">
          <Text size="sm">{label} has not published its top three yet.</Text>
          {canEdit(team.team) ? (
            <Anchor component={Link} to="/goals/kpis" size="sm">
              {canPublish ? 'Rank KPIs in Manage KPIs, then publish' : `Rank KPIs in Manage KPIs; a ${label.toLowerCase()} lead publishes`}
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              A {label.toLowerCase()} lead publishes it.
            </Text>
          )}
        </Stack>
      ) : (
        <Stack gap="sm">
          {team.topThree.map(({ item, current }) => (
            <TopThreeItem key={item.kpiId} item={item} current={current} color={color} />
          ))}
        </Stack>
      )}
      <PublishModal team={team.team} opened={publishing} onClose={publishModal.close} latestNumber={team.latest?.number ?? null} />
    </Card>
  );
}

function TopThreeItem({ item, current, color }: { item: PublishedKpiView; current: KpiStatusView | null; color: string }) {
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon size={32} radius="xl" color={color} variant="light" aria-hidden>
            <Text fw={700} size="sm">
              {item.rank}
            </Text>
          </ThemeIcon>
          <div style={{ minWidth: 0 }}>
            <Title order={3} fz="md" lh={1.3}>
              <Anchor component={Link} to={`/goals/kpis/${item.kpiId}`} c="inherit" underline="hover">
                <VisuallyHidden component="span">#{item.rank} </VisuallyHidden>
                {item.name}
              </Anchor>
            </Title>
            <Text size="sm" fw={600} mt={2}>
              {formatTarget(item.target, item.unit, item.direction, item.targetPeriod)}
            </Text>
          </div>
        </Group>
        <StatusBadge current={current} />
      </Group>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt="sm">
        How it's measured
      </Text>
      <Text size="sm">{item.measurement}</Text>
      <Group gap={6} mt="sm" wrap="wrap">
        <CompBadge compensated={item.compensated} weight={item.compWeight} />
        {item.shared ? <SharedBadge /> : null}
        {current && current.actual !== null ? (
          <Text size="xs" c="dimmed">
            {current.period.label}: {formatKpiValue(current.actual, item.unit, { compact: true })}
            {current.projected !== null && current.projected !== current.actual
              ? ` so far, projected ${formatKpiValue(current.projected, item.unit, { compact: true })}`
              : ''}
          </Text>
        ) : current?.lastClosed ? (
          <Text size="xs" c="dimmed">
            No value yet this period · {current.lastClosed.period.label}: {formatKpiValue(current.lastClosed.actual, item.unit, { compact: true })}
          </Text>
        ) : null}
      </Group>
      {current ? (
        <Text size="xs" c="dimmed" mt={6}>
          {current.explanation}
        </Text>
      ) : (
        <Text size="xs" c="dimmed" mt={6}>
          This KPI has been archived since it was published.
        </Text>
      )}
    </Paper>
  );
}
