// The dashboard's "where alignment stands" card: the live signals of the practices that exist so far
// (published goals, the expectation gap, comp flags, check-in compliance). The single alignment score
// (SPEC S6) will combine these with messaging, shadowing and celebration; until then the card says so.
import { Anchor, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarCheck, IconChartDonut3, IconTargetArrow } from '@tabler/icons-react';
import { Link } from 'react-router';
import { meetingDayTime, zoneLabel } from '../checkins/format.js';
import { useCompliance, useSeries } from '../checkins/queries.js';
import { FreshnessBadge } from '../goals/goal-badges.js';
import { useGoalsOverview } from '../goals/queries.js';

export function AlignmentSignalsCard() {
  const goals = useGoalsOverview();
  const compliance = useCompliance();
  const series = useSeries();
  // The same count and words as the Goals page: the server's summaries of comp alignment and of the gap.
  const comp = goals.data?.comp.summary;
  const biggestGap = goals.data?.gap.rows.find((r) => r.matched && !r.inTopThree);
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
              <Text size="sm">{goals.data.gap.summary}</Text>
              {biggestGap ? (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {biggestGap.sentence}
                </Text>
              ) : null}
              {comp ? (
                <Text size="sm" fw={comp.flags.total > 0 ? 600 : undefined} c={comp.flags.total > 0 ? undefined : 'dimmed'} style={comp.flags.high > 0 ? { color: 'var(--mantine-color-red-light-color)' } : undefined}>
                  {comp.headline}
                </Text>
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
          One alignment score from 0 to 100, summing up every room's signals (goals, check-ins, messaging, wins and, when it opens, shadowing), is coming next.
        </Text>
      </Stack>
    </Card>
  );
}
