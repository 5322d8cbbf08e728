// The room's team-level counts (SPEC S5 "no popularity contest": no per-person figures anywhere): the last four
// weeks against the goal of a win a week, how many were collaborative and celebrated together, wins per week over
// twelve weeks, and the count crediting each team.
import { Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { formatShare } from './format.js';
import { useWinsSummary } from './queries.js';
import type { WinsSummaryView } from './types.js';

const WinsChart = lazy(() => import('./wins-chart.js'));

function Figure({ label, value, detail }: { label: string; value: string; detail: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22} lh={1.3}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Stack>
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
          <SimpleGrid cols={3} spacing="sm">
            <Figure label="Per week" value={s.last4Weeks.wins === 0 ? '0' : s.last4Weeks.perWeek.toLocaleString(undefined, { maximumFractionDigits: 1 })} detail={`${s.last4Weeks.wins.toLocaleString()} in 4 weeks · goal 1+`} />
            <Figure label="Collaborative" value={formatShare(s.last4Weeks.collaborativeShare)} detail="sales and marketing both credited" />
            <Figure label="Celebrated" value={formatShare(s.last4Weeks.celebratedShare)} detail="together, in a check-in or team moment" />
          </SimpleGrid>
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
          <Group gap="lg" wrap="wrap">
            <Text size="xs" c="dimmed" w="100%" mb={-8}>
              In these {s.weeks.length} weeks
            </Text>
            <TeamCount label="Crediting sales" n={s.byTeam.sales} />
            <TeamCount label="Crediting marketing" n={s.byTeam.marketing} />
            <TeamCount label="Both: collaborative" n={s.byTeam.collaborative} />
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function TeamCount({ label, n }: { label: string; n: number }) {
  return (
    <Text size="sm">
      <Text span fw={700}>
        {n.toLocaleString()}
      </Text>{' '}
      <Text span c="dimmed" size="sm">
        {label}
      </Text>
    </Text>
  );
}
