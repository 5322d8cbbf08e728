// The room's team-level counts (SPEC S5 "no popularity contest": no per-person figures anywhere): the last four
// weeks against the goal of a win a week, how many were collaborative and celebrated together, wins per week over
// twelve weeks, and the count crediting each team.
import { Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { useWinsSummary } from './queries.js';
import type { WinsSummaryView } from './types.js';

const WinsChart = lazy(() => import('./wins-chart.js'));

/** A share 0..1 as "33%"; null (no wins to divide) stays null and reads "no data yet". */
const share = (v: number | null): string | null => (v === null ? null : `${Math.round(v * 100)}%`);

/** One figure of the last four weeks: the number, what it counts, and against what. */
function Figure({ value, label, detail }: { value: string | null; label: string; detail: string }) {
  return (
    <Group gap="sm" wrap="nowrap" align="center">
      <Text fw={700} fz={value === null ? 'sm' : 22} lh={1.2} w={64} ta="right" c={value === null ? 'dimmed' : undefined} style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
        {value ?? 'no data yet'}
      </Text>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      </Stack>
    </Group>
  );
}

/** One sentence for the chart's screen-reader text. */
function chartSummary(s: WinsSummaryView): string {
  const total = s.weeks.reduce((n, w) => n + w.wins, 0);
  const collab = s.weeks.reduce((n, w) => n + w.collaborative, 0);
  const best = s.weeks.reduce<WinsSummaryView['weeks'][number] | null>((b, w) => (b === null || w.wins > b.wins ? w : b), null);
  return `Wins per week over the last ${s.weeks.length} weeks: ${total} in all, ${collab} collaborative${best && best.wins > 0 ? `; the most in one week was ${best.wins}, the week of ${formatLocalDate(best.weekStart)}` : ''}.`;
}

export function SummaryCard() {
  const summary = useWinsSummary();
  const s = summary.data;
  return (
    <Card component="section" aria-labelledby="wins-summary-heading">
      <Title order={2} fz="lg" id="wins-summary-heading" mb={4}>
        How the teams celebrate
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Team counts only — nobody is ranked.
      </Text>
      <MutationError of={summary} />
      {!s ? (
        summary.isError ? null : <Skeleton h={260} />
      ) : (
        <Stack gap="md">
          <Stack gap="sm">
            <Text size="xs" tt="uppercase" fw={700} c="dimmed">
              The last 4 weeks
            </Text>
            <Figure value={s.last4Weeks.perWeek.toLocaleString(undefined, { maximumFractionDigits: 1 })} label="Wins a week" detail={`${s.last4Weeks.wins.toLocaleString()} in all · the goal is at least 1 a week`} />
            <Figure value={share(s.last4Weeks.collaborativeShare)} label="Collaborative" detail="sales and marketing both credited" />
            <Figure value={share(s.last4Weeks.celebratedShare)} label="Celebrated together" detail="marked in a check-in or on the win" />
          </Stack>
          {s.weeks.some((w) => w.wins > 0) ? (
            <Suspense fallback={<Skeleton h={200} />}>
              <WinsChart
                summary={chartSummary(s)}
                data={s.weeks.map((w) => ({ week: formatLocalDate(w.weekStart), Collaborative: w.collaborative, 'One team': Math.max(0, w.wins - w.collaborative) }))}
              />
            </Suspense>
          ) : (
            <Text size="sm" c="dimmed">
              No wins in the last {s.weeks.length} weeks yet: the chart fills in as they are posted.
            </Text>
          )}
          <div>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>
              Wins in these {s.weeks.length} weeks, by team
            </Text>
            <SimpleGrid cols={3} spacing="xs">
              <TeamCount label="Sales" n={s.byTeam.sales} />
              <TeamCount label="Marketing" n={s.byTeam.marketing} />
              <TeamCount label="Both together" n={s.byTeam.collaborative} />
            </SimpleGrid>
          </div>
        </Stack>
      )}
    </Card>
  );
}

function TeamCount({ label, n }: { label: string; n: number }) {
  return (
    <Stack gap={0}>
      <Text fw={700} fz="lg" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {n.toLocaleString()}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
