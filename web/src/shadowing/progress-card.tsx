// Progress this quarter (SPEC S4): per team, members who completed their day (the day passed and the reflection
// written) against how many should have by now (pro-rated by the workdays elapsed), and who is overdue and why.
import { Badge, Card, Group, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { paceOf, TEAM_COLOR, TEAM_LABEL } from './format.js';
import type { ProgramView } from './types.js';

/** "1.5" or "2": the server rounds expected-by-now to one decimal. */
const oneDecimal = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export function ProgressCard({ program }: { program: ProgramView }) {
  const { teams, overdue } = program.progress;
  const closed = program.status === 'closed';
  return (
    <Card component="section" aria-labelledby="progress-heading">
      <Title order={2} fz="lg" id="progress-heading">
        Progress
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {closed ? `${program.quarter.label} has ended.` : 'Completed means the day has passed and the guest wrote the reflection.'}
      </Text>
      <Stack gap="md">
        {teams.map((t) => {
          const pct = (n: number) => (t.participants > 0 ? Math.min(100, (n / t.participants) * 100) : 0);
          const pace = paceOf(t.completed, t.expectedByNow);
          const label = `${TEAM_LABEL[t.team]}: ${t.completed} of ${t.participants} completed; ${oneDecimal(t.expectedByNow)} expected by now`;
          return (
            <Stack key={t.team} gap={6} aria-label={label} role="group">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600}>{TEAM_LABEL[t.team]}</Text>
                {t.participants === 0 ? (
                  <Text size="sm" c="dimmed">
                    No participants
                  </Text>
                ) : (
                  <Badge variant="light" color={pace.color}>
                    {pace.label}
                  </Badge>
                )}
              </Group>
              <Tooltip label={`Expected by now: ${oneDecimal(t.expectedByNow)} of ${t.participants}`} withArrow>
                <Progress.Root size="lg" aria-hidden>
                  <Progress.Section value={pct(t.completed)} color={TEAM_COLOR[t.team]} />
                  <Progress.Section value={Math.max(0, pct(t.expectedByNow) - pct(t.completed))} color={`${TEAM_COLOR[t.team]}.2`} />
                </Progress.Root>
              </Tooltip>
              <Text size="sm">
                <Text span fw={700}>
                  {t.completed} of {t.participants}
                </Text>{' '}
                completed · {oneDecimal(t.expectedByNow)} expected by now
              </Text>
            </Stack>
          );
        })}
      </Stack>
      <Title order={3} fz="sm" mt="lg" mb={6}>
        Overdue
      </Title>
      {overdue.length === 0 ? (
        <Text size="sm" c="dimmed">
          {program.pairs.length === 0 ? 'No pairs yet.' : 'Nobody is overdue.'}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {overdue.map((o) => (
            <Group key={o.member.id} component="li" justify="space-between" gap={4} wrap="wrap">
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {o.member.name}
              </Text>
              <Text size="sm" c="dimmed">
                {o.why}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
