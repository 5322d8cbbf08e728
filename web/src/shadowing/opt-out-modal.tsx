// Opting out of a quarter's program with a reason, which the leader sees (SPEC S4). Everyone is in by default.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { fieldError } from '../api/client.js';
import { DialogActions } from './dialog-actions.js';
import { LIMITS } from './format.js';
import { useUpdateParticipant } from './queries.js';
import type { ParticipantView, ProgramView } from './types.js';

export function OptOutModal({ program, participant, own, onClose }: { program: ProgramView; participant: ParticipantView | null; own: boolean; onClose: () => void }) {
  const update = useUpdateParticipant(program.id);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setReason('');
    setProblem(null);
    update.reset();
  }, [participant?.member.id]);
  const close = () => {
    update.reset();
    onClose();
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!participant) return;
    const text = reason.trim();
    if (text.length < 3) return setProblem('Say why, in a few words (at least 3 characters).');
    setProblem(null);
    update.mutate(
      { memberId: participant.member.id, patch: { optedOut: { reason: text } } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: own ? `You sit ${program.quarter.label} out.` : `${participant.member.name} sits ${program.quarter.label} out.` });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={participant !== null} onClose={close} title={own ? `Sit ${program.quarter.label} out` : `${participant?.member.name ?? ''} sits ${program.quarter.label} out`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {own ? 'You will not be paired as a guest or a host this quarter.' : 'They will not be paired as a guest or a host this quarter.'} Leaders see the reason; opting back in is one click.
          </Text>
          <Textarea
            label="Reason"
            placeholder="e.g. On parental leave until March"
            required
            autosize
            minRows={2}
            maxLength={LIMITS.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problem ?? fieldError(update.error, 'optedOut.reason')}
            data-autofocus
          />
          <DialogActions of={update} label="Opt out" onCancel={close} color="red.9" />
        </Stack>
      </form>
    </Modal>
  );
}
