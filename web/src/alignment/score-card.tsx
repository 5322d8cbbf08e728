// The dashboard's alignment score (SPEC S6; issue 14): the overall score 0–100 with its band in words and its weekly trend,
// then the five strategies, each with its score or why it has none, its reasons on demand and the room where to act.
// Leaders and admins change the weights here.
import { Alert, Badge, Box, Button, Grid, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useState } from 'react';
import { IconAdjustmentsHorizontal, IconChartDonut3, IconTrendingDown, IconTrendingUp, IconMinus } from '@tabler/icons-react';
import { errorMessage } from '../api/client.js';
import { formatLocalDate } from '../shell/format.js';
import { useSession } from '../shell/session.js';
import { changeWords, scoreBand, strategyChanges, trendOf, trendWords, weightShares } from './format.js';
import { Panel } from './panel.js';
import { ScoreTrend } from './score-trend.js';
import { StrategyRow } from './strategy-row.js';
import type { AlignmentView } from './types.js';

// The weights editor loads when a leader first opens it.
const WeightsModal = lazy(() => import('./weights-modal.js'));

export function ScoreCard({ query }: { query: { data: AlignmentView | undefined; isError: boolean; error: unknown } }) {
  const { member } = useSession();
  const canWeigh = member.role === 'leader' || member.role === 'admin';
  const [weighing, weights] = useDisclosure(false);
  // Mounted from the first opening on, so closing it plays its transition.
  const [everOpened, setEverOpened] = useState(false);
  const view = query.data;
  return (
    <Panel
      id="alignment-heading"
      title="Alignment score"
      icon={<IconChartDonut3 size={22} />}
      color="indigo"
      action={
        canWeigh && view ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconAdjustmentsHorizontal size={14} aria-hidden />}
            onClick={() => {
              setEverOpened(true);
              weights.open();
            }}
          >
            Edit weights
          </Button>
        ) : null
      }
    >
      {query.isError ? (
        <Alert color="red" role="alert" title="Could not load the alignment score">
          {errorMessage(query.error)}
        </Alert>
      ) : !view ? (
        <Skeleton h={320} />
      ) : (
        <Grid gap="xl" type="container" breakpoints={{ xs: '400px', sm: '560px', md: '720px', lg: '960px', xl: '1200px' }}>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <Overall view={view} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <Strategies view={view} />
          </Grid.Col>
        </Grid>
      )}
      {view && everOpened ? (
        <Suspense fallback={null}>
          <WeightsModal view={view} opened={weighing} onClose={weights.close} />
        </Suspense>
      ) : null}
    </Panel>
  );
}

function Overall({ view }: { view: AlignmentView }) {
  const { score, scoredStrategies, totalStrategies } = view.overall;
  const band = scoreBand(score);
  const trend = trendOf(view.history, score);
  const TrendIcon = !trend || trend.delta === 0 ? IconMinus : trend.delta > 0 ? IconTrendingUp : IconTrendingDown;
  const trendLabel = trend
    ? `Alignment score by week since ${formatLocalDate(trend.since)}: ${trendWords(trend).toLowerCase()}, ${score ?? view.history.at(-1)?.score ?? 'not scored'} now.`
    : 'Not enough weeks stored yet for a trend.';
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end" wrap="nowrap">
        {score === null ? (
          <Text fz={28} fw={700} lh={1.1} data-testid="overall-score">
            Not scored yet
          </Text>
        ) : (
          <Text fz={64} fw={750} lh={0.9} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid="overall-score">
            {score}
            <VisuallyHidden component="span"> out of 100</VisuallyHidden>
            <Text component="span" fz={20} fw={600} c="dimmed" aria-hidden>
              /100
            </Text>
          </Text>
        )}
        {score === null ? null : (
          <Badge size="lg" variant="light" color={band.color} radius="sm">
            {band.label}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {score === null
          ? 'No strategy has data to judge yet: the next actions start it.'
          : scoredStrategies < totalStrategies
            ? `From ${scoredStrategies} of ${totalStrategies} strategies; the others are not scored yet.`
            : `From all ${totalStrategies} strategies.`}
      </Text>
      <Box>
        <Group gap={6} mb={4} wrap="nowrap">
          <TrendIcon size={18} aria-hidden />
          <Text size="sm" fw={600}>
            {trend ? `${trendWords(trend)} since ${formatLocalDate(trend.since)}` : 'No trend yet'}
          </Text>
        </Group>
        {view.history.length > 0 ? (
          <ScoreTrend history={view.history} label={trendLabel} />
        ) : (
          <Text size="sm" c="dimmed">
            The score is stored once a week; its trend shows from the second week.
          </Text>
        )}
        {view.history.length > 0 ? (
          <Text size="xs" c="dimmed" mt={2}>
            Weekly, last {view.history.length} {view.history.length === 1 ? 'week' : 'weeks'}
          </Text>
        ) : null}
      </Box>
      {trend ? <StrategyMoves view={view} since={trend.since} /> : null}
      {view.unavailable.map((u) => (
        <Alert key={u.room} color="yellow" role="status">
          {u.message}
        </Alert>
      ))}
    </Stack>
  );
}

function Strategies({ view }: { view: AlignmentView }) {
  // The score is renormalised over the scored strategies: their shares are of those alone.
  const counted = { ...view.weights };
  for (const s of view.strategies) if (s.score === null) counted[s.strategy] = 0;
  const shares = weightShares(counted);
  return (
    <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="The five strategies">
      {view.strategies.map((s) => (
        <StrategyRow key={s.strategy} strategy={s} share={shares[s.strategy]} />
      ))}
    </Box>
  );
}

/** Which strategies moved the score over the stored weeks: each one's first scored week against its latest. */
function StrategyMoves({ view, since }: { view: AlignmentView; since: string }) {
  const label = (k: string) => view.strategies.find((s) => s.strategy === k)?.label ?? k;
  const now = { goals: null, checkins: null, messaging: null, shadowing: null, wins: null, ...Object.fromEntries(view.strategies.map((s) => [s.strategy, s.score])) };
  return (
    <Table verticalSpacing={4} horizontalSpacing={6} fz="sm" withRowBorders={false} captionSide="top">
      <Table.Caption style={{ textAlign: 'left', marginBottom: 4 }}>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" component="span">
          Each strategy since {formatLocalDate(since)}
        </Text>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>
            <VisuallyHidden>Strategy</VisuallyHidden>
          </Table.Th>
          <Table.Th ta="right" fw={600} c="dimmed" fz="xs">
            Then
          </Table.Th>
          <Table.Th ta="right" fw={600} c="dimmed" fz="xs">
            Now
          </Table.Th>
          <Table.Th fw={600} c="dimmed" fz="xs">
            Change
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {strategyChanges(view.history, now).map((c) => {
          const d = c.from === null || c.to === null ? null : c.to - c.from;
          const Icon = d === null || d === 0 ? IconMinus : d > 0 ? IconTrendingUp : IconTrendingDown;
          return (
            <Table.Tr key={c.strategy}>
              <Table.Td>{label(c.strategy)}</Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {c.from ?? '—'}
              </Table.Td>
              <Table.Td ta="right" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                {c.to ?? '—'}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Icon size={14} aria-hidden />
                  {changeWords(c)}
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
