import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';
import type { MeView } from '../api/types.js';
import { useUpdateProfile } from './queries.js';
import { TimeZoneSelect } from './time-zone-select.js';
import { NAME_MAX } from '../../../src/capabilities/workspaces/domain/text-limits.js';

export function ProfileModal({ me, opened, onClose }: { me: MeView; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Your profile" centered>
      {opened ? <ProfileForm me={me} onDone={onClose} /> : null}
    </Modal>
  );
}

function ProfileForm({ me, onDone }: { me: MeView; onDone: () => void }) {
  const update = useUpdateProfile();
  const form = useForm({
    initialValues: { name: me.user.name, timeZone: me.user.timeZone },
    validate: { name: (v) => (v.trim() ? null : 'Enter your name') },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        update.mutate(
          { name: v.name.trim(), timeZone: v.timeZone },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Profile saved.' });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        {update.error ? (
          <Alert color="red" role="alert">
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <TextInput label="Email" value={me.user.email} readOnly description="Your sign-in address" />
        <TextInput label="Name" autoComplete="name" required data-autofocus maxLength={NAME_MAX} {...form.getInputProps('name')} />
        <TimeZoneSelect label="Your time zone" description="Used for your reminders and calendar" {...form.getInputProps('timeZone')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
