// "Propose another date" for a shadow day: a day within the quarter; the other person accepts or declines it.
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DialogActions } from './dialog-actions.js';
import { useEffect, useState } from 'react';
import { fieldError } from '../api/client.js';
import { todayIn } from '../checkins/format.js';
import { formatLocalDate } from '../shell/format.js';
import { useSession } from '../shell/session.js';
import { lastDayOf } from './format.js';
import { useProposeDate } from './queries.js';
import type { PairView, QuarterView, ShadowMember } from './types.js';

export function ProposeDateModal({ pair, other, quarter, onClose }: { pair: PairView | null; other: ShadowMember | null; quarter: QuarterView; onClose: () => void }) {
  const { workspace } = useSession();
  const propose = useProposeDate();
  const [date, setDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const today = todayIn(workspace.timeZone);
  const min = quarter.startDate > today ? quarter.startDate : today;
  const max = lastDayOf(quarter);
  useEffect(() => {
    setDate(pair?.date ?? '');
    setProblem(null);
    propose.reset();
  }, [pair?.id]);
  const close = () => {
    propose.reset();
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!pair) return;
    if (!date) return setProblem('Pick the day you propose.');
    if (date < min || date > max) return setProblem(`Pick a day from ${formatLocalDate(min)} to ${formatLocalDate(max)}.`);
    if (date === pair.date) return setProblem('That is the day already planned: pick another.');
    setProblem(null);
    propose.mutate(
      { pairId: pair.id, date },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: `Proposed ${formatLocalDate(date, { weekday: true })}; ${other?.name ?? 'the other person'} accepts or declines it.` });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={pair !== null} onClose={close} title="Propose another date">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {pair?.date ? `The day planned is ${formatLocalDate(pair.date, { weekday: true })}. ` : ''}
            {other ? `${other.name} is asked to accept the new day; until then the planned day stands.` : ''}
          </Text>
          <TextInput
            label="Proposed day"
            type="date"
            required
            min={min}
            max={max}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            error={problem ?? fieldError(propose.error, 'date')}
            data-autofocus
          />
          <DialogActions of={propose} label="Propose" onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
