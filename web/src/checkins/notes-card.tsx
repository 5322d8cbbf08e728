// The meeting notes: markdown, written during the meeting, with a preview.
import { Alert, Button, Card, Group, Tabs, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { MarkdownText } from './markdown-text.js';
import { useSaveNotes } from './queries.js';
import type { MeetingView } from './types.js';

export function NotesCard({ meeting, canRun }: { meeting: MeetingView; canRun: boolean }) {
  const save = useSaveNotes(meeting.id);
  // null: not edited, so what the server holds shows (and follows refetches).
  const [draft, setDraft] = useState<string | null>(null);
  const [tab, setTab] = useState<string | null>('write');
  const value = draft ?? meeting.notes;
  const dirty = draft !== null && draft !== meeting.notes;

  if (!canRun) {
    return (
      <Card>
        <Title order={2} fz="lg" mb="sm">
          Notes
        </Title>
        {meeting.notes.trim() ? (
          <MarkdownText source={meeting.notes} />
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            No notes were taken.
          </Text>
        )}
      </Card>
    );
  }

  const submit = () =>
    save.mutate(value, {
      onSuccess: () => {
        setDraft(null);
        notifications.show({ color: 'teal', message: 'Notes saved.' });
      },
    });

  return (
    <Card>
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Notes
        </Title>
        <Group gap="xs">
          {dirty ? (
            <Text size="xs" c="dimmed">
              Unsaved changes
            </Text>
          ) : null}
          <Button size="xs" leftSection={<IconDeviceFloppy size={14} aria-hidden />} onClick={submit} loading={save.isPending} disabled={!dirty}>
            Save notes
          </Button>
        </Group>
      </Group>
      {save.isError ? (
        <Alert color="red" role="alert" mb="sm" title="The notes were not saved">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      <Tabs value={tab} onChange={setTab} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="write">Write</Tabs.Tab>
          <Tabs.Tab value="preview">Preview</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="write" pt="xs">
          <Textarea
            aria-label="Meeting notes (markdown)"
            placeholder="What was discussed? Markdown works: **bold**, - lists, # headings."
            autosize
            minRows={6}
            maxRows={24}
            value={value}
            onChange={(e) => setDraft(e.currentTarget.value)}
            maxLength={50_000}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="xs">
          {value.trim() ? (
            <MarkdownText source={value} />
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              Nothing to preview yet.
            </Text>
          )}
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
