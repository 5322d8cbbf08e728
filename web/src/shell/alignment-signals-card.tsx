// The dashboard's "where alignment stands" card: the live signals of the practices that exist so far
// (published goals, the expectation gap, comp flags, check-in compliance). The single alignment score
// (SPEC S6) will combine these with messaging, shadowing and celebration; until then the card says so.
import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarCheck, IconChartDonut3, IconTargetArrow } from '@tabler/icons-react';
import { Link } from 'react-router';
import { meetingDayTime, zoneLabel } from '../checkins/format.js';
import { useCompliance, useSeries } from '../checkins/queries.js';
import { FreshnessBadge } from '../goals/goal-badges.js';
import { useGoalsOverview } from '../goals/queries.js';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

export function AlignmentSignalsCard() {
  const goals = useGoalsOverview();
  const compliance = useCompliance();
  const series = useSeries();
  const highFlags = goals.data?.comp.flags.filter((f) => f.severity === 'high').length ?? 0;
  const gaps = goals.data?.gap.rows.filter((r) => !r.inTopThree) ?? [];
  const next = series.data?.series?.next ?? null;
  return (
    <Card>
      <Group gap="sm" mb="sm" wrap="nowrap">
        <ThemeIcon size={40} radius="md" variant="light" color="indigo" aria-hidden>
          <IconChartDonut3 size={22} />
        </ThemeIcon>
        <Title order={2} fz="lg">
          Where alignment stands
        </Title>
      </Group>
      <Stack gap="md">
        <div>
          <Group gap={6} mb={4}>
            <IconTargetArrow size={16} aria-hidden />
            <Anchor component={Link} to="/goals" fw={600} size="sm">
              Published goals
            </Anchor>
          </Group>
          {!goals.data ? (
            <Skeleton h={48} />
          ) : (
            <Stack gap={4}>
              <Group gap="xs">
                {goals.data.teams.map((t) => (
                  <Group key={t.team} gap={6} wrap="nowrap">
                    <Text size="sm">{t.team === 'sales' ? 'Sales' : 'Marketing'}</Text>
                    <FreshnessBadge team={t} />
                  </Group>
                ))}
              </Group>
              <Text size="sm">
                Expectations met by the other team’s top three: <b>{pct(goals.data.gap.shareMet)}</b>
                {gaps.length > 0 ? ` · ${gaps.length} not being worked on` : ''}
              </Text>
              {gaps[0] ? (
                <Text size="sm" c="dimmed">
                  {gaps[0].sentence}
                </Text>
              ) : null}
              {highFlags > 0 ? (
                <Group gap={6}>
                  <Badge color="red" variant="light" radius="sm">
                    {highFlags} comp {highFlags === 1 ? 'flag' : 'flags'}
                  </Badge>
                  <Text size="sm" c="dimmed">
                    the teams’ pay plans pull apart
                  </Text>
                </Group>
              ) : null}
            </Stack>
          )}
        </div>
        <div>
          <Group gap={6} mb={4}>
            <IconCalendarCheck size={16} aria-hidden />
            <Anchor component={Link} to="/checkins" fw={600} size="sm">
              Weekly check-in
            </Anchor>
          </Group>
          {!compliance.data || !series.data ? (
            <Skeleton h={40} />
          ) : !series.data.series ? (
            <Text size="sm" c="dimmed">
              Not set up yet — most companies do not make this meeting a requirement.
            </Text>
          ) : (
            <Stack gap={4}>
              <Text size="sm">{compliance.data.summary}</Text>
              {next ? (
                <Text size="sm" c="dimmed">
                  Next: {meetingDayTime(next.start, series.data.series.timeZone)} ({zoneLabel(series.data.series.timeZone)})
                </Text>
              ) : null}
            </Stack>
          )}
        </div>
        <Text size="xs" c="dimmed">
          One alignment score from 0 to 100 will sum these up with messaging, shadowing and celebration as those rooms open.
        </Text>
      </Stack>
    </Card>
  );
}
