// Both teams' published top three on the dashboard (SPEC S1 seen from S6): each KPI with this period's status, and
// whether the publication is fresh; the full columns are on the Goals page.
import { Anchor, Box, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FreshnessBadge, StatusBadge } from '../goals/goal-badges.js';
import { useGoalsOverview } from '../goals/queries.js';
import type { TeamGoalsView } from '../goals/types.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { Panel, PanelError } from './panel.js';

export function TopThreeCard() {
  const goals = useGoalsOverview();
  const teams = goals.data?.teams.filter((t) => t.team === 'sales' || t.team === 'marketing') ?? [];
  return (
    <Panel id="dash-top-three-heading" title="Top three" icon={<IconTargetArrow size={22} />} color="blue" link={{ to: '/goals', label: 'All goals' }}>
      {goals.isError ? (
        <PanelError error={goals.error} />
      ) : !goals.data ? (
        <Skeleton h={180} />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="lg">
          {teams.map((t) => (
            <TeamColumn key={t.team} team={t} />
          ))}
        </SimpleGrid>
      )}
    </Panel>
  );
}

function TeamColumn({ team }: { team: TeamGoalsView }) {
  const label = TEAM_LABEL[team.team];
  return (
    <Box pl="sm" style={{ borderLeft: `4px solid var(--mantine-color-${TEAM_COLOR[team.team]}-6)`, minWidth: 0 }}>
      <Stack gap={4} mb="xs" align="flex-start">
        <Title order={3} fz="md">
          {label}
        </Title>
        <FreshnessBadge team={team} />
      </Stack>
      {team.topThree.length === 0 ? (
        <Text size="sm" c="dimmed">
          {label} has not published its top three yet.{' '}
          <Anchor component={Link} to="/goals" inherit>
            Publish it in Goals
          </Anchor>
        </Text>
      ) : (
        <Stack component="ol" gap={8} m={0} p={0} style={{ listStyle: 'none' }}>
          {team.topThree.map(({ item, current }) => (
            <Group component="li" key={item.kpiId} gap={6} wrap="nowrap" align="flex-start">
              <Text size="sm" fw={700} c="dimmed" w={14} aria-hidden>
                {item.rank}
              </Text>
              <Stack gap={4} style={{ minWidth: 0 }} align="flex-start">
                <Anchor component={Link} to={`/goals/kpis/${item.kpiId}`} size="sm" fw={600} underline="hover" style={{ overflowWrap: 'anywhere' }}>
                  {item.name}
                </Anchor>
                <StatusBadge current={current} />
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Box>
  );
}
