// One check-in, run from one page (SPEC S2): the agenda built for it, who is there and whether that is a quorum, notes,
// decisions and action items, and marking it held.
import { Alert, Anchor, Button, Grid, Group, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconChevronLeft, IconChevronRight, IconCircleCheck } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../api/client.js';
import { formatRelative } from '../shell/format.js';
import { PageHeader } from '../shell/page-header.js';
import { ActionItemsCard } from './action-items-card.js';
import { AgendaCard } from './agenda-card.js';
import { AttendanceCard } from './attendance-card.js';
import { DecisionsCard } from './decisions-card.js';
import { meetingDay, meetingDayShort, meetingTime, meetingTimeRange, zoneAbbreviation } from './format.js';
import { NotesCard } from './notes-card.js';
import { useCheckinPermissions } from './permissions.js';
import { useMarkHeld, useMeeting } from './queries.js';
import { StateBadge } from './state-badge.js';
import type { MeetingView } from './types.js';

export function MeetingPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  return (
    <>
      <Anchor component={Link} to="/checkins" size="sm" underline="hover" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> All check-ins
      </Anchor>
      {meeting.isError ? (
        <>
          <PageHeader title="Check-in" description="One meeting of the weekly check-in." />
          <Alert color="red" role="alert" title={meeting.error instanceof ApiError && meeting.error.status === 404 ? 'No such check-in' : 'Could not load the check-in'}>
            {errorMessage(meeting.error)}
          </Alert>
        </>
      ) : !meeting.data ? (
        <Stack>
          <Skeleton h={60} />
          <Skeleton h={480} />
        </Stack>
      ) : (
        <Meeting meeting={meeting.data} />
      )}
    </>
  );
}

function Meeting({ meeting }: { meeting: MeetingView }) {
  const perms = useCheckinPermissions();
  const canRun = perms.canRun(meeting);
  const tz = meeting.timeZone;
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span" wrap="wrap">
            <span>{meetingDay(meeting.start, tz)}</span>
            <StateBadge state={meeting.state} size="lg" />
          </Group>
        }
        description={
          <>
            {meeting.title} · {meetingTimeRange(meeting.start, meeting.end, tz)} ({tz.replaceAll('_', ' ')})
            {meeting.location ? ` · ${meeting.location}` : ''}
          </>
        }
        actions={
          <>
            <Button.Group>
              <NavButton to={meeting.previousMeetingId} direction="previous" />
              <NavButton to={meeting.nextMeetingId} direction="next" />
            </Button.Group>
            {canRun && markable(meeting) ? <MarkHeldButton meeting={meeting} /> : null}
          </>
        }
      />
      <StatusLine meeting={meeting} canRun={canRun} />
      <Grid gap="lg" mt="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <AgendaCard meeting={meeting} />
            <NotesCard meeting={meeting} canRun={canRun} />
            <DecisionsCard meeting={meeting} canRun={canRun} />
            <ActionItemsCard meeting={meeting} canRun={canRun} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AttendanceCard meeting={meeting} canRun={canRun} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Whether marking held is still possible at all (a missed check-in older than the window never will be: no dead button). */
function markable(meeting: MeetingView): boolean {
  if (meeting.state === 'held' || meeting.state === 'cancelled') return false;
  return !(meeting.state === 'missed' && !meeting.canMarkHeld.ok && (meeting.canMarkHeld.reason ?? '').includes('days after'));
}

function NavButton({ to, direction }: { to: string | null; direction: 'previous' | 'next' }) {
  const label = direction === 'previous' ? 'Previous' : 'Next';
  const icons =
    direction === 'previous' ? { leftSection: <IconChevronLeft size={16} aria-hidden /> } : { rightSection: <IconChevronRight size={16} aria-hidden /> };
  if (!to) {
    return (
      <Button variant="default" disabled {...icons}>
        {label}
      </Button>
    );
  }
  return (
    <Button component={Link} to={`/checkins/meetings/${to}`} variant="default" aria-label={`${label} check-in`} {...icons}>
      {label}
    </Button>
  );
}

function MarkHeldButton({ meeting }: { meeting: MeetingView }) {
  const mark = useMarkHeld(meeting.id);
  const ok = meeting.canMarkHeld.ok;
  const click = () => {
    if (!ok) {
      notifications.show({ color: 'yellow', title: 'Not yet', message: meeting.canMarkHeld.reason ?? 'It cannot be marked held yet.' });
      return;
    }
    mark.mutate(undefined, {
      onSuccess: () => notifications.show({ color: 'teal', title: 'Check-in held', message: 'Marked held with quorum. It counts toward compliance.' }),
      onError: (err) => notifications.show({ color: 'red', title: 'Not marked held', message: errorMessage(err), autoClose: 10_000 }),
    });
  };
  const button = (
    <Button
      color="teal.8"
      leftSection={<IconCircleCheck size={16} aria-hidden />}
      onClick={click}
      loading={mark.isPending}
      // data-disabled keeps it focusable, so the tooltip (the reason) reaches keyboard and screen-reader users too.
      data-disabled={!ok || undefined}
      aria-disabled={!ok}
      aria-describedby={!ok ? 'mark-held-reason' : undefined}
    >
      Mark held
    </Button>
  );
  if (ok) return button;
  return (
    <>
      <Tooltip label={meeting.canMarkHeld.reason ?? 'It cannot be marked held yet.'} withArrow multiline maw={300} events={{ hover: true, focus: true, touch: false }}>
        {button}
      </Tooltip>
      <span id="mark-held-reason" hidden>
        {meeting.canMarkHeld.reason}
      </span>
    </>
  );
}

function StatusLine({ meeting, canRun }: { meeting: MeetingView; canRun: boolean }) {
  const tz = meeting.timeZone;
  switch (meeting.state) {
    case 'held':
      return (
        <Alert color="teal" variant="light" title="Held with quorum">
          {meeting.heldAt ? `Marked held ${meetingDayShort(meeting.heldAt, tz)} at ${meetingTime(meeting.heldAt, tz)} ${zoneAbbreviation(meeting.heldAt, tz)}. ` : ''}
          {meeting.attended} present.
        </Alert>
      );
    case 'missed':
      return (
        <Alert color="red" variant="light" title="Missed">
          This check-in was not marked held with quorum, so it counts against compliance.
          {canRun && meeting.canMarkHeld.reason?.includes('days after') ? ` ${meeting.canMarkHeld.reason}` : ''}
          {canRun && !meeting.canMarkHeld.reason?.includes('days after') ? ' If it did take place, record who was there and mark it held.' : ''}
        </Alert>
      );
    case 'ended':
      return (
        <Alert color="orange" variant="light" title="Ended — not marked held yet">
          {canRun
            ? 'If it took place, record who was there and mark it held; without that it turns missed 12 hours after the end.'
            : 'An attendee or leader can still mark it held.'}
        </Alert>
      );
    case 'in_progress':
      return (
        <Alert color="cyan" variant="light" title="In progress">
          {canRun ? 'Tick who is here, keep notes and agree action items; mark it held once quorum is present.' : 'The check-in is happening now.'}
        </Alert>
      );
    case 'upcoming':
      return (
        <Text size="sm" c="dimmed">
          Starts {formatRelative(meeting.start)} ({meetingTimeRange(meeting.start, meeting.end, tz)}). The agenda refreshes until then
          {canRun ? '; attendance opens on the day.' : '.'}
        </Text>
      );
    case 'cancelled':
      return (
        <Alert color="gray" variant="light" title="Cancelled">
          This check-in was cancelled; it does not count toward compliance.
        </Alert>
      );
  }
}
