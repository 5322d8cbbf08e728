// The leader's dashboard (SPEC S6; issue 14), the page opened every Monday: the alignment score with its trend and the
// five strategies, the next actions that would raise it, what you owe, the next check-in and its agenda, both teams' top
// three, the latest wins, this quarter's shadow days and the messaging gap; Getting started for a new workspace, and the
// teams at the foot.
import { Alert, Avatar, Card, Grid, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '../api/client.js';
import type { MemberSummaryView } from '../api/types.js';
import { MessagingGapCard } from '../alignment/messaging-gap-card.js';
import { NextActionsCard } from '../alignment/next-actions-card.js';
import { NextCheckinCard } from '../alignment/next-checkin-card.js';
import { useAlignment } from '../alignment/queries.js';
import { ScoreCard } from '../alignment/score-card.js';
import { ShadowProgressCard } from '../alignment/shadow-progress-card.js';
import { TopThreeCard } from '../alignment/top-three-card.js';
import { TEAM_COLOR, TEAM_LABEL, TEAMS } from '../theme.js';
import { useMemberSummary } from '../workspaces/queries.js';
import { GettingStartedCard } from './getting-started-card.js';
import { initials } from './format.js';
import { PageHeader } from './page-header.js';
import { TodosCard } from './todos-card.js';
import { useGettingStarted } from './queries.js';
import { useSession } from './session.js';
import { LatestWinsCard } from '../wins/latest-wins-card.js';

export function DashboardPage() {
  const { workspace, me } = useSession();
  const summary = useMemberSummary();
  const alignment = useAlignment();
  // A new workspace starts with Getting started on top; once half its steps are done the score leads and the list
  // moves below the rooms' cards until it is put away.
  const gettingStarted = useGettingStarted().data;
  const gettingStartedFirst = !gettingStarted || gettingStarted.done < gettingStarted.total / 2;
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  return (
    <>
      <PageHeader
        title={workspace.name}
        description={`Hi ${firstName}. Here is how aligned your sales and marketing teams are, and what to do next.`}
      />
      <Stack gap="lg">
        {gettingStartedFirst ? <GettingStartedCard /> : null}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <ScoreCard query={alignment} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <NextActionsCard view={alignment.data} />
              <TodosCard />
            </Stack>
          </Grid.Col>
        </Grid>
        {/* Two columns that stack on their own, so a short card leaves no hole beside a tall one. */}
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <NextCheckinCard />
              <LatestWinsCard />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Stack gap="lg">
              <TopThreeCard />
              <ShadowProgressCard />
              <MessagingGapCard />
            </Stack>
          </Grid.Col>
        </Grid>
        {gettingStartedFirst ? null : <GettingStartedCard />}
        {summary.isError ? (
          <Alert color="red" title="Could not load the teams" role="alert">
            {errorMessage(summary.error)}
          </Alert>
        ) : null}
        <section aria-labelledby="teams-heading">
          <Title order={2} fz="lg" mb="sm" id="teams-heading">
            Teams
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
            {TEAMS.map((team) => {
              const counts = summary.data?.teams.find((t) => t.team === team);
              return counts ? <TeamCard key={team} counts={counts} /> : <Skeleton key={team} h={170} radius="md" />;
            })}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}

type TeamCounts = MemberSummaryView['teams'][number];

function TeamCard({ counts }: { counts: TeamCounts }) {
  const { team, firstKeyPlayers: keyPlayers } = counts;
  const color = TEAM_COLOR[team];
  return (
    <Card style={{ borderTop: `4px solid var(--mantine-color-${color}-6)` }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={3} fz="md">
            {TEAM_LABEL[team]}
          </Title>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {counts.leads === 0 ? 'No team lead yet' : `Led by ${listNames(counts.firstLeads.map((m) => m.name), counts.leads)}`}
          </Text>
        </div>
        <Stack gap={0} align="flex-end">
          <Text fz={30} fw={700} lh={1} c={`${color}.8`}>
            {counts.members.toLocaleString()}
          </Text>
          <Text size="xs" c="dimmed">
            {counts.members === 1 ? 'member' : 'members'}
          </Text>
        </Stack>
      </Group>
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt="md" mb={6}>
        Key players
      </Text>
      {counts.keyPlayers === 0 ? (
        <Text size="sm" c="dimmed">
          None marked yet.
        </Text>
      ) : (
        <Stack gap={6}>
          {keyPlayers.map((m) => (
            <Group key={m.id} gap="xs" wrap="nowrap">
              <Avatar size={26} radius="xl" color={color} aria-hidden>
                {initials(m.name)}
              </Avatar>
              <Text size="sm" truncate>
                {m.name}
              </Text>
              {m.function ? (
                <Text size="xs" c="dimmed" truncate>
                  {m.function}
                </Text>
              ) : null}
            </Group>
          ))}
          {counts.keyPlayers > keyPlayers.length ? (
            <Text size="xs" c="dimmed">
              and {(counts.keyPlayers - keyPlayers.length).toLocaleString()} more
            </Text>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}

/** "A and B", or "A, B and 3 more" when there are `count` in all. */
const listNames = (names: string[], count = names.length): string =>
  count <= 2 ? names.slice(0, 2).join(' and ') : `${names.slice(0, 2).join(', ')} and ${count - 2} more`;
