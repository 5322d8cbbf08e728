// Setting up (or changing) the weekly check-in: weekday, time, duration, place, and who must attend.
import { Alert, Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';
import { useSession } from '../shell/session.js';
import { TEAMS } from '../theme.js';
import { MemberMultiSelect, type PickedMember } from '../workspaces/member-picker.js';
import { useMemberSearch } from '../workspaces/queries.js';
import { TimeZoneSelect } from '../workspaces/time-zone-select.js';
import { addMinutes, WEEKDAY_LABEL, WEEKDAY_OPTIONS, zoneLabel } from './format.js';
import { useSaveSeries } from './queries.js';
import type { SeriesView, Weekday } from './types.js';

const DURATIONS = [15, 20, 25, 30, 45, 60, 90].map((m) => ({ value: String(m), label: `${m} minutes` }));
const DEFAULT_QUORUM_TEXT = 'At least 1 key player from sales and 1 key player from marketing';

interface Values {
  title: string;
  weekday: Weekday;
  localTime: string;
  durationMinutes: string;
  timeZone: string;
  location: string;
  attendees: PickedMember[];
}

interface SeriesFormProps {
  series: SeriesView | null;
  onDone?: () => void;
  onCancel?: () => void;
}

/** A new series starts with the key players as its attendees (SPEC S2): they are read first (up to 200, the most a series takes). */
export function SeriesForm(props: SeriesFormProps) {
  const keyPlayers = useMemberSearch({ keyPlayer: 'true', active: 'true' }, 200, props.series === null);
  if (props.series) return <SeriesFields {...props} initialAttendees={props.series.attendees} />;
  if (keyPlayers.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(keyPlayers.error)}
      </Alert>
    );
  }
  if (!keyPlayers.data) return <Skeleton h={360} />;
  return <SeriesFields {...props} initialAttendees={keyPlayers.data.items.map((m) => ({ memberId: m.id, name: m.name, team: m.team, keyPlayer: m.keyPlayer }))} />;
}

function SeriesFields({ series, onDone, onCancel, initialAttendees }: SeriesFormProps & { initialAttendees: PickedMember[] }) {
  const { workspace } = useSession();
  const save = useSaveSeries();
  const form = useForm<Values>({
    initialValues: series
      ? {
          title: series.title,
          weekday: series.weekday,
          localTime: series.localTime,
          durationMinutes: String(series.durationMinutes),
          timeZone: series.timeZone,
          location: series.location,
          attendees: initialAttendees,
        }
      : {
          title: 'Weekly sales & marketing check-in',
          weekday: 'TU',
          localTime: '10:00',
          durationMinutes: '30',
          timeZone: workspace.timeZone,
          location: '',
          // SPEC S2: the key players of both teams are the required attendees.
          attendees: initialAttendees,
        },
    validate: {
      title: (v) => (v.trim().length < 2 ? 'Give the meeting a name' : null),
      localTime: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'Choose a start time'),
      attendees: (v) => (v.length === 0 ? 'Choose at least one attendee from each team' : null),
    },
  });

  const perTeam = (team: (typeof TEAMS)[number]) => form.values.attendees.filter((a) => a.team === team).length;
  const v = form.values;

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        title: values.title.trim(),
        weekday: values.weekday,
        localTime: values.localTime,
        timeZone: values.timeZone,
        durationMinutes: Number(values.durationMinutes),
        location: values.location.trim(),
        attendeeIds: values.attendees.map((a) => a.memberId),
        // Keep what is not on this form as it was.
        ...(series ? { quorum: series.quorum, startDate: series.startDate } : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: series ? 'The weekly check-in was updated; calendars get the change.' : 'The weekly check-in is set up.' });
          onDone?.();
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {save.isError ? (
          <Alert color="red" title="The check-in was not saved" role="alert">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <TextInput label="Name" required {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Every" data={WEEKDAY_OPTIONS} allowDeselect={false} required {...form.getInputProps('weekday')} />
          <TextInput label="Starts at" type="time" required {...form.getInputProps('localTime')} />
          <Select label="Duration" data={DURATIONS} allowDeselect={false} {...form.getInputProps('durationMinutes')} />
        </SimpleGrid>
        <TimeZoneSelect
          label="Time zone"
          description="The meeting keeps its local time across daylight-saving changes."
          {...form.getInputProps('timeZone')}
        />
        <TextInput label="Location" placeholder="Zoom link, meeting room…" {...form.getInputProps('location')} />
        <MemberMultiSelect
          label="Required attendees"
          description="The key players of both teams (★). Type a name to add someone; mark key players on the Members page of Settings."
          maxDropdownHeight={280}
          value={form.values.attendees}
          onChange={(attendees) => form.setFieldValue('attendees', attendees)}
          error={form.errors.attendees}
        />
        <Text size="sm" c="dimmed">
          {perTeam('sales')} from sales, {perTeam('marketing')} from marketing, {perTeam('leadership')} from leadership. Quorum:{' '}
          {(series?.quorumText ?? DEFAULT_QUORUM_TEXT).replace(/^At least/, 'at least')}.
        </Text>
        {!series && (perTeam('sales') === 0 || perTeam('marketing') === 0) ? (
          <Alert color="orange" variant="light" title="Both teams should be in the room">
            The default quorum needs a key player from sales and one from marketing. Choose them above, or mark key players on the
            Members page of Settings first.
          </Alert>
        ) : null}
        <Text size="sm" fw={600}>
          {WEEKDAY_LABEL[v.weekday]}s {v.localTime}–{addMinutes(v.localTime || '00:00', Number(v.durationMinutes))} · {zoneLabel(v.timeZone)}
        </Text>
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {series ? 'Save changes' : 'Set up the weekly check-in'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
