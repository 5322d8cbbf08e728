// The check-in agenda's "Celebrated together" action for one win (SPEC S5: "a win can be marked celebrated together in
// a check-in"): it marks the win celebrated in this meeting, shows when it has been, and lets a member take it back.
// The agenda item names the win (ref or link); its celebrated state is read from the win itself.
import { Badge, Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconConfetti } from '@tabler/icons-react';
import { errorMessage } from '../api/client.js';
import { usePermissions } from '../shell/session.js';
import { useCelebrated, useWin } from './queries.js';

/** The win an agenda item is about: its ref, or its link into the room. */
export function winIdOf(item: { ref?: { type: string; id: string } | null; href?: string | null }): string | null {
  if (item.ref?.type === 'win') return item.ref.id;
  const m = /^\/wins\/([^/?#]+)$/.exec(item.href ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

export function CelebrateAction({ winId, meetingId, title }: { winId: string; meetingId: string; title: string }) {
  const { canContribute } = usePermissions();
  const win = useWin(winId);
  const celebrated = useCelebrated();
  // A win deleted since the agenda was built has nothing to mark.
  if (!win.data) return null;
  const c = win.data.celebrated;
  const here = c?.meetingId === meetingId;
  const mark = (on: boolean) =>
    celebrated.mutate(
      { winId, on, meetingId },
      { onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(err) }) },
    );
  if (c) {
    return (
      <Group gap={4} wrap="nowrap">
        <Badge size="sm" radius="sm" variant="light" color="yellow" leftSection={<IconCheck size={12} aria-hidden />} style={{ flexShrink: 0 }}>
          {here ? 'Celebrated together' : c.meetingTitle ? `Celebrated in ${c.meetingTitle}` : 'Celebrated together'}
        </Badge>
        {canContribute && here ? (
          <Button size="compact-xs" variant="subtle" color="gray" loading={celebrated.isPending} onClick={() => mark(false)} aria-label={`Undo: ${title} was not celebrated together`}>
            Undo
          </Button>
        ) : null}
      </Group>
    );
  }
  if (!canContribute) return null;
  return (
    <Button
      size="compact-xs"
      variant="default"
      leftSection={<IconConfetti size={14} aria-hidden />}
      loading={celebrated.isPending}
      onClick={() => mark(true)}
      aria-label={`Mark celebrated together: ${title}`}
      style={{ flexShrink: 0 }}
    >
      Mark celebrated together
    </Button>
  );
}
