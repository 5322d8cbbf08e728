// This quarter's shadow days on the dashboard (SPEC S4 seen from S6): per team, the days completed against those expected
// by now (pro-rated through the quarter), and who is overdue. No programme yet says so, with a link to start one.
import { Anchor, Badge, Box, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { Link } from 'react-router';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { paceOf } from './format.js';
import { Panel, PanelError } from './panel.js';
import { useCurrentShadowProgram } from './queries.js';
import type { ShadowProgress } from './types.js';

export function ShadowProgressCard() {
  const q = useCurrentShadowProgram();
  const program = q.data?.program ?? null;
  const quarter = program?.quarter.label ?? q.data?.quarterLabel ?? null;
  return (
    <Panel id="shadow-progress-heading" title="Shadow days" subtitle={quarter} icon={<IconArrowsExchange size={22} />} color="cyan" link={{ to: '/shadowing', label: 'Shadowing' }}>
      {q.isError ? (
        <PanelError error={q.error} />
      ) : !q.data ? (
        <Skeleton h={120} />
      ) : !program ? (
        <Text size="sm" c="dimmed">
          {quarter ? `No shadow programme for ${quarter} yet. ` : 'Shadow days have not started in this workspace. '}
          <Anchor component={Link} to="/shadowing" inherit>
            {quarter ? 'Start one in Shadowing' : 'Open Shadowing'}
          </Anchor>
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {program.completed} of {program.participants} shadow days done this quarter.
          </Text>
          {program.progress.teams.map((t) => (
            <TeamProgress key={t.team} row={t} />
          ))}
          {program.progress.overdue.length > 0 ? (
            <Text size="sm">
              <Anchor component={Link} to="/shadowing" inherit>
                {program.progress.overdue.length} overdue
              </Anchor>
              {`: ${program.progress.overdue
                .slice(0, 3)
                .map((o) => o.member.name)
                .join(', ')}${program.progress.overdue.length > 3 ? ` and ${program.progress.overdue.length - 3} more` : ''}`}
            </Text>
          ) : null}
        </Stack>
      )}
    </Panel>
  );
}

function TeamProgress({ row }: { row: ShadowProgress['teams'][number] }) {
  const pace = paceOf(row.completed, row.expectedByNow);
  const pct = row.participants === 0 ? 0 : (row.completed / row.participants) * 100;
  return (
    <Box>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={600}>
          {TEAM_LABEL[row.team]}
        </Text>
        <Badge size="sm" variant="light" color={pace.color} radius="sm">
          {pace.label}
        </Badge>
      </Group>
      <Box aria-hidden my={4}>
        <Progress value={pct} color={TEAM_COLOR[row.team]} size="sm" radius="xl" />
      </Box>
      <Text size="xs" c="dimmed">
        {row.completed} of {row.participants} done · {row.expectedByNow.toLocaleString('en-US', { maximumFractionDigits: 1 })} expected by now
      </Text>
    </Box>
  );
}
