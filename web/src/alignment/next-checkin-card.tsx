// The next check-in on the dashboard (SPEC S2 seen from S6): when it is and what its agenda holds, section by section with
// each section's first item, and a way into the meeting. No series yet says so, with where to set one up.
import { Anchor, Badge, Box, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { meetingDay, meetingTimeRange } from '../checkins/format.js';
import { formatRelative } from '../shell/format.js';
import { useNextCheckin } from './queries.js';

const ATTENDEE_ITEMS = 'attendee_items';

export function NextCheckinCard() {
  const { upcoming, next, meeting } = useNextCheckin();
  const m = meeting.data;
  const sections = m ? m.agenda.sections.filter((s) => s.key !== ATTENDEE_ITEMS && s.items.length > 0).sort((a, b) => a.order - b.order) : [];
  const quiet = m ? m.agenda.sections.filter((s) => s.key !== ATTENDEE_ITEMS && s.items.length === 0 && !s.error).length : 0;
  const failed = m ? m.agenda.sections.filter((s) => s.error) : [];
  return (
    <Card component="section" aria-labelledby="next-checkin-heading">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color="indigo" aria-hidden>
            <IconCalendarEvent size={22} />
          </ThemeIcon>
          <Title order={2} fz="lg" id="next-checkin-heading">
            {next?.state === 'in_progress' ? 'Check-in happening now' : 'Next check-in'}
          </Title>
        </Group>
        <Anchor component={Link} to="/checkins" size="sm">
          Check-ins
        </Anchor>
      </Group>
      {upcoming.isError ? (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(upcoming.error)}
        </Text>
      ) : !upcoming.data ? (
        <Skeleton h={160} />
      ) : !next ? (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" c="dimmed">
            No check-in is scheduled. A weekly meeting of both teams keeps the top three, the evidence and the wins in front of everyone.
          </Text>
          <Button component={Link} to="/checkins" size="xs" variant="light">
            Set up the weekly check-in
          </Button>
        </Stack>
      ) : meeting.isError ? (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(meeting.error)}
        </Text>
      ) : !m ? (
        <Skeleton h={160} />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Text fw={700} fz="lg" lh={1.25}>
                {meetingDay(m.start, m.timeZone)}
              </Text>
              <Group gap="xs" mt={2}>
                <Text size="sm">{meetingTimeRange(m.start, m.end, m.timeZone)}</Text>
                <Badge variant="light" color="indigo" radius="sm">
                  {next.state === 'in_progress' ? `ends ${formatRelative(m.end)}` : formatRelative(m.start)}
                </Badge>
              </Group>
            </div>
            <Button component={Link} to={`/checkins/meetings/${m.id}`} size="xs">
              Open agenda
            </Button>
          </Group>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            Agenda · {m.agenda.itemCount + m.customItems.length} {m.agenda.itemCount + m.customItems.length === 1 ? 'item' : 'items'}
          </Text>
          <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {sections.map((s) => (
              <Box component="li" key={s.key} py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={600}>
                    {s.title}
                  </Text>
                  <Badge size="sm" variant="default" radius="sm" styles={{ root: { flexShrink: 0 } }}>
                    {s.items.length}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed" lineClamp={1} className="user-text">
                  {s.items[0]?.text}
                </Text>
              </Box>
            ))}
            {m.customItems.length > 0 ? (
              <Box component="li" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" fw={600}>
                    Added by attendees
                  </Text>
                  <Badge size="sm" variant="default" radius="sm">
                    {m.customItems.length}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed" lineClamp={1} className="user-text">
                  {m.customItems[0]?.title}
                </Text>
              </Box>
            ) : null}
          </Box>
          {quiet > 0 ? (
            <Text size="xs" c="dimmed">
              {quiet} more {quiet === 1 ? 'section has' : 'sections have'} nothing new yet.
            </Text>
          ) : null}
          {failed.map((s) => (
            <Text key={s.key} size="xs" c="orange.9" role="status">
              {s.title}: {s.error}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
