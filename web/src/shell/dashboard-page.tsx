import { Alert, Anchor, Avatar, Badge, Card, Group, List, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCircleCheckFilled, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import type { MemberSummaryView, WorkspaceView } from '../api/types.js';
import { AlignmentSignalsCard } from './alignment-signals-card.js';
import { TEAM_COLOR, TEAM_LABEL, TEAMS } from '../theme.js';
import { useMemberSummary } from '../workspaces/queries.js';
import { initials, MONTHS } from './format.js';
import { PageHeader } from './page-header.js';
import { TodosCard } from './todos-card.js';
import { usePermissions, useSession } from './session.js';

export function DashboardPage() {
  const { workspace, me } = useSession();
  const summary = useMemberSummary();
  const firstName = me.user.name.split(/\s+/)[0] ?? me.user.name;
  return (
    <>
      <PageHeader
        title={workspace.name}
        description={`Hi ${firstName}. Here is where your sales, marketing and leadership teams stand.`}
      />
      {summary.isError ? (
        <Alert color="red" title="Could not load the teams" role="alert" mb="lg">
          {errorMessage(summary.error)}
        </Alert>
      ) : null}
      <Stack gap="lg">
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
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {summary.data ? <GettingStarted workspace={workspace} summary={summary.data} /> : <Skeleton h={260} radius="md" />}
          <TodosCard />
          <AlignmentSignalsCard />
        </SimpleGrid>
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

interface Step {
  done: boolean;
  title: string;
  detail: string;
  action?: ReactNode;
}

function GettingStarted({ workspace, summary }: { workspace: WorkspaceView; summary: MemberSummaryView }) {
  const { isAdmin } = usePermissions();
  const team = (name: TeamCounts['team']) => summary.teams.find((t) => t.team === name);
  const sales = team('sales')?.members ?? 0;
  const marketing = team('marketing')?.members ?? 0;
  const salesKey = team('sales')?.keyPlayers ?? 0;
  const marketingKey = team('marketing')?.keyPlayers ?? 0;
  const settingsLink = (to: string, label: string) =>
    isAdmin ? (
      <Anchor component={Link} to={to} size="sm">
        {label}
      </Anchor>
    ) : (
      <Text size="sm" c="dimmed">
        An admin can do this in Settings.
      </Text>
    );

  const steps: Step[] = [
    {
      done: sales > 0 && marketing > 0,
      title: 'Invite your teams',
      detail: `At least one sales and one marketing member. Now: ${sales} in sales, ${marketing} in marketing.`,
      action: settingsLink('/settings/invites', 'Create an invite link'),
    },
    {
      done: salesKey > 0 && marketingKey > 0,
      title: 'Mark key players for the weekly check-in',
      detail: `At least one from each team. Now: ${salesKey} in sales, ${marketingKey} in marketing.`,
      action: settingsLink('/settings/members', 'Choose key players'),
    },
    {
      // Sign-up falls back to UTC with fiscal years from January; anything else was chosen on purpose.
      done: workspace.timeZone !== 'UTC' || workspace.fiscalYearStartMonth !== 1,
      title: 'Set time zone & fiscal year',
      detail: `Time zone ${workspace.timeZone.replaceAll('_', ' ')}; the fiscal year starts in ${MONTHS[workspace.fiscalYearStartMonth - 1] ?? 'January'}.`,
      action: settingsLink('/settings/workspace', 'Review workspace settings'),
    },
  ];
  const done = steps.filter((s) => s.done).length;

  return (
    <Card>
      <Group justify="space-between" mb={4}>
        <Title order={2} fz="lg">
          Getting started
        </Title>
        <Badge variant="light" color={done === steps.length ? 'teal' : 'indigo'}>
          {done} of {steps.length} done
        </Badge>
      </Group>
      <Progress value={(done / steps.length) * 100} color="teal" size="sm" mb="md" aria-label={`${done} of ${steps.length} steps done`} />
      <List spacing="md" listStyleType="none" p={0}>
        {steps.map((s) => (
          <List.Item
            key={s.title}
            icon={
              <ThemeIcon color={s.done ? 'teal' : 'gray'} variant="transparent" size={24} aria-hidden>
                {s.done ? <IconCircleCheckFilled size={22} /> : <IconCircleDashed size={22} />}
              </ThemeIcon>
            }
          >
            <Text size="sm" fw={600}>
              {s.title}
              <VisuallyHidden>{s.done ? ' (done)' : ' (to do)'}</VisuallyHidden>
            </Text>
            <Text size="sm" c="dimmed">
              {s.detail}
            </Text>
            {!s.done ? s.action : null}
          </List.Item>
        ))}
      </List>
    </Card>
  );
}
