import { Button, Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { UNIT_LABEL } from './format.js';
import { useAddCatalogKind } from './queries.js';
import type { KpiUnit } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

const UNITS: KpiUnit[] = ['count', 'currency', 'percent', 'days', 'hours', 'ratio'];

/** Add a workspace's own KPI kind to the catalog (leaders and admins). */
export function CatalogKindModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a KPI kind">
      {opened ? <KindForm onDone={onClose} /> : null}
    </Modal>
  );
}

function KindForm({ onDone }: { onDone: () => void }) {
  const add = useAddCatalogKind();
  const form = useForm({
    initialValues: { name: '', unit: 'count' as string, direction: 'higher' as string, description: '' },
    validate: { name: (v) => (v.trim().length < 2 ? 'At least 2 characters.' : null) },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        add.mutate(
          { name: v.name.trim(), unit: v.unit as KpiUnit, direction: v.direction as 'higher' | 'lower', description: v.description.trim() },
          {
            onSuccess: (k) => {
              notifications.show({ color: 'teal', message: `${k.name} is in the catalog.` });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          For a KPI the built-in catalog lacks. Both teams can then use it, in their KPIs, expectations and the quiz.
        </Text>
        <TextInput label="Name" required maxLength={80} placeholder="e.g. Demo requests" {...form.getInputProps('name')} />
        <Select label="Unit" data={UNITS.map((u) => ({ value: u, label: UNIT_LABEL[u] }))} allowDeselect={false} {...form.getInputProps('unit')} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="direction-label">
            Which way is better
          </Text>
          <SegmentedControl
            aria-labelledby="direction-label"
            data={[
              { value: 'higher', label: 'Higher is better' },
              { value: 'lower', label: 'Lower is better' },
            ]}
            {...form.getInputProps('direction')}
          />
        </Stack>
        <Textarea label="Suggested measurement" description="Shown when someone creates a KPI of this kind." maxLength={500} autosize minRows={2} {...form.getInputProps('description')} />
        <MutationError of={add} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={add.isPending}>
            Add kind
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
