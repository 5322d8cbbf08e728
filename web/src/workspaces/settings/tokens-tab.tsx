import { ActionIcon, Alert, Badge, Button, Code, Group, Modal, Stack, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconKey, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../../api/client.js';
import type { ApiTokenView, CreatedApiTokenView } from '../../api/types.js';
import { CopyField } from '../../shell/copy-field.js';
import { ListCard } from '../../shell/list-card.js';
import { formatDate, formatDateTime, formatRelative } from '../../shell/format.js';
import { useCreateToken, useRevokeToken, useTokens } from '../queries.js';
import { ConfirmModal } from '../../shell/confirm-modal.js';
import { NAME_MAX } from '../../../../src/capabilities/workspaces/domain/text-limits.js';
import { WebhookSecretCard } from './webhook-secret-card.js';
import { DownloadCsvButton } from '../../shell/download-csv-button.js';

export function TokensTab() {
  const tokens = useTokens(true);
  const revoke = useRevokeToken();
  const [creating, createModal] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiTokenView | null>(null);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={620}>
          Integrations call the REST API with a token sent as <Code>Authorization: Bearer …</Code>. A token acts as the admin who
          created it, in this workspace only.
        </Text>
        <Group gap="xs">
          {tokens.items.length > 0 ? <DownloadCsvButton path="/tokens.csv" what="the API tokens" /> : null}
          <Button leftSection={<IconKey size={16} aria-hidden />} onClick={createModal.open}>
            Create token
          </Button>
        </Group>
      </Group>

      <ListCard list={tokens} skeletonHeight={160} emptyTitle="No API tokens" emptyText="Create one for each integration so you can revoke them one by one.">
        {(items) => (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Prefix</Table.Th>
                  <Table.Th>Created by</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th w={60}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((t) => (
                  <Table.Tr key={t.id} style={t.revokedAt ? { opacity: 0.6 } : undefined}>
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={500}>
                          {t.name}
                        </Text>
                        {t.revokedAt ? (
                          <Badge color="red" variant="light" size="sm">
                            Revoked
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t.memberName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatDateTime(t.createdAt)}>
                        {formatDate(t.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={t.lastUsedAt ? undefined : 'dimmed'} title={t.lastUsedAt ? formatDateTime(t.lastUsedAt) : undefined}>
                        {t.lastUsedAt ? formatRelative(t.lastUsedAt) : 'Never'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {!t.revokedAt ? (
                        <Tooltip label="Revoke token" withArrow>
                          <ActionIcon variant="subtle" color="red" aria-label={`Revoke token ${t.name}`} onClick={() => setRevoking(t)}>
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </ListCard>

      <WebhookSecretCard />

      <CreateTokenModal opened={creating} onClose={createModal.close} />
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke this token?"
        confirmLabel="Revoke token"
        error={revoke.error}
        pending={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() =>
          revoking &&
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `Token “${revoking.name}” revoked.` });
              setRevoking(null);
            },
          })
        }
      >
        Calls made with <b>{revoking?.name}</b> fail at once. Integrations using it stop working until you give them a new token.
      </ConfirmModal>
    </Stack>
  );
}

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [created, setCreated] = useState<CreatedApiTokenView | null>(null);
  const create = useCreateToken();
  const form = useForm({ initialValues: { name: '' }, validate: { name: (v) => (v.trim() ? null : 'Name the token after the integration that uses it') } });
  // What was shown stays until the closing animation ends, so the dialog does not flash back to the form.
  const reset = () => {
    setCreated(null);
    form.reset();
    create.reset();
  };
  const close = onClose;
  return (
    <Modal opened={opened} onClose={close} onExitTransitionEnd={reset} title={created ? 'Token created' : 'Create an API token'} centered size="lg">
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy it now — it won't be shown again">
            Lockstep stores only a hash of the token. If you lose it, revoke it and create a new one.
          </Alert>
          <CopyField label="API token" value={created.token} testId="api-token" />
          <Group justify="flex-end">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit((v) => create.mutate({ name: v.name.trim() }, { onSuccess: setCreated }))}>
          <Stack gap="md">
            {create.error ? (
              <Alert color="red" role="alert">
                {errorMessage(create.error)}
              </Alert>
            ) : null}
            <TextInput label="Token name" description="What uses it, e.g. “HubSpot sync”" required data-autofocus maxLength={NAME_MAX} {...form.getInputProps('name')} />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create token
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
