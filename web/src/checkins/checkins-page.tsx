// Strategy TWO (SPEC S2): the weekly check-in — its schedule, the next meeting, how reliably it is held, the action items it
// produced, and the calendar feed.
import { Alert, Blockquote, Card, Grid, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { errorMessage } from '../api/client.js';
import { PageHeader } from '../shell/page-header.js';
import { useSession } from '../shell/session.js';
import { useMemberSummary } from '../workspaces/queries.js';
import { CalendarFeedCard } from './calendar-feed-card.js';
import { ComplianceCard } from './compliance-card.js';
import { MeetingsList } from './meetings-list.js';
import { MyActionItemsCard } from './my-action-items.js';
import { NextMeetingCard } from './next-meeting-card.js';
import { useCheckinPermissions } from './permissions.js';
import { useCompliance, usePastMeetings, useSeries, useUpcomingMeetings } from './queries.js';
import { SeriesCard } from './series-card.js';
import { SeriesForm } from './series-form.js';
import type { SeriesView } from './types.js';

const QUOTE =
  'Schedule a brief weekly check-in involving the key players from both teams. Discuss the relevant KPIs, and support the two teams as they synchronize their efforts to improve them. Amazingly, most companies do not make this meeting a requirement.';

export function CheckinsPage() {
  const series = useSeries();
  return (
    <>
      <PageHeader
        title="Check-ins"
        description={
          <>
            “A brief weekly check-in involving the key players from both teams … Amazingly, most companies do not make this meeting a
            requirement.” Here it is one: an agenda built for every meeting, attendance with a quorum, and action items that carry over
            until done.
          </>
        }
      />
      {series.isError ? (
        <Alert color="red" title="Could not load the check-in" role="alert">
          {errorMessage(series.error)}
        </Alert>
      ) : !series.data ? (
        <Skeleton h={320} radius="md" />
      ) : series.data.series ? (
        <SeriesOverview series={series.data.series} />
      ) : (
        <SetUp />
      )}
    </>
  );
}

function SeriesOverview({ series }: { series: SeriesView }) {
  const upcoming = useUpcomingMeetings();
  const past = usePastMeetings();
  const compliance = useCompliance();
  const { member } = useSession();
  const { canManageSeries } = useCheckinPermissions();
  // The last twelve that started and the next four, oldest first: what the cards around the list read.
  const list = upcoming.data && !past.isPending ? [...past.items.slice(0, 12).reverse(), ...upcoming.data.items] : null;
  const onCalendar = canManageSeries || series.attendees.some((a) => a.memberId === member.id);
  const failed = upcoming.error ?? (past.isError ? past.error : null) ?? compliance.error;
  return (
    <Stack gap="lg">
      {failed ? (
        <Alert color="red" role="alert">
          {errorMessage(failed)}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            {list ? <NextMeetingCard series={series} meetings={list} /> : <Skeleton h={150} radius="md" />}
            {list && upcoming.data ? <MeetingsList series={series} upcoming={upcoming.data.items} past={past} /> : <Skeleton h={420} radius="md" />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            {compliance.data && list ? <ComplianceCard compliance={compliance.data} meetings={list} timeZone={series.timeZone} /> : <Skeleton h={320} radius="md" />}
            <MyActionItemsCard />
            <SeriesCard series={series} />
            <CalendarFeedCard onCalendar={onCalendar} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** No series yet: leaders set it up right here; everyone else learns whom to ask. */
function SetUp() {
  const { canManageSeries } = useCheckinPermissions();
  const summary = useMemberSummary();
  return (
    <Card p="xl">
      <Stack gap="lg" maw={720} mx="auto">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon size={56} radius="xl" variant="light" color="indigo" aria-hidden>
            <IconCalendarEvent size={30} stroke={1.5} />
          </ThemeIcon>
          <div>
            <Title order={2} fz="xl">
              Set up the weekly check-in
            </Title>
            <Text size="sm" c="dimmed">
              Thirty minutes a week for the key players of sales and marketing. Each meeting gets an agenda built for it: both teams’ KPIs
              with their change since the last check-in, the open action items and what attendees add, opening with the wins since
              the last one and carrying new sales evidence (shadow-day reflections join when that room opens).
            </Text>
          </div>
        </Group>
        <Blockquote color="indigo" p="md">
          <Text size="sm" fs="italic">
            “{QUOTE}”
          </Text>
        </Blockquote>
        {canManageSeries ? (
          <SeriesForm series={null} />
        ) : summary.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(summary.error)}
          </Alert>
        ) : !summary.data ? (
          <Skeleton h={120} />
        ) : (
          <AskALeader leads={summary.data.teams.flatMap((t) => t.firstLeads.map((l) => l.name))} more={summary.data.teams.reduce((n, t) => n + t.leads - t.firstLeads.length, 0)} />
        )}
      </Stack>
    </Card>
  );
}

/** Whom to ask: the first leads of each team by name (and how many more there are). */
function AskALeader({ leads, more }: { leads: string[]; more: number }) {
  return (
    <Alert color="indigo" variant="light" title="Nobody has scheduled it yet">
      Leaders and admins set up the weekly check-in.{' '}
      {leads.length > 0 ? `Ask ${leads.join(', ')}${more > 0 ? ` or one of ${more.toLocaleString()} other leads` : ''} to schedule it.` : 'Ask an admin of this workspace to schedule it.'}
    </Alert>
  );
}
