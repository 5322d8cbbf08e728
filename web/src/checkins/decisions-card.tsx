// Decisions taken in the meeting, recorded as they are made.
import { ActionIcon, Alert, Button, Card, Group, Stack, Text, TextInput, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGavel, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.js';
import { formatRelative } from '../shell/format.js';
import { useAddDecision, useRemoveDecision } from './queries.js';
import type { MeetingView } from './types.js';

export function DecisionsCard({ meeting, canRun }: { meeting: MeetingView; canRun: boolean }) {
  const add = useAddDecision(meeting.id);
  const remove = useRemoveDecision(meeting.id);
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(text.trim(), { onSuccess: () => setText('') });
  };
  return (
    <Card>
      <Title order={2} fz="lg" mb="sm">
        Decisions
      </Title>
      <Stack gap="xs">
        {meeting.decisions.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            No decisions recorded.
          </Text>
        ) : (
          meeting.decisions.map((d) => (
            <Group key={d.id} gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon size={24} radius="xl" variant="light" color="indigo" aria-hidden mt={2}>
                <IconGavel size={14} />
              </ThemeIcon>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm">{d.text}</Text>
                <Text size="xs" c="dimmed">
                  {d.createdByName ?? 'Someone'} · {formatRelative(d.createdAt)}
                </Text>
              </div>
              {canRun ? (
                <Tooltip label="Remove decision" withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove decision: ${d.text}`}
                    loading={remove.isPending && remove.variables === d.id}
                    onClick={() => remove.mutate(d.id, { onError: (err) => notifications.show({ color: 'red', title: 'The decision was not removed', message: errorMessage(err) }) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))
        )}
        {canRun ? (
          <form onSubmit={submit}>
            {add.isError ? (
              <Alert color="red" role="alert" mb="xs">
                {errorMessage(add.error)}
              </Alert>
            ) : null}
            <Group gap="xs" align="flex-end" wrap="nowrap" mt="xs">
              <TextInput
                label="New decision"
                placeholder="e.g. Marketing owns webinar follow-up for 48 hours"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                maxLength={2000}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={add.isPending} disabled={text.trim().length < 2}>
                Record
              </Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Card>
  );
}
