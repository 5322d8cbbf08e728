// What one side of a pair can do with its day: answer the other's proposal, propose another day, write the
// reflection (the guest, once the day has come). Shared by "Your shadow day" for the guest and for the host.
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconCheck, IconPencil, IconX } from '@tabler/icons-react';
import { formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { otherOf } from './format.js';
import { useAnswerProposal } from './queries.js';
import type { PairView } from './types.js';

interface PairActionsProps {
  pair: PairView;
  side: 'guest' | 'host';
  today: string;
  open: boolean;
  onPropose: () => void;
  onReflect: () => void;
}

export function PairActions({ pair, side, today, open, onPropose, onReflect }: PairActionsProps) {
  const answer = useAnswerProposal();
  const other = otherOf(pair, side);
  const proposal = pair.proposal;
  const mine = proposal !== null && proposal.by.id !== other.id;
  const dayCame = pair.date !== null && pair.date <= today;
  const reply = (accept: boolean) =>
    answer.mutate(
      { pairId: pair.id, accept },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: accept && proposal ? `Your day is now ${formatLocalDate(proposal.date, { weekday: true })}; the invite is sent again.` : `Declined: the day stays as planned.`,
          }),
      },
    );
  return (
    <>
      {proposal ? (
        <Text size="sm">
          {mine
            ? `You proposed ${formatLocalDate(proposal.date, { weekday: true })}; waiting for ${other.name} to answer.`
            : `${other.name} proposed ${formatLocalDate(proposal.date, { weekday: true })} instead.`}
        </Text>
      ) : null}
      {open ? (
        <Group gap="xs">
          {proposal && !mine ? (
            <>
              <Button size="xs" leftSection={<IconCheck size={14} aria-hidden />} loading={answer.isPending && answer.variables.accept} onClick={() => reply(true)}>
                Accept {formatLocalDate(proposal.date)}
              </Button>
              <Button size="xs" variant="default" leftSection={<IconX size={14} aria-hidden />} loading={answer.isPending && !answer.variables.accept} onClick={() => reply(false)}>
                Decline
              </Button>
            </>
          ) : null}
          {!dayCame && pair.status !== 'done' ? (
            <Button size="xs" variant="default" leftSection={<IconCalendarEvent size={14} aria-hidden />} onClick={onPropose}>
              Propose another date
            </Button>
          ) : null}
          {side === 'guest' && dayCame ? (
            <Button size="xs" variant={pair.reflection ? 'default' : 'filled'} leftSection={<IconPencil size={14} aria-hidden />} onClick={onReflect}>
              {pair.reflection ? 'Edit your reflection' : 'Write your reflection'}
            </Button>
          ) : null}
        </Group>
      ) : null}
      <MutationError of={answer} />
    </>
  );
}
