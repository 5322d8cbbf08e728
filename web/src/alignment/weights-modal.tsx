// The weights editor (SPEC S6: "weights configurable"), for leaders and admins: each strategy's weight 0–100 and the
// share of the overall score it would then carry, saved with PUT /alignment/weights (the answer is the score recomputed).
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { MutationError } from '../shell/mutation-error.js';
import { STRATEGY_ORDER, weightShares, weightsProblem } from './format.js';
import { useSaveWeights } from './queries.js';
import type { AlignmentView, Weights } from './types.js';

type Draft = Record<keyof Weights, number | string>;

/** Loaded when first opened (score-card.tsx), so the number inputs' code stays out of the dashboard's first load. */
export default function WeightsModal({ view, opened, onClose }: { view: AlignmentView; opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Weights of the alignment score" size="md">
      {/* Mounted only while open, so each opening starts from the saved weights. */}
      {opened ? <WeightsForm view={view} onClose={onClose} /> : null}
    </Modal>
  );
}

function WeightsForm({ view, onClose }: { view: AlignmentView; onClose: () => void }) {
  const save = useSaveWeights();
  const [draft, setDraft] = useState<Draft>({ ...view.weights });
  const [tried, setTried] = useState(false);
  const problem = weightsProblem(draft);
  const numbers = Object.fromEntries(STRATEGY_ORDER.map((s) => [s, typeof draft[s] === 'number' ? draft[s] : 0])) as Weights;
  // As on the card: the shares are of the scored strategies alone.
  const strategy = (s: keyof Weights) => view.strategies.find((x) => x.strategy === s);
  const scored = (s: keyof Weights) => strategy(s)?.score != null;
  const shares = weightShares(Object.fromEntries(STRATEGY_ORDER.map((s) => [s, scored(s) ? numbers[s] : 0])) as Weights);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    save.mutate(numbers, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Weights saved; the score is recomputed with them.' });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Each strategy counts in the overall score in proportion to its weight. A strategy with no data yet is left out, and the others share its weight.
        </Text>
        {STRATEGY_ORDER.map((s) => (
          <NumberInput
            key={s}
            label={strategy(s)?.label ?? s}
            description={problem ? undefined : numbers[s] === 0 ? 'Not counted' : scored(s) ? `${shares[s]}% of the score` : 'Counts once it has data'}
            min={0}
            max={100}
            step={5}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="strict"
            value={draft[s]}
            onChange={(v) => setDraft((d) => ({ ...d, [s]: v }))}
          />
        ))}
        {tried && problem ? (
          <Text size="sm" c="red.9" role="alert">
            {problem}
          </Text>
        ) : null}
        <MutationError of={save} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save weights
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
