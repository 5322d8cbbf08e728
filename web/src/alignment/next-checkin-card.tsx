// The next check-in on the dashboard (SPEC S2 seen from S6): when it is and what its agenda holds, section by section with
// each section's first item, and a way into the meeting. No series yet says so, with where to set one up.
import { Badge, Box, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { Link } from 'react-router';
import { meetingDay, meetingTimeRange } from '../checkins/format.js';
import { formatRelative } from '../shell/format.js';
import { Panel, PanelError } from './panel.js';
import { useNextCheckin } from './queries.js';

const ATTENDEE_ITEMS = 'attendee_items';

export function NextCheckinCard() {
  const { upcoming, next, meeting } = useNextCheckin();
  const m = meeting.data;
  const sections = m ? m.agenda.sections.filter((s) => s.key !== ATTENDEE_ITEMS && s.items.length > 0).sort((a, b) => a.order - b.order) : [];
  const quiet = m ? m.agenda.sections.filter((s) => s.key !== ATTENDEE_ITEMS && s.items.length === 0 && !s.error).length : 0;
  const failed = m ? m.agenda.sections.filter((s) => s.error) : [];
  return (
    <Panel
      id="next-checkin-heading"
      title={next?.state === 'in_progress' ? 'Check-in happening now' : 'Next check-in'}
      icon={<IconCalendarEvent size={22} />}
      color="indigo"
      link={{ to: '/checkins', label: 'Check-ins' }}
    >
      {upcoming.isError ? (
        <PanelError error={upcoming.error} />
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
        <PanelError error={meeting.error} />
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
              <AgendaRow key={s.key} title={s.title} count={s.items.length} first={s.items[0]?.text ?? ''} />
            ))}
            {m.customItems.length > 0 ? <AgendaRow title="Added by attendees" count={m.customItems.length} first={m.customItems[0]?.title ?? ''} /> : null}
          </Box>
          {quiet > 0 ? (
            <Text size="xs" c="dimmed">
              {quiet} more {quiet === 1 ? 'section has' : 'sections have'} nothing new yet.
            </Text>
          ) : null}
          {failed.map((s) => (
            <Text key={s.key} size="xs" c="var(--mantine-color-error)" role="status">
              {s.title}: {s.error}
            </Text>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

/** One section of the agenda: its title, how many items it holds, and the first of them. */
function AgendaRow({ title, count, first }: { title: string; count: number; first: string }) {
  return (
    <Box component="li" py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="xs" wrap="nowrap" justify="space-between">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Badge size="sm" variant="default" radius="sm" styles={{ root: { flexShrink: 0 } }}>
          {count}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" lineClamp={1} className="user-text">
        {first}
      </Text>
    </Box>
  );
}
