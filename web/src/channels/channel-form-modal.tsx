// Add or change a channel: a Slack or Teams incoming webhook, or an SMTP server, and the events it gets.
// Secrets are write-only: a saved URL or password is never shown, and left empty it is kept.
import { Alert, Button, Checkbox, Group, Modal, NumberInput, PasswordInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { errorMessage, fieldError } from '../api/client.js';
import { useCreateChannel, useUpdateChannel } from './queries.js';
import { EVENT_CHOICES, KIND_LABELS, type ChannelKind, type ChannelPatchInput, type ChannelView, type OutboundEventKind } from './types.js';

const SAVED = 'Saved — enter a new one to replace it';
const SAVED_SHORT = 'Saved — type to replace';

interface FormValues {
  kind: ChannelKind;
  name: string;
  url: string;
  host: string;
  port: number | string;
  security: 'starttls' | 'tls' | 'none';
  user: string;
  password: string;
  from: string;
  events: OutboundEventKind[];
  enabled: boolean;
}

const blank: FormValues = { kind: 'slack', name: '', url: '', host: '', port: 587, security: 'starttls', user: '', password: '', from: '', events: ['wins'], enabled: true };

function valuesOf(c: ChannelView | null): FormValues {
  if (!c) return blank;
  return {
    ...blank,
    kind: c.kind,
    name: c.name,
    events: c.events,
    enabled: c.enabled,
    ...(c.smtp ? { host: c.smtp.host, port: c.smtp.port, security: c.smtp.security, user: c.smtp.user ?? '', from: c.smtp.from } : {}),
  };
}

const URL_HELP: Record<'slack' | 'teams', string> = {
  slack: 'In Slack: Apps → Incoming Webhooks → Add to a channel. It starts with https://hooks.slack.com/',
  teams: 'In Teams: the channel’s Workflows (or Connectors) → Incoming webhook. It is on webhook.office.com or logic.azure.com',
};

export function ChannelFormModal({ opened, channel, onClose }: { opened: boolean; channel: ChannelView | null; onClose: () => void }) {
  const create = useCreateChannel();
  const update = useUpdateChannel();
  const editing = channel !== null;
  const form = useForm<FormValues>({
    initialValues: valuesOf(channel),
    validate: {
      name: (v) => (v.trim() ? null : 'Name the channel, e.g. “#wins”'),
      url: (v, all) => (all.kind !== 'email' && !editing && !v.trim() ? 'Paste the incoming webhook URL' : null),
      host: (v, all) => (all.kind === 'email' && !v.trim() ? 'Give the SMTP server, e.g. smtp.example.com' : null),
      from: (v, all) => (all.kind === 'email' && !v.trim() ? 'Give the sender’s address' : null),
    },
  });
  useEffect(() => {
    if (opened) {
      form.setValues(valuesOf(channel));
      form.resetDirty();
    }
    // Only when the dialog opens or another channel is edited (form is stable across renders).
  }, [opened, channel?.id]);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const v = form.values;

  const submit = (values: FormValues) => {
    const smtp = {
      host: values.host.trim(),
      port: Number(values.port),
      security: values.security,
      user: values.user.trim() ? values.user.trim() : null,
      from: values.from.trim(),
      // Left empty while editing: the saved password is kept.
      ...(values.password ? { password: values.password } : editing ? {} : { password: null }),
    };
    const done = { onSuccess: onClose };
    if (!editing) {
      create.mutate(
        {
          kind: values.kind,
          name: values.name.trim(),
          events: values.events,
          enabled: values.enabled,
          ...(values.kind === 'email' ? { smtp } : { url: values.url.trim() }),
        },
        done,
      );
      return;
    }
    const body: ChannelPatchInput = { name: values.name.trim(), events: values.events, enabled: values.enabled };
    if (values.kind === 'email') body.smtp = smtp;
    else if (values.url.trim()) body.url = values.url.trim();
    update.mutate({ id: channel.id, body }, done);
  };

  return (
    <Modal opened={opened} onClose={onClose} onExitTransitionEnd={() => mutation.reset()} title={editing ? `Change ${channel.name}` : 'Add a channel'} centered size="lg">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          {error ? (
            <Alert color="red" role="alert">
              {errorMessage(error)}
            </Alert>
          ) : null}
          {editing ? null : (
            <SegmentedControl
              fullWidth
              aria-label="Kind of channel"
              data={(['slack', 'teams', 'email'] as const).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              {...form.getInputProps('kind')}
            />
          )}
          <TextInput label="Name" description="How settings and the deliveries list call it" required data-autofocus maxLength={80} {...form.getInputProps('name')} error={form.errors.name ?? fieldError(error, 'name')} />
          {v.kind !== 'email' ? (
            <PasswordInput
              label="Incoming webhook URL"
              description={editing ? `Now: ${channel.hint}. ${URL_HELP[v.kind]}` : URL_HELP[v.kind]}
              placeholder={editing ? SAVED : 'https://…'}
              required={!editing}
              autoComplete="off"
              {...form.getInputProps('url')}
              error={form.errors.url ?? fieldError(error, 'url')}
            />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <TextInput label="SMTP server" placeholder="smtp.example.com" required style={{ gridColumn: 'span 2' }} {...form.getInputProps('host')} />
                <NumberInput label="Port" min={1} max={65535} allowDecimal={false} required {...form.getInputProps('port')} />
              </SimpleGrid>
              <Select
                label="Security"
                allowDeselect={false}
                data={[
                  { value: 'starttls', label: 'STARTTLS (usually port 587)' },
                  { value: 'tls', label: 'TLS from the start (usually port 465)' },
                  { value: 'none', label: 'None (a relay on this network)' },
                ]}
                {...form.getInputProps('security')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label="User name" description="Leave empty if the server takes mail without signing in" autoComplete="off" {...form.getInputProps('user')} />
                <PasswordInput
                  label="Password"
                  description={channel?.smtp?.passwordSaved ? SAVED : 'Never shown again once saved'}
                  placeholder={channel?.smtp?.passwordSaved ? SAVED_SHORT : undefined}
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
              </SimpleGrid>
              <TextInput label="Sender (from)" placeholder="Lockstep <lockstep@example.com>" required {...form.getInputProps('from')} error={form.errors.from ?? null} />
              {fieldError(error, 'smtp') ? (
                <Text size="sm" c="red">
                  {fieldError(error, 'smtp')}
                </Text>
              ) : null}
            </>
          )}
          <Checkbox.Group label="What is sent here" {...form.getInputProps('events')}>
            <Stack gap={6} mt={6}>
              {EVENT_CHOICES.map((e) => (
                <Checkbox key={e.value} value={e.value} label={e.label} description={e.description} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Switch label="Enabled" description="A disabled channel gets nothing until you enable it again" {...form.getInputProps('enabled', { type: 'checkbox' })} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {editing ? 'Save changes' : 'Add channel'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
