import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.js';
import { useCreateWorkspace } from './queries.js';
import { browserTimeZone, TimeZoneSelect } from './time-zone-select.js';
import { NAME_MAX } from '../../../src/capabilities/workspaces/domain/text-limits.js';

export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateWorkspace();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { name: '', timeZone: browserTimeZone() },
    validate: { name: (v) => (v.trim() ? null : 'Enter a name') },
  });
  const close = () => {
    form.reset();
    create.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Create a workspace" centered>
      <form
        noValidate
        onSubmit={form.onSubmit((v) =>
          create.mutate(
            { name: v.name.trim(), timeZone: v.timeZone },
            {
              onSuccess: (me) => {
                notifications.show({ color: 'teal', title: 'Workspace created', message: `You are now in ${me.workspace?.name ?? v.name}.` });
                close();
                void navigate('/');
              },
            },
          ),
        )}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A workspace is one company. You will be its admin and can invite its sales and marketing teams.
          </Text>
          {create.error ? (
            <Alert color="red" role="alert">
              {errorMessage(create.error)}
            </Alert>
          ) : null}
          <TextInput label="Workspace name" placeholder="Company name" data-autofocus required maxLength={NAME_MAX} {...form.getInputProps('name')} />
          <TimeZoneSelect label="Time zone" required comboboxProps={{ withinPortal: true }} {...form.getInputProps('timeZone')} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create workspace
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
