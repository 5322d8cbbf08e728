// Who is in the room, grouped by team, with the key players marked and the quorum rule checked live.
import { Alert, Badge, Card, Checkbox, Group, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCircleCheck, IconCircleX, IconMinus, IconStarFilled } from '@tabler/icons-react';
import { errorMessage } from '../api/client.js';
import { TEAM_COLOR, TEAM_LABEL, TEAMS } from '../theme.js';
import { useSaveAttendance } from './queries.js';
import type { AttendanceView, MeetingView } from './types.js';

const DAY_MS = 24 * 3_600_000;

export function AttendanceCard({ meeting, canRun }: { meeting: MeetingView; canRun: boolean }) {
  const save = useSaveAttendance(meeting.id);
  // The server takes attendance from 24 hours before the start (SPEC S2 "during the meeting").
  const notYet = Date.parse(meeting.start) - Date.now() > DAY_MS;
  // Once held, attendance is the record the quorum was judged on: the server refuses changes, so it shows read-only.
  const held = meeting.heldAt !== null;
  const readOnly = !canRun || held;
  const editable = !readOnly && !notYet;
  const present = meeting.attendance.filter((a) => a.present);
  const toggle = (who: AttendanceView, isPresent: boolean) => {
    const ids = new Set(present.map((a) => a.memberId));
    if (isPresent) ids.add(who.memberId);
    else ids.delete(who.memberId);
    save.mutate([...ids], {
      onError: (err) => notifications.show({ color: 'red', title: 'Attendance was not saved', message: errorMessage(err) }),
    });
  };
  return (
    <Card>
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="lg">
          Attendance
        </Title>
        <Badge variant="light" color="gray" radius="sm">
          {present.length} of {meeting.attendance.filter((a) => a.required).length} present
        </Badge>
      </Group>
      <Group gap="xs" wrap="nowrap" align="flex-start" mb="sm" role="status" aria-live="polite">
        <ThemeIcon size={22} radius="xl" variant="light" color={meeting.quorum.met ? 'teal' : 'red'} aria-hidden>
          {meeting.quorum.met ? <IconCircleCheck size={16} /> : <IconCircleX size={16} />}
        </ThemeIcon>
        <Text size="sm" fw={600} c={`var(--mantine-color-${meeting.quorum.met ? 'teal' : 'red'}-light-color)`}>
          {meeting.quorum.met ? 'Quorum met' : 'No quorum yet'}
          <Text component="span" size="sm" fw={400} c="dimmed">
            {' '}
            — {meeting.quorum.reason.replace(/^quorum met:\s*/i, '')}
          </Text>
        </Text>
      </Group>
      {!readOnly && notYet ? (
        <Text size="sm" c="dimmed" fs="italic" mb="sm">
          Attendance is taken on the day of the meeting.
        </Text>
      ) : null}
      <Stack gap="md">
        {TEAMS.map((team) => {
          const people = meeting.attendance.filter((a) => a.team === team);
          if (people.length === 0) return null;
          return (
            <div key={team} role="group" aria-labelledby={`attendance-${team}`}>
              <Text id={`attendance-${team}`} size="sm" fw={700} c={`var(--mantine-color-${TEAM_COLOR[team]}-light-color)`}>
                {TEAM_LABEL[team]}
              </Text>
              <Stack gap={6} mt={6}>
                {people.map((p) => {
                  const label = (
                    <Group gap={6} wrap="nowrap" component="span">
                      <span>{p.name}</span>
                      {p.keyPlayer ? (
                        <Badge component="span" size="xs" variant="light" color="orange" radius="sm" leftSection={<IconStarFilled size={9} aria-hidden />}>
                          Key player
                        </Badge>
                      ) : null}
                      {!p.required ? (
                        <Badge component="span" size="xs" variant="outline" color="gray" radius="sm">
                          Guest
                        </Badge>
                      ) : null}
                    </Group>
                  );
                  if (readOnly) {
                    // Read-only: who was there, without controls that would be refused.
                    return (
                      <Group key={p.memberId} gap={8} wrap="nowrap">
                        <ThemeIcon size={18} radius="xl" variant={p.present ? 'filled' : 'default'} color={p.present ? TEAM_COLOR[team] : 'gray'} aria-hidden>
                          {p.present ? <IconCheck size={12} /> : <IconMinus size={12} />}
                        </ThemeIcon>
                        <Text component="div" size="sm" c={p.present ? undefined : "dimmed"}>
                          {label}
                          <VisuallyHidden>{p.present ? ' (present)' : ' (absent)'}</VisuallyHidden>
                        </Text>
                      </Group>
                    );
                  }
                  return (
                    <Checkbox
                      key={p.memberId}
                      checked={p.present}
                      disabled={!editable || save.isPending}
                      onChange={(e) => toggle(p, e.currentTarget.checked)}
                      color={TEAM_COLOR[team]}
                      label={label}
                    />
                  );
                })}
              </Stack>
            </div>
          );
        })}
      </Stack>
      {save.isError ? (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
