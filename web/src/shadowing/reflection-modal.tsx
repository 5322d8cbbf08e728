// The guest's reflection after the day (SPEC S4): what surprised you, a misconception you had, one idea to take back,
// and a 1–5 rating. It goes to the next check-in's agenda.
import { Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { fieldError } from '../api/client.js';
import { DialogActions } from './dialog-actions.js';
import { LIMITS, RATING_LABEL } from './format.js';
import { useWriteReflection } from './queries.js';
import type { PairView } from './types.js';

interface Values {
  surprised: string;
  misconception: string;
  idea: string;
  rating: string;
}

const FIELDS = [
  { key: 'surprised', label: 'What surprised you', placeholder: 'e.g. How many calls end on pricing before the demo' },
  { key: 'misconception', label: 'A misconception you had', placeholder: 'e.g. I thought reps read our nurture emails' },
  { key: 'idea', label: 'One idea to take back', placeholder: 'e.g. A one-pager answering the three pricing questions' },
] as const;

export function ReflectionModal({ pair, onClose }: { pair: PairView | null; onClose: () => void }) {
  const write = useWriteReflection();
  const form = useForm<Values>({
    initialValues: { surprised: '', misconception: '', idea: '', rating: '' },
    validate: {
      surprised: (v) => (v.trim() ? null : 'Say what surprised you.'),
      misconception: (v) => (v.trim() ? null : 'Name a misconception you had.'),
      idea: (v) => (v.trim() ? null : 'Write one idea to take back.'),
      rating: (v) => (v ? null : 'Rate the day from 1 to 5.'),
    },
  });
  useEffect(() => {
    if (!pair) return;
    const r = pair.reflection;
    form.setValues(r ? { surprised: r.surprised, misconception: r.misconception, idea: r.idea, rating: String(r.rating) } : { surprised: '', misconception: '', idea: '', rating: '' });
    form.resetDirty();
    write.reset();
  }, [pair?.id]);
  const close = () => {
    write.reset();
    onClose();
  };
  const submit = form.onSubmit((v) => {
    if (!pair) return;
    write.mutate(
      { pairId: pair.id, body: { surprised: v.surprised.trim(), misconception: v.misconception.trim(), idea: v.idea.trim(), rating: Number(v.rating) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Reflection saved: it goes to the next check-in’s agenda.' });
          close();
        },
      },
    );
  });
  return (
    <Modal opened={pair !== null} onClose={close} title={pair?.reflection ? 'Edit your reflection' : 'Write your reflection'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {pair ? (
            <Text size="sm" c="dimmed">
              Your day with {pair.host.name}. Sales and marketing read it at the next check-in.
            </Text>
          ) : null}
          {FIELDS.map((f, i) => (
            <Textarea
              key={f.key}
              label={f.label}
              placeholder={f.placeholder}
              required
              autosize
              minRows={2}
              maxRows={8}
              maxLength={LIMITS.reflection}
              data-autofocus={i === 0 ? true : undefined}
              {...form.getInputProps(f.key)}
              error={form.errors[f.key] ?? fieldError(write.error, f.key)}
            />
          ))}
          <div>
            <Text size="sm" fw={500} mb={4} id="rating-label">
              How useful was the day?{' '}
              <Text span c="red" aria-hidden>
                *
              </Text>
            </Text>
            <SegmentedControl
              aria-labelledby="rating-label"
              fullWidth
              data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))}
              value={form.values.rating}
              onChange={(v) => form.setFieldValue('rating', v)}
            />
            <Text size="xs" c={form.errors.rating ? 'red' : 'dimmed'} mt={4} role={form.errors.rating ? 'alert' : undefined}>
              {form.errors.rating ?? fieldError(write.error, 'rating') ?? (form.values.rating ? `${form.values.rating} · ${RATING_LABEL[Number(form.values.rating)]}` : '1 · not worth it … 5 · eye-opening')}
            </Text>
          </div>
          <DialogActions of={write} label="Save reflection" onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
