import { Group, SimpleGrid, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconBrain, IconCalendarCheck } from '@tabler/icons-react';
import { PageHeader } from '../shell/page-header.js';
import { StatCard } from '../shell/stat-card.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { AwarenessCard, CompAlignmentCard, ExpectationGapCard } from './alignment-cards.js';
import { pct, tone } from './format.js';
import { FreshnessText, QueryError } from './goal-badges.js';
import { GoalsNav } from './goals-nav.js';
import { useGoalsPermissions } from './permissions.js';
import { PublicationHistory } from './publication-history.js';
import { useGoalsOverview } from './queries.js';
import { SharedGoalsCard } from './shared-goals-card.js';
import { TeamTopThree } from './team-top-three.js';
import type { GoalsOverviewView } from './types.js';

export const GOALS_DESCRIPTION = "Each team's published top three KPIs, how they are measured and how the team is paid for them — side by side.";

// Strategy ONE (SPEC S1): published goals.
export function GoalsPage() {
  const overview = useGoalsOverview();
  const { canAnswer } = useGoalsPermissions();
  const data = overview.data;
  return (
    <>
      <PageHeader title="Goals" description={GOALS_DESCRIPTION} />
      <GoalsNav />
      {overview.isError ? <QueryError error={overview.error} title="Could not load the goals" /> : null}
      {!data ? (
        overview.isError ? null : <OverviewSkeleton />
      ) : (
        <Stack gap="lg">
          <SummaryStrip data={data} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            {data.teams.map((t) => (
              <TeamTopThree key={t.team} team={t} />
            ))}
          </SimpleGrid>
          <SharedGoalsCard shared={data.shared} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <ExpectationGapCard gap={data.gap} canAnswer={canAnswer} />
            <Stack gap="lg">
              <CompAlignmentCard comp={data.comp} />
              <AwarenessCard awareness={data.awareness} canAnswer={canAnswer} />
            </Stack>
          </SimpleGrid>
          <PublicationHistory />
        </Stack>
      )}
    </>
  );
}

function SummaryStrip({ data }: { data: GoalsOverviewView }) {
  // The one count of comp flags, the same as the dashboard's (the server's summary).
  const { flags, payPlans } = data.comp.summary;
  return (
    <section aria-labelledby="summary-heading">
      <VisuallyHidden>
        <h2 id="summary-heading">Summary</h2>
      </VisuallyHidden>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        {data.teams.map((t) => (
          <StatCard key={t.team} icon={<IconCalendarCheck size={18} />} color={TEAM_COLOR[t.team]} label={`${TEAM_LABEL[t.team]} top three`}>
            <FreshnessText team={t} />
            <Text size="xs" c="dimmed">
              {t.latest ? t.latest.byline : 'A lead publishes it'}
              {t.unpublishedChanges ? ' · changes not yet published' : ''}
            </Text>
          </StatCard>
        ))}
        <StatCard icon={<IconBrain size={18} />} color="indigo" label="Awareness (quiz score)">
          <Group gap="lg">
            {data.awareness.length === 0 ? (
              <Text size="sm" c="dimmed">
                No answers yet
              </Text>
            ) : (
              data.awareness.map((a) => (
                <div key={a.team}>
                  <Text fw={700} size="lg" lh={1.2}>
                    {pct(a.score)}
                  </Text>
                  <Text c="dimmed" size="xs">
                    {a.team === 'sales' || a.team === 'marketing' || a.team === 'leadership' ? TEAM_LABEL[a.team] : a.team}
                  </Text>
                </div>
              ))
            )}
          </Group>
        </StatCard>
        <StatCard icon={<IconAlertTriangle size={18} />} color={flags.high > 0 ? 'red' : payPlans === 'all' ? 'teal' : 'gray'} label="Comp alignment">
          <div>
            {flags.total === 0 && payPlans === 'none' ? (
              <Text fw={600} size="sm" c="dimmed">
                No pay plans entered yet
              </Text>
            ) : (
              <>
                <Text fw={700} size="lg" lh={1.2} style={flags.high > 0 ? tone('red') : undefined}>
                  {flags.total} comp {flags.total === 1 ? 'flag' : 'flags'}
                </Text>
                <Text c="dimmed" size="xs">
                  {flags.total === 0 ? data.comp.summary.headline : `${flags.high} high, ${flags.medium + flags.low} medium or low`}
                </Text>
              </>
            )}
          </div>
        </StatCard>
      </SimpleGrid>
    </section>
  );
}

function OverviewSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading the goals">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={80} radius="md" />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Skeleton h={480} radius="md" />
        <Skeleton h={480} radius="md" />
      </SimpleGrid>
    </Stack>
  );
}
