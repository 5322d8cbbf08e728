import { ActionIcon, Alert, Button, Card, Group, NumberInput, Select, SimpleGrid, Skeleton, Slider, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { isWithin, recordDateWindow, spokenDate } from '../../../../src/shared/calendar/date-windows.js';
import { errorMessage } from '../../api/client.js';
import { todayIn } from '../../checkins/format.js';
import type { WorkspaceView } from '../../api/types.js';
import { formatLocalDate, MONTHS, WEEKDAYS } from '../../shell/format.js';
import { usePermissions } from '../../shell/session.js';
import { WorkspaceDataCard } from './workspace-data-card.js';
import { useUpdateWorkspace, useWorkspace } from '../queries.js';
import { TimeZoneSelect } from '../time-zone-select.js';
import { NAME_MAX } from '../../../../src/capabilities/workspaces/domain/text-limits.js';

export function WorkspaceTab() {
  const ws = useWorkspace();
  const { isAdmin } = usePermissions();
  if (ws.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(ws.error)}
      </Alert>
    );
  }
  if (!ws.data) return <Skeleton h={420} radius="md" />;
  // Keyed by the saved version so a save (or another admin's) resets the form to what the server holds.
  return (
    <Stack gap="lg">
      <WorkspaceForm key={JSON.stringify(ws.data)} workspace={ws.data} />
      {isAdmin ? <WorkspaceDataCard /> : null}
    </Stack>
  );
}

/** A holiday is a calendar date, not an instant: shown as written, with its weekday. */
const formatHoliday = (date: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? formatLocalDate(date, { weekday: true }) : date);

interface FormValues {
  name: string;
  timeZone: string;
  weekStart: string;
  fiscalYearStartMonth: string;
  holidays: { date: string; name: string }[];
  painThreshold: number;
}

function WorkspaceForm({ workspace }: { workspace: WorkspaceView }) {
  const { isAdmin } = usePermissions();
  const readOnly = !isAdmin;
  const update = useUpdateWorkspace();
  const saved = new Set(workspace.holidays.map((h) => h.date));
  const form = useForm<FormValues>({
    initialValues: {
      name: workspace.name,
      timeZone: workspace.timeZone,
      weekStart: String(workspace.weekStart),
      fiscalYearStartMonth: String(workspace.fiscalYearStartMonth),
      holidays: [...workspace.holidays].sort((a, b) => a.date.localeCompare(b.date)),
      painThreshold: workspace.painThreshold,
    },
    validate: {
      name: (v) => (v.trim() ? null : 'Enter a name'),
      holidays: {
        // The server's window (holidayProblems): ten years back to the end of next year; a saved date stays.
        date: (v, values) => {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return 'Pick a date';
          const window = recordDateWindow(todayIn(values.timeZone));
          if (isWithin(v, window) || saved.has(v)) return null;
          return `Pick a date from ${spokenDate(window.min)} to ${spokenDate(window.max)}`;
        },
        name: (v) => (v.trim() ? null : 'Name the holiday'),
      },
    },
  });

  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        name: v.name.trim(),
        timeZone: v.timeZone,
        weekStart: Number(v.weekStart),
        fiscalYearStartMonth: Number(v.fiscalYearStartMonth),
        holidays: v.holidays.map((h) => ({ date: h.date, name: h.name.trim() })),
        painThreshold: v.painThreshold,
      },
      { onSuccess: () => notifications.show({ color: 'teal', message: 'Workspace settings saved.' }) },
    ),
  );

  const holidays = form.values.holidays;
  const holidayWindow = recordDateWindow(todayIn(form.values.timeZone));
  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="lg">
        {readOnly ? (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
            You can see these settings; only admins can change them.
          </Alert>
        ) : null}
        {update.error ? (
          <Alert color="red" title="Could not save" role="alert">
            {errorMessage(update.error)}
          </Alert>
        ) : null}

        <Card>
          <Title order={2} fz="md" mb={4}>
            General
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The company this workspace belongs to and the calendar it runs on.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label="Workspace name" description="Usually your company's name" required={!readOnly} readOnly={readOnly} maxLength={NAME_MAX} {...form.getInputProps('name')} />
            <TimeZoneSelect label="Time zone" description="Check-ins, reminders and periods follow it" readOnly={readOnly} {...form.getInputProps('timeZone')} />
            <Select
              label="Week starts on"
              description="The first day of a week in reports"
              data={WEEKDAYS.map((d, i) => ({ value: String(i), label: d }))}
              allowDeselect={false}
              readOnly={readOnly}
              {...form.getInputProps('weekStart')}
            />
            <Select
              label="Fiscal year starts in"
              description="Quarters and shadow-day programs follow it"
              data={MONTHS.map((m, i) => ({ value: String(i + 1), label: m }))}
              allowDeselect={false}
              readOnly={readOnly}
              {...form.getInputProps('fiscalYearStartMonth')}
            />
          </SimpleGrid>
        </Card>

        <Card>
          <Title order={2} fz="md" mb={4}>
            Pain-score threshold
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            A marketing piece can be published once a sales member approved it and its pain score is at least this (0–100).
          </Text>
          <Group align="flex-end" gap="lg" wrap="nowrap">
            <Stack gap={6} style={{ flex: 1 }}>
              <Text size="sm" fw={500} id="pain-threshold-label">
                Threshold
              </Text>
              <Slider
                min={0}
                max={100}
                step={1}
                marks={[{ value: 0, label: '0' }, { value: 50, label: '50' }, { value: 100, label: '100' }]}
                disabled={readOnly}
                thumbLabel="Pain-score threshold"
                mb="lg"
                value={form.values.painThreshold}
                onChange={(v) => form.setFieldValue('painThreshold', v)}
              />
            </Stack>
            <NumberInput
              label="Value"
              min={0}
              max={100}
              clampBehavior="strict"
              allowDecimal={false}
              w={110}
              readOnly={readOnly}
              value={form.values.painThreshold}
              onChange={(v) => form.setFieldValue('painThreshold', typeof v === 'number' ? v : Number(v) || 0)}
            />
          </Group>
        </Card>

        <Card>
          <Group justify="space-between" mb={4}>
            <Title order={2} fz="md">
              Public holidays
            </Title>
            {!readOnly ? (
              <Button
                size="xs"
                variant="light"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => form.insertListItem('holidays', { date: '', name: '' })}
              >
                Add holiday
              </Button>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed" mb="md">
            No check-in or shadow day is scheduled on these dates.
          </Text>
          {holidays.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic">
              No holidays listed.
            </Text>
          ) : (
            <Table verticalSpacing={6} withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={190}>Date</Table.Th>
                  <Table.Th>Name</Table.Th>
                  {!readOnly ? <Table.Th w={50}><VisuallyHidden>Actions</VisuallyHidden></Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {holidays.map((h, i) =>
                  readOnly ? (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <Text size="sm">{formatHoliday(h.date)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{h.name}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    <Table.Tr key={i}>
                      <Table.Td>
                        <TextInput type="date" aria-label={`Date of holiday ${i + 1}`} min={holidayWindow.min} max={holidayWindow.max} {...form.getInputProps(`holidays.${i}.date`)} />
                      </Table.Td>
                      <Table.Td>
                        <TextInput aria-label={`Name of holiday ${i + 1}`} placeholder="e.g. Labor Day" maxLength={NAME_MAX} {...form.getInputProps(`holidays.${i}.name`)} />
                      </Table.Td>
                      <Table.Td>
                        <ActionIcon variant="subtle" color="red" aria-label={`Remove ${h.name || `holiday ${i + 1}`}`} onClick={() => form.removeListItem('holidays', i)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Table.Td>
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          )}
        </Card>

        {!readOnly ? (
          <Group justify="flex-end">
            <Button variant="default" disabled={!form.isDirty()} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save settings
            </Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
