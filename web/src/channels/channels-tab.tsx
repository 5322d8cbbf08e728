// Settings → Channels (admins, issue 13): where announcements go — Slack and Teams incoming webhooks and SMTP
// servers — each with its health (failing in red with the last error), "Send test message" and its result, and
// the deliveries with the dead letters and Retry.
import { ActionIcon, Alert, Badge, Button, Card, Code, Group, Skeleton, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconBrandSlack, IconBrandTeams, IconCircleCheck, IconMail, IconPencil, IconPlus, IconSend, IconTrash, type Icon } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { ConfirmModal } from '../shell/confirm-modal.js';
import { formatDateTime, formatRelative } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { ChannelFormModal } from './channel-form-modal.js';
import classes from './channels.module.css';
import { DeliveriesCard } from './deliveries-card.js';
import { useChannels, useDeleteChannel, useTestChannel } from './queries.js';
import { EVENT_CHOICES, KIND_LABELS, type ChannelKind, type ChannelView, type TestResultView } from './types.js';

export const KIND_ICONS: Record<ChannelKind, Icon> = { slack: IconBrandSlack, teams: IconBrandTeams, email: IconMail };
const EVENT_LABEL = new Map(EVENT_CHOICES.map((e) => [e.value, e.label]));

export function ChannelsTab() {
  const channels = useChannels();
  const [editing, setEditing] = useState<ChannelView | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<ChannelView | null>(null);
  const remove = useDeleteChannel();
  const items = channels.data?.items ?? [];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text size="sm" c="dimmed" maw={640}>
          Wins, KPI publications, missed check-ins, the weekly digest and shadow-day invites go out to Slack, Microsoft Teams and
          email. Every message waits in a durable outbox and is retried until it is delivered; a channel that keeps failing is
          marked in red.
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
          Add channel
        </Button>
      </Group>

      <MutationError of={channels} />
      {channels.isPending ? (
        <Skeleton h={140} />
      ) : items.length === 0 ? (
        <Card>
          <Stack align="center" gap={4} p="lg">
            <Text fw={500}>No channels yet</Text>
            <Text size="sm" c="dimmed" ta="center" maw={480}>
              Add a Slack or Teams incoming webhook, or an SMTP server, and choose what it receives. Until then, news stays in the
              app’s notifications.
            </Text>
          </Stack>
        </Card>
      ) : (
        <Stack gap="sm">
          {items.map((c) => (
            <ChannelCard key={c.id} channel={c} onEdit={() => setEditing(c)} onRemove={() => setRemoving(c)} />
          ))}
        </Stack>
      )}

      <DeliveriesCard />

      <ChannelFormModal opened={adding || editing !== null} channel={editing} onClose={() => (setAdding(false), setEditing(null))} />
      <ConfirmModal
        opened={removing !== null}
        title="Remove this channel?"
        confirmLabel="Remove channel"
        error={remove.error}
        pending={remove.isPending}
        onCancel={() => (setRemoving(null), remove.reset())}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: `Channel “${removing.name}” removed.` });
              setRemoving(null);
            },
          })
        }
      >
        Nothing more is sent to <b>{removing?.name}</b>; messages still waiting for it, and its deliveries, are removed with it.
      </ConfirmModal>
    </Stack>
  );
}

function ChannelCard({ channel: c, onEdit, onRemove }: { channel: ChannelView; onEdit: () => void; onRemove: () => void }) {
  const test = useTestChannel();
  const [result, setResult] = useState<TestResultView | null>(null);
  const KindIcon = KIND_ICONS[c.kind];
  const failing = c.status === 'failing';
  return (
    <Card withBorder style={failing ? { borderColor: 'var(--mantine-color-red-outline)' } : undefined} data-testid={`channel-${c.id}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
            <ThemeIcon variant="light" size="lg" radius="md" color={failing ? 'red' : 'gray'} aria-hidden>
              <KindIcon size={20} />
            </ThemeIcon>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Title order={3} size="h5">
                  {c.name}
                </Title>
                <Text size="xs" c="dimmed">
                  {KIND_LABELS[c.kind]}
                </Text>
                {failing ? (
                  <Badge color="red.9" variant="filled" size="sm">
                    Failing
                  </Badge>
                ) : (
                  <Badge color="teal" variant="light" size="sm">
                    OK
                  </Badge>
                )}
                {c.enabled ? null : (
                  <Badge color="gray" variant="outline" size="sm">
                    Disabled
                  </Badge>
                )}
              </Group>
              <Code style={{ width: 'fit-content', maxWidth: '100%', overflowWrap: 'anywhere' }}>{c.hint}</Code>
            </Stack>
          </Group>
          <Group gap={4} wrap="nowrap">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconSend size={14} aria-hidden />}
              loading={test.isPending}
              onClick={() => test.mutate(c.id, { onSuccess: setResult, onError: () => setResult(null) })}
            >
              Send test message
            </Button>
            <Tooltip label="Change channel" withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={`Change channel ${c.name}`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove channel" withArrow>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove channel ${c.name}`} onClick={onRemove}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>

        <Group gap={6}>
          {c.events.length === 0 ? (
            <Text size="xs" c="dimmed">
              Takes no events yet
            </Text>
          ) : (
            c.events.map((e) => (
              <Badge key={e} variant="light" color="blue" size="sm" tt="none">
                {EVENT_LABEL.get(e) ?? e}
              </Badge>
            ))
          )}
        </Group>

        {c.settingsProblem ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} p="xs">
            {c.settingsProblem[0]!.toUpperCase() + c.settingsProblem.slice(1)}.
          </Alert>
        ) : null}
        {failing && c.lastError ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} className={classes.errorText}>
            <b>Last error</b>
            {c.lastErrorAt ? <span title={formatDateTime(c.lastErrorAt)}> ({formatRelative(c.lastErrorAt)})</span> : null}: {c.lastError}
          </Text>
        ) : null}
        {!failing && c.lastSentAt ? (
          <Text size="xs" c="dimmed">
            Last delivered <span title={formatDateTime(c.lastSentAt)}>{formatRelative(c.lastSentAt)}</span>
          </Text>
        ) : null}

        {test.error ? (
          <Alert color="red" variant="light" role="alert" p="xs">
            {errorMessage(test.error)}
          </Alert>
        ) : result ? (
          <Alert
            color={result.delivered ? 'teal' : 'red'}
            variant="light"
            p="xs"
            role="status"
            icon={result.delivered ? <IconCircleCheck size={18} /> : <IconAlertTriangle size={18} />}
            withCloseButton
            closeButtonLabel="Dismiss the test result"
            onClose={() => setResult(null)}
          >
            {result.delivered
              ? `Test message delivered${result.recipient ? ` to ${result.recipient}` : ''}.`
              : `Not delivered: ${result.error ?? 'the receiver did not accept it'}. It is kept below as a dead letter to retry.`}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
