// The five reactions under a win (issue 13): toggle buttons with their counts, pressed when they are yours
// (aria-pressed), usable with Tab and Space/Enter. Viewers see the counts only.
import { Button, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client.js';
import { usePermissions } from '../shell/session.js';
import { EMOJI_META } from './format.js';
import { useReact } from './queries.js';
import type { WinView } from './types.js';
import classes from './wins.module.css';

export function Reactions({ win, size = 'xs' }: { win: Pick<WinView, 'id' | 'title' | 'reactions'>; size?: 'xs' | 'sm' }) {
  const { canContribute } = usePermissions();
  const react = useReact();
  if (!canContribute) {
    const given = win.reactions.filter((r) => r.count > 0);
    if (given.length === 0) return null;
    return (
      <Group gap={10} aria-label="Reactions" role="group">
        {given.map((r) => (
          <Text key={r.emoji} size="sm">
            <span aria-hidden>{EMOJI_META[r.emoji].glyph}</span> <VisuallyHidden>{`${EMOJI_META[r.emoji].name}:`}</VisuallyHidden>
            {r.count}
          </Text>
        ))}
      </Group>
    );
  }
  return (
    <Group gap={6} role="group" aria-label={`Reactions to ${win.title}`}>
      {win.reactions.map((r) => {
        const meta = EMOJI_META[r.emoji];
        const pending = react.isPending && react.variables.winId === win.id && react.variables.emoji === r.emoji;
        return (
          <Tooltip key={r.emoji} label={r.mine ? `Take back your ${meta.name.toLowerCase()}` : `React with ${meta.name.toLowerCase()}`} withArrow openDelay={400}>
            <Button
              className={classes.reaction}
              size={size}
              radius="xl"
              variant={r.mine ? 'light' : 'default'}
              aria-pressed={r.mine}
              aria-label={`${meta.name}, ${r.count} ${r.count === 1 ? 'reaction' : 'reactions'}`}
              loading={pending}
              onClick={() =>
                react.mutate(
                  { winId: win.id, emoji: r.emoji, on: !r.mine },
                  { onError: (err) => notifications.show({ color: 'red', title: 'The reaction was not saved', message: errorMessage(err) }) },
                )
              }
              px={10}
            >
              <span aria-hidden style={{ display: 'inline-flex', alignItems: 'center', gap: 5 }}>
                <span style={{ fontSize: '1.15em', lineHeight: 1 }}>{meta.glyph}</span>
                {r.count > 0 ? <span>{r.count}</span> : null}
              </span>
            </Button>
          </Tooltip>
        );
      })}
    </Group>
  );
}
