// Setting up (or changing) the weekly check-in: weekday, time, duration, place, who must attend, the quorum rule
// and (for a new series) the first date; each rule checked as the server checks it before the form is sent.
import { Alert, Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';
import { seriesStartWindow, spokenDate } from '../../../src/shared/calendar/date-windows.js';
import { useSession } from '../shell/session.js';
import { TEAMS } from '../theme.js';
import { MemberMultiSelect, type PickedMember } from '../workspaces/member-picker.js';
import { useMemberSearch } from '../workspaces/queries.js';
import { TimeZoneSelect } from '../workspaces/time-zone-select.js';
import { addMinutes, todayIn, WEEKDAY_LABEL, WEEKDAY_OPTIONS, zoneLabel } from './format.js';
import { QuorumFields } from './quorum-fields.js';
import { DEFAULT_QUORUM_VALUES, quorumProblem, quorumRuleOf, quorumValuesOf, type QuorumValues } from './quorum-values.js';
import { useSaveSeries } from './queries.js';
import type { SeriesView, Weekday } from './types.js';

const DURATIONS = [15, 20, 25, 30, 45, 60, 90].map((m) => ({ value: String(m), label: `${m} minutes` }));

interface Values {
  title: string;
  weekday: Weekday;
  localTime: string;
  durationMinutes: string;
  timeZone: string;
  location: string;
  attendees: PickedMember[];
  quorum: QuorumValues;
  startDate: string;
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
  const today = todayIn(series?.timeZone ?? workspace.timeZone);
  // A series being changed keeps its start date; a new one starts today (in its zone) unless a date is chosen.
  const [startChosen, setStartChosen] = useState(series !== null);
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
          quorum: quorumValuesOf(series.quorum),
          startDate: series.startDate,
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
          quorum: DEFAULT_QUORUM_VALUES,
          startDate: today,
        },
    validate: {
      title: (v) => (v.trim().length < 2 ? 'Give the meeting a name' : null),
      localTime: (v) => (/^([01]\d|2[0-3]):[0-5]\d$/.test(v) ? null : 'Choose a start time'),
      attendees: (v) => (v.length === 0 ? 'Choose at least one attendee from each team' : null),
      quorum: (v, values) => quorumProblem(v, values.attendees),
      // The server's window (seriesStartWindow); the date a series already has is kept.
      startDate: (v, values) => {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'Choose the first date';
        const window = seriesStartWindow(todayIn(values.timeZone));
        if (v === series?.startDate || (v >= window.min && v <= window.max)) return null;
        return `Choose a date from ${spokenDate(window.min)} to ${spokenDate(window.max)}`;
      },
    },
  });

  const perTeam = (team: (typeof TEAMS)[number]) => form.values.attendees.filter((a) => a.team === team).length;
  const v = form.values;
  const startWindow = seriesStartWindow(todayIn(v.timeZone));
  const markedKeyPlayer = (memberId: string) =>
    form.setFieldValue(
      'attendees',
      form.values.attendees.map((a) => (a.memberId === memberId ? { ...a, keyPlayer: true } : a)),
    );

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
        quorum: quorumRuleOf(values.quorum),
        ...(startChosen ? { startDate: values.startDate } : {}),
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
          description="The key players of both teams (★). Type a name to add someone; mark key players under Quorum below."
          maxDropdownHeight={280}
          value={form.values.attendees}
          onChange={(attendees) => form.setFieldValue('attendees', attendees)}
          error={form.errors.attendees}
        />
        <Text size="sm" c="dimmed">
          {perTeam('sales')} from sales, {perTeam('marketing')} from marketing, {perTeam('leadership')} from leadership.
        </Text>
        <QuorumFields
          value={v.quorum}
          onChange={(quorum) => form.setFieldValue('quorum', quorum)}
          attendees={v.attendees}
          onMarkedKeyPlayer={markedKeyPlayer}
        />
        {form.errors.quorum ? (
          <Alert color="orange" variant="light" role="alert">
            {form.errors.quorum}
          </Alert>
        ) : null}
        <TextInput
          label="First check-in on or after"
          type="date"
          min={series && series.startDate < startWindow.min ? series.startDate : startWindow.min}
          max={startWindow.max}
          description="Check-ins before today are kept as the record; a series starts at most a year ahead."
          {...form.getInputProps('startDate')}
          // Until a date is chosen, a new series starts today in its own time zone, as the server defaults it.
          value={startChosen ? v.startDate : todayIn(v.timeZone)}
          onChange={(e) => {
            setStartChosen(true);
            form.setFieldValue('startDate', e.currentTarget.value);
          }}
        />
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
