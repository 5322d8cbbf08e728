import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { errorMessage, fieldError } from '../api/client.js';
import { useChangePassword } from './queries.js';
import { PASSWORD_MAX } from '../../../src/capabilities/workspaces/domain/text-limits.js';

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change password" centered>
      {opened ? <ChangePasswordForm onDone={onClose} /> : null}
    </Modal>
  );
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const change = useChangePassword();
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v.length >= 10 ? null : 'Use at least 10 characters'),
      confirm: (v, values) => (v === values.newPassword ? null : 'The passwords do not match'),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        change.mutate(
          { currentPassword: v.currentPassword, newPassword: v.newPassword },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', title: 'Password changed', message: 'Your other sessions were signed out and your API tokens revoked.' });
              onDone();
            },
            onError: (err) => {
              const why = fieldError(err, 'newPassword');
              if (why) form.setFieldError('newPassword', why);
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Changing your password signs you out everywhere else and revokes the API tokens you made, in every workspace: make new
          ones for your integrations afterwards.
        </Text>
        {change.error && !fieldError(change.error, 'newPassword') ? (
          <Alert color="red" role="alert">
            {errorMessage(change.error)}
          </Alert>
        ) : null}
        <PasswordInput label="Current password" autoComplete="current-password" required data-autofocus maxLength={PASSWORD_MAX} {...form.getInputProps('currentPassword')} />
        <PasswordInput label="New password" description="At least 10 characters and hard to guess: three or four unrelated words work well" autoComplete="new-password" required maxLength={PASSWORD_MAX} {...form.getInputProps('newPassword')} />
        <PasswordInput label="Confirm password" autoComplete="new-password" required maxLength={PASSWORD_MAX} {...form.getInputProps('confirm')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
