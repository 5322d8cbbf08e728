// Action items agreed in this meeting: owner, due date and status; they carry over to each next agenda until done or dropped.
import { Alert, Badge, Button, Card, Group, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconPlus, IconX } from '@tabler/icons-react';
import { errorMessage } from '../api/client.js';
import { TEAM_LABEL } from '../theme.js';
import { MemberSelect } from '../workspaces/member-picker.js';
import { dueDateWindow, spokenDate } from '../../../src/shared/calendar/date-windows.js';
import { addDays, calendarDate, todayIn } from './format.js';
import { useCheckinPermissions } from './permissions.js';
import { useAddActionItem, useUpdateActionItem } from './queries.js';
import type { ActionItemView, MeetingView } from './types.js';
import { DownloadCsvButton } from '../shell/download-csv-button.js';

const STATUS: Record<ActionItemView['status'], { label: string; color: string }> = {
  open: { label: 'Open', color: 'indigo' },
  done: { label: 'Done', color: 'teal' },
  dropped: { label: 'Dropped', color: 'gray' },
};

export function ActionItemsCard({ meeting, canRun }: { meeting: MeetingView; canRun: boolean }) {
  const perms = useCheckinPermissions();
  const isAttendee = meeting.attendance.some((a) => a.memberId === perms.member.id && a.required);
  return (
    <Card>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="lg">
          Action items
        </Title>
        {meeting.actionItems.length > 0 ? <DownloadCsvButton path={`/checkins/meetings/${encodeURIComponent(meeting.id)}/action-items.csv`} what="this meeting's action items" /> : null}
      </Group>
      {meeting.actionItems.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" mb={canRun ? 'sm' : 0}>
          No action items agreed in this meeting.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
                {meeting.actionItems.some((a) => perms.canUpdateActionItem(a.ownerId, isAttendee)) ? (
                  <Table.Th>
                    <VisuallyHidden>Change status</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meeting.actionItems.map((a) => (
                <ItemRow key={a.id} item={a} editable={perms.canUpdateActionItem(a.ownerId, isAttendee)} showActions={meeting.actionItems.some((x) => perms.canUpdateActionItem(x.ownerId, isAttendee))} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canRun ? <AddActionItem meeting={meeting} /> : null}
    </Card>
  );
}

function ItemRow({ item, editable, showActions }: { item: ActionItemView; editable: boolean; showActions: boolean }) {
  const update = useUpdateActionItem();
  const set = (status: ActionItemView['status']) =>
    update.mutate(
      { id: item.id, patch: { status } },
      { onError: (err) => notifications.show({ color: 'red', title: 'The action item was not changed', message: errorMessage(err) }) },
    );
  const s = STATUS[item.status];
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={500} td={item.status === 'dropped' ? 'line-through' : undefined}>
          {item.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{item.ownerName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={item.overdue ? 'var(--mantine-color-red-light-color)' : undefined} fw={item.overdue ? 600 : undefined}>
          {calendarDate(item.dueDate)}
          {item.overdue ? ' · overdue' : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={s.color} radius="sm" style={{ minWidth: 'max-content' }}>
          {s.label}
        </Badge>
      </Table.Td>
      {showActions ? (
        <Table.Td>
          {editable ? (
            <Group gap={4} wrap="nowrap" justify="flex-end">
              {item.status === 'open' ? (
                <>
                  <Button size="compact-xs" variant="light" color="teal" leftSection={<IconCheck size={12} aria-hidden />} onClick={() => set('done')} loading={update.isPending && update.variables.patch.status === 'done'} aria-label={`Done: ${item.title}`}>
                    Done
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconX size={12} aria-hidden />} onClick={() => set('dropped')} loading={update.isPending && update.variables.patch.status === 'dropped'} aria-label={`Drop: ${item.title}`}>
                    Drop
                  </Button>
                </>
              ) : (
                <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconArrowBackUp size={12} aria-hidden />} onClick={() => set('open')} loading={update.isPending} aria-label={`Reopen: ${item.title}`}>
                  Reopen
                </Button>
              )}
            </Group>
          ) : null}
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

interface NewItem {
  title: string;
  ownerId: string | null;
  dueDate: string;
}

function AddActionItem({ meeting }: { meeting: MeetingView }) {
  const add = useAddActionItem(meeting.id);
  // Due on or after the meeting's own date and at most two years ahead (the server's rule, validateActionItem); a week
  // after the meeting by default.
  const meetingDate = todayIn(meeting.timeZone, new Date(meeting.start));
  const due = dueDateWindow(todayIn(meeting.timeZone), meetingDate);
  const form = useForm<NewItem>({
    initialValues: { title: '', ownerId: null, dueDate: addDays(meetingDate, 7) },
    validate: {
      title: (v) => (v.trim().length < 2 ? 'Say what needs doing' : null),
      ownerId: (v) => (v ? null : 'Choose who owns it'),
      dueDate: (v) =>
        !v ? 'Choose a due date' : v < due.min ? 'Pick the meeting day or later' : v > due.max ? `Pick a date within two years, up to ${spokenDate(due.max)}` : null,
    },
  });
  const submit = form.onSubmit((v) =>
    add.mutate(
      { title: v.title.trim(), ownerId: v.ownerId ?? '', dueDate: v.dueDate },
      {
        onSuccess: (item) => {
          form.reset();
          notifications.show({ color: 'teal', message: `Action item added for ${item.ownerName}.` });
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      {add.isError ? (
        <Alert color="red" role="alert" mt="sm">
          {errorMessage(add.error)}
        </Alert>
      ) : null}
      <Group gap="xs" align="flex-start" mt="md" wrap="wrap">
        <TextInput label="New action item" placeholder="What needs doing" style={{ flex: '2 1 220px' }} maxLength={200} {...form.getInputProps('title')} />
        <MemberSelect
          label="Owner"
          placeholder="Type a name"
          style={{ flex: '1 1 200px' }}
          groupOf={(m) => TEAM_LABEL[m.team]}
          value={form.values.ownerId}
          onChange={(id) => form.setFieldValue('ownerId', id)}
          error={form.errors.ownerId}
        />
        <TextInput label="Due" type="date" min={due.min} max={due.max} style={{ flex: '0 1 160px' }} {...form.getInputProps('dueDate')} />
        <Button type="submit" mt={25} leftSection={<IconPlus size={14} aria-hidden />} loading={add.isPending}>
          Add
        </Button>
      </Group>
    </form>
  );
}
