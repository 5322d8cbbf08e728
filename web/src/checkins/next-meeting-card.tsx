// The check-in to prepare for (or the one happening now), and a nudge when a finished one was never marked held.
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatRelative } from '../shell/format.js';
import { meetingDay, meetingDayShort, meetingTimeRange } from './format.js';
import { useCheckinPermissions } from './permissions.js';
import { StateBadge } from './state-badge.js';
import type { MeetingSummaryView, SeriesView } from './types.js';

export function NextMeetingCard({ series, meetings }: { series: SeriesView; meetings: MeetingSummaryView[] }) {
  const { isViewer } = useCheckinPermissions();
  const canRun = !isViewer;
  const now = meetings.find((m) => m.state === 'in_progress');
  const next = now ?? meetings.find((m) => m.state === 'upcoming');
  const unmarked = meetings.filter((m) => m.state === 'ended');
  const start = next?.start ?? series.next?.start ?? null;
  const end = next?.end ?? series.next?.end ?? null;
  const id = next?.id ?? series.next?.meetingId ?? null;
  const tz = series.timeZone;
  return (
    <Card style={{ borderTop: '4px solid var(--mantine-color-indigo-6)' }}>
      <Stack gap="md">
        {unmarked.map((m) => (
          <Alert key={m.id} color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Not marked held yet">
            The check-in of {meetingDayShort(m.start, tz)} has ended. If it took place with quorum,{' '}
            <Anchor component={Link} to={`/checkins/meetings/${m.id}`} inherit c="inherit">
              {canRun ? 'record attendance and mark it held' : 'an attendee can still mark it held'}
            </Anchor>
            ; otherwise it counts as missed.
          </Alert>
        ))}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={52} radius="md" variant="light" color="indigo" aria-hidden>
              <IconCalendarEvent size={28} stroke={1.6} />
            </ThemeIcon>
            <div>
              <Group gap="xs" mb={2}>
                <Title order={2} fz="sm" tt="uppercase" c="dimmed" fw={700}>
                  {now ? 'Happening now' : 'Next check-in'}
                </Title>
                {next && next.state !== 'upcoming' ? <StateBadge state={next.state} /> : null}
              </Group>
              {start && end ? (
                <>
                  <Text fz={22} fw={700} lh={1.25}>
                    {meetingDay(start, tz)}
                  </Text>
                  <Group gap="xs" mt={4}>
                    <Text size="sm">{meetingTimeRange(start, end, tz)}</Text>
                    <Badge variant="light" color="indigo" radius="sm">
                      {now ? `ends ${formatRelative(end)}` : formatRelative(start)}
                    </Badge>
                  </Group>
                  {series.location ? (
                    <Group gap={6} mt={6} wrap="nowrap">
                      <IconMapPin size={14} aria-hidden />
                      <Text size="sm" c="dimmed">
                        {series.location}
                      </Text>
                    </Group>
                  ) : null}
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  The series has no more meetings scheduled.
                </Text>
              )}
            </div>
          </Group>
          {id ? (
            <Button component={Link} to={`/checkins/meetings/${id}`} size="md">
              {now && canRun ? 'Run the meeting' : 'Open agenda'}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
