// The quarter's days, week by week (SPEC S4): who shadows whom on which day. Days spread across the weeks, never on
// the check-in's weekday; this week is marked. A week list rather than a month grid, so a phone reads it too.
import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { addDays, todayIn } from '../checkins/format.js';
import { formatLocalDate, WEEKDAYS } from '../shell/format.js';
import { useSession } from '../shell/session.js';
import { mondayOf } from './format.js';
import { PairStatusBadge } from './pair-status-badge.js';
import type { PairView, ProgramView } from './types.js';

export function QuarterCalendar({ program }: { program: ProgramView }) {
  const { workspace } = useSession();
  const today = todayIn(workspace.timeZone);
  const thisWeek = mondayOf(today);
  const { startDate, endDate } = program.quarter;
  const dated = program.pairs.filter((p): p is PairView & { date: string } => p.date !== null).sort((a, b) => a.date.localeCompare(b.date) || a.guest.name.localeCompare(b.guest.name));
  // A row per week with days; a run of weeks without any (and not this week) folds into one row, so a quarter opened
  // late does not open on a column of dashes.
  const rows: Array<{ week: string; until: string | null; days: Array<PairView & { date: string }> }> = [];
  for (let w = mondayOf(startDate); w < endDate; w = addDays(w, 7)) {
    const days = dated.filter((p) => mondayOf(p.date) === w);
    const last = rows[rows.length - 1];
    if (days.length === 0 && w !== thisWeek && last && last.days.length === 0 && last.week !== thisWeek) last.until = w;
    else rows.push({ week: w, until: null, days });
  }
  const undated = program.pairs.length - dated.length;

  return (
    <Card component="section" aria-labelledby="calendar-heading">
      <Title order={2} fz="lg" id="calendar-heading">
        Calendar
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {program.quarter.label}: {formatLocalDate(startDate)} to {formatLocalDate(addDays(endDate, -1))}.
        {program.checkinWeekday !== null ? ` No shadow day falls on a ${WEEKDAYS[program.checkinWeekday]}, the check-in’s day.` : ''}
        {undated > 0 ? ` ${undated} ${undated === 1 ? 'pair has' : 'pairs have'} no date yet.` : ''}
      </Text>
      {dated.length === 0 ? (
        <Text size="sm" c="dimmed">
          No days scheduled yet.
        </Text>
      ) : (
        <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {rows.map(({ week, until, days }) => {
            const current = week === thisWeek;
            return (
              <Group
                key={week}
                component="li"
                align="flex-start"
                gap="sm"
                py={8}
                wrap="nowrap"
                aria-current={current ? 'date' : undefined}
                style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              >
                <Stack gap={2} w={{ base: 72, sm: 96 }} style={{ flexShrink: 0 }}>
                  <Text size="sm" fw={current ? 700 : 500}>
                    {formatLocalDate(week < startDate ? startDate : week)}
                    {until ? ` – ${formatLocalDate(addDays(until, 6) < endDate ? addDays(until, 6) : addDays(endDate, -1))}` : ''}
                  </Text>
                  {current ? (
                    <Text size="xs" fw={700} c="var(--mantine-primary-color-light-color)">
                      This week
                    </Text>
                  ) : null}
                </Stack>
                {days.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No shadow days
                  </Text>
                ) : (
                  <Stack gap={8} style={{ minWidth: 0, flex: 1 }}>
                    {days.map((p) => (
                      <Stack key={p.id} gap={0}>
                        <Group gap="xs" justify="space-between" wrap="nowrap">
                          <Text span fw={600} size="sm">
                            {formatLocalDate(p.date, { weekday: true })}
                          </Text>
                          <PairStatusBadge status={p.status} />
                        </Group>
                        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {p.guest.name} with {p.host.name}
                        </Text>
                      </Stack>
                    ))}
                  </Stack>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
