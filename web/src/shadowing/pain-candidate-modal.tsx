// "Make it a pain candidate": a reflection's words become a pain in messaging's library, through messaging's own
// create endpoint (POST /messaging/pains), prefilled from the reflection and edited before it is added.
import { Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DialogActions } from './dialog-actions.js';
import { useEffect, useState } from 'react';
import { fieldError } from '../api/client.js';
import { PAIN_LIMITS } from '../../../src/capabilities/messaging/pains/limits.js';
import { useCreatePain } from '../messaging/pain-queries.js';
import type { PairView, ReflectionView } from './types.js';

type Source = 'surprised' | 'misconception' | 'idea';
const SOURCES: Array<{ value: Source; label: string }> = [
  { value: 'surprised', label: 'What surprised' },
  { value: 'misconception', label: 'Misconception' },
  { value: 'idea', label: 'Idea' },
];

const clip = (text: string) => text.trim().slice(0, PAIN_LIMITS.statement);

export function PainCandidateModal({ pair, onClose }: { pair: (PairView & { reflection: ReflectionView }) | null; onClose: () => void }) {
  const create = useCreatePain();
  const [source, setSource] = useState<Source>('surprised');
  const [statement, setStatement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!pair) return;
    setSource('surprised');
    setStatement(clip(pair.reflection.surprised));
    setProblem(null);
    create.reset();
  }, [pair?.id]);
  const close = () => {
    create.reset();
    onClose();
  };
  const choose = (s: Source) => {
    setSource(s);
    if (pair) setStatement(clip(pair.reflection[s]));
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!pair) return;
    const text = statement.trim();
    if (text.length < 3) return setProblem('Write the pain as the buyer says it (at least 3 characters).');
    setProblem(null);
    create.mutate(
      { statement: text, persona: '', segment: '', severity: 3, emotion: '', synonyms: [] },
      {
        onSuccess: (pain) => {
          notifications.show({ color: 'teal', message: `“${pain.statement}” is in the pain library: sales can log evidence for it.` });
          close();
        },
      },
    );
  };
  return (
    <Modal opened={pair !== null} onClose={close} title="Make it a pain candidate" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">Add what {pair?.guest.name ?? 'the guest'} heard to the pain library, in the buyer’s words. Sales then logs evidence for it.</Text>
          <div>
            <Text size="sm" fw={500} mb={4} id="pain-source-label">
              Start from
            </Text>
            <SegmentedControl aria-labelledby="pain-source-label" data={SOURCES} value={source} onChange={(v) => choose(v as Source)} fullWidth />
          </div>
          <Textarea
            label="The pain, in the buyer's words"
            description="Write it as a buyer would say it on a call, not as a feature."
            required
            autosize
            minRows={2}
            maxLength={PAIN_LIMITS.statement}
            value={statement}
            onChange={(e) => setStatement(e.currentTarget.value)}
            error={problem ?? fieldError(create.error, 'statement')}
            data-autofocus
          />
          <DialogActions of={create} label="Add pain" onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
