// The marks a win carries wherever it appears (SPEC S5: "collaborative wins are highlighted everywhere"): the
// collaborative badge says "Sales × Marketing" in words and an icon, so it never rests on colour alone; the accent
// around a collaborative win's card is the second, visual cue.
import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconConfetti, IconHeartHandshake } from '@tabler/icons-react';
import { formatDate } from '../shell/format.js';
import { TEAM_COLOR } from '../theme.js';
import { KIND_LABEL, PERSON_TEAM_LABEL, teamsLabel } from './format.js';
import type { PersonRef, WinKind, WinView } from './types.js';
import classes from './wins.module.css';

/** Badges never shrink to an ellipsis in a row. */
const NO_SHRINK = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const;

/** The class of a collaborative win's card: the accent beside its badge. */
export const collaborativeClass = (collaborative: boolean): string | undefined => (collaborative ? classes.collaborative : undefined);

/** "Sales × Marketing" for a collaborative win; the one team credited otherwise. */
export function TeamsBadge({ win, size = 'sm' }: { win: Pick<WinView, 'collaborative' | 'teams' | 'credited'>; size?: 'xs' | 'sm' | 'md' }) {
  const label = teamsLabel(win);
  if (win.collaborative) {
    return (
      <Tooltip label="Collaborative: the people credited are in both sales and marketing" withArrow multiline w={240}>
        <Badge
          styles={NO_SHRINK}
          size={size}
          radius="sm"
          variant="gradient"
          gradient={{ from: 'blue.8', to: 'grape.8', deg: 90 }}
          leftSection={<IconHeartHandshake size={14} aria-hidden />}
          tabIndex={0}
          aria-label="Collaborative win: Sales × Marketing"
        >
          {label}
        </Badge>
      </Tooltip>
    );
  }
  const team = win.teams[0];
  return (
    <Badge styles={NO_SHRINK} size={size} radius="sm" variant="light" color={team ? TEAM_COLOR[team] : 'gray'}>
      {label}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: WinKind }) {
  return (
    <Badge styles={NO_SHRINK} size="sm" radius="sm" variant="outline" color="gray">
      {KIND_LABEL[kind]}
    </Badge>
  );
}

/** "Celebrated together", with where and when in its tooltip. */
export function CelebratedBadge({ celebrated }: { celebrated: NonNullable<WinView['celebrated']> }) {
  const where = celebrated.meetingTitle ? ` in ${celebrated.meetingTitle}` : '';
  return (
    <Tooltip label={`Celebrated together${where}, ${formatDate(celebrated.at)}${celebrated.by ? ` · marked by ${celebrated.by.name}` : ''}`} withArrow multiline w={260}>
      <Badge styles={NO_SHRINK} size="sm" radius="sm" variant="light" color="yellow" leftSection={<IconConfetti size={13} aria-hidden />} tabIndex={0}>
        Celebrated together
      </Badge>
    </Tooltip>
  );
}

/** The people credited, each with their team: "Ana Ortiz · Marketing". */
export function CreditedPeople({ people, max }: { people: PersonRef[]; max?: number }) {
  const shown = max === undefined ? people : people.slice(0, max);
  const rest = people.length - shown.length;
  return (
    <Group gap={6} wrap="wrap">
      {shown.map((p) => (
        <Badge key={p.memberId} styles={NO_SHRINK} size="sm" radius="xl" variant="dot" color={TEAM_COLOR[p.team]} tt="none" fw={500}>
          {p.name} · {PERSON_TEAM_LABEL[p.team]}
        </Badge>
      ))}
      {rest > 0 ? (
        <Text size="xs" c="dimmed">
          and {rest} more
        </Text>
      ) : null}
    </Group>
  );
}
