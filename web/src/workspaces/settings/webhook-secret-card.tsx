// The webhook signing secret (SPEC S7): while the workspace has one, every inbound webhook must be signed with it.
// Admins make, rotate and remove it; the secret is shown once, when made.
import { Alert, Button, Card, Code, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconRefresh, IconShieldLock, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { api, errorMessage } from '../../api/client.js';
import type { CreatedWebhookSecretView, WebhookSecretView } from '../../../../src/capabilities/workspaces/routes/webhook-secret.js';
import { ConfirmModal } from '../../shell/confirm-modal.js';
import { CopyField } from '../../shell/copy-field.js';
import { formatDateTime } from '../../shell/format.js';

type Secret = z.infer<typeof WebhookSecretView>;
type Created = z.infer<typeof CreatedWebhookSecretView>;
const KEY = ['workspace', 'webhook-secret'] as const;

export function WebhookSecretCard() {
  const qc = useQueryClient();
  const current = useQuery({ queryKey: KEY, queryFn: () => api.get<Secret>('/workspace/webhook-secret') });
  const [shown, setShown] = useState<Created | null>(null);
  const [confirming, setConfirming] = useState<'rotate' | 'remove' | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: KEY });
  const make = useMutation({
    mutationFn: (replacing: string | null) => api.post<Created>('/workspace/webhook-secret', { replacing }),
    onSuccess: (made) => {
      setShown(made);
      setConfirming(null);
      refresh();
    },
    onError: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api.delete<Secret>('/workspace/webhook-secret'),
    onSuccess: () => {
      setShown(null);
      setConfirming(null);
      notifications.show({ color: 'teal', message: 'Signing secret removed: webhooks are checked by their API token alone.' });
      refresh();
    },
  });
  const secret = current.data;

  return (
    <Card component="section" aria-labelledby="webhook-secret-title" withBorder padding="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <div style={{ flex: '1 1 320px' }}>
            <Title order={2} fz="md" id="webhook-secret-title">
              Webhook signing secret
            </Title>
            <Text size="sm" c="dimmed" maw={640}>
              With a secret, every call to a Lockstep webhook (such as <Code>POST /api/v1/hooks/kpi-values</Code>) must carry <Code>X-Lockstep-Timestamp</Code>{' '}
              (unix seconds) and <Code>X-Lockstep-Signature: sha256=…</Code>, the HMAC-SHA256 of the timestamp, a dot and the body. Calls more than 5 minutes off,
              unsigned or sent twice are refused.
            </Text>
          </div>
          {secret ? (
            secret.set ? (
              <Group gap="xs">
                <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirming('rotate')}>
                  Rotate secret
                </Button>
                <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming('remove')}>
                  Remove
                </Button>
              </Group>
            ) : (
              <Button leftSection={<IconShieldLock size={16} aria-hidden />} loading={make.isPending} onClick={() => make.mutate(null)}>
                Create signing secret
              </Button>
            )
          ) : null}
        </Group>

        {current.isPending ? <Skeleton h={24} /> : null}
        {current.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(current.error)}
          </Alert>
        ) : null}
        {secret && !shown ? (
          <Text size="sm">
            {secret.set ? (
              <>
                Webhooks must be signed. Current secret <Code>{secret.prefix}…</Code>, made {secret.createdAt ? formatDateTime(secret.createdAt) : ''}
                {secret.createdByName ? ` by ${secret.createdByName}` : ''}.
              </>
            ) : (
              'No secret: webhooks are checked by their API token alone.'
            )}
          </Text>
        ) : null}
        {make.isError && !confirming ? (
          <Alert color="red" role="alert">
            {errorMessage(make.error)}
          </Alert>
        ) : null}
        {shown ? (
          <Stack gap="sm">
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy it now — it won't be shown again">
              Put it in the sending system&apos;s settings. If you lose it, rotate it and update the sender.
            </Alert>
            <CopyField label="Signing secret" value={shown.secret} testId="webhook-secret" />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setShown(null)}>
                Done
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>

      <ConfirmModal
        opened={confirming === 'rotate'}
        title="Rotate the signing secret?"
        confirmLabel="Rotate secret"
        error={make.error}
        pending={make.isPending}
        onCancel={() => {
          setConfirming(null);
          make.reset();
        }}
        onConfirm={() => make.mutate(secret?.prefix ?? null)}
      >
        A new secret is made and shown once. Calls signed with <b>{secret?.prefix}…</b> are refused from now on, until the sender uses the new one.
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'remove'}
        title="Remove the signing secret?"
        confirmLabel="Remove secret"
        error={remove.error}
        pending={remove.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={() => remove.mutate()}
      >
        Webhooks will be accepted with an API token alone, signed or not.
      </ConfirmModal>
    </Card>
  );
}
