// The affinity table (SPEC S4), for leaders: how well a sales function matches a marketing function (0 no match to
// 10), which the pairing prefers — e.g. SDR ↔ demand gen, AE ↔ product marketing. The functions members have now are
// offered; any other can be typed.
import { ActionIcon, Alert, Autocomplete, Button, Group, Modal, NumberInput, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { MutationError } from '../shell/mutation-error.js';
import { DialogActions } from './dialog-actions.js';
import { LIMITS } from './format.js';
import { useAffinity, useSaveAffinity } from './queries.js';
import type { AffinityRule } from './types.js';

interface Row extends AffinityRule {
  key: number;
}

let nextKey = 1;
const rowOf = (r: AffinityRule): Row => ({ ...r, key: nextKey++ });

/** The first problem with the rows, in words, or null. */
function problemOf(rows: Row[]): string | null {
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    if (!r.salesFunction.trim() || !r.marketingFunction.trim()) return `Rule ${i + 1} needs both a sales and a marketing function.`;
    const pair = `${r.salesFunction.trim().toLowerCase()}|${r.marketingFunction.trim().toLowerCase()}`;
    if (seen.has(pair)) return `Rule ${i + 1} repeats ${r.salesFunction} ↔ ${r.marketingFunction}: keep one.`;
    seen.add(pair);
  }
  return null;
}

export function AffinityModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const affinity = useAffinity(opened);
  const save = useSaveAffinity();
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (opened && affinity.data) setRows(affinity.data.rules.map(rowOf));
  }, [opened, affinity.data]);
  useEffect(() => {
    if (!opened) {
      setProblem(null);
      save.reset();
    }
  }, [opened]);
  const set = (key: number, patch: Partial<AffinityRule>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = () => {
    const p = problemOf(rows);
    setProblem(p);
    if (p) return;
    save.mutate(
      { rules: rows.map((r) => ({ salesFunction: r.salesFunction.trim(), marketingFunction: r.marketingFunction.trim(), bonus: r.bonus })) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Affinity table saved: the next generate uses it.' });
          onClose();
        },
      },
    );
  };
  const functions = affinity.data?.functions ?? { sales: [], marketing: [] };
  return (
    <Modal opened={opened} onClose={onClose} title="Affinity table" size="xl">
      <Stack gap="sm">
        <Text size="sm">
          How well a sales function matches a marketing function, from 0 (no match) to {LIMITS.bonusMax}. Generating the pairs prefers matching functions; people with no function match
          nobody in particular.
        </Text>
        <MutationError of={affinity} />
        {affinity.isPending ? (
          affinity.isError ? null : <Skeleton h={120} />
        ) : (
          <Stack gap="xs">
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                No rules yet: every pairing counts functions as a mismatch alike.
              </Text>
            ) : null}
            {rows.map((r, i) => (
              <Group key={r.key} gap="xs" align="flex-end" wrap="wrap" role="group" aria-label={`Rule ${i + 1}`}>
                <Autocomplete
                  label="Sales function"
                  data={functions.sales}
                  value={r.salesFunction}
                  onChange={(v) => set(r.key, { salesFunction: v })}
                  maxLength={LIMITS.functionName}
                  style={{ flex: '1 1 160px' }}
                />
                <Autocomplete
                  label="Marketing function"
                  data={functions.marketing}
                  value={r.marketingFunction}
                  onChange={(v) => set(r.key, { marketingFunction: v })}
                  maxLength={LIMITS.functionName}
                  style={{ flex: '1 1 160px' }}
                />
                <NumberInput
                  label="Match"
                  min={0}
                  max={LIMITS.bonusMax}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  value={r.bonus}
                  onChange={(v) => set(r.key, { bonus: typeof v === 'number' ? v : 0 })}
                  w={90}
                />
                <ActionIcon variant="subtle" color="red.9" size="lg" aria-label={`Remove rule ${i + 1}`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={rows.length >= LIMITS.rules}
                onClick={() => setRows((rs) => [...rs, rowOf({ salesFunction: '', marketingFunction: '', bonus: 5 })])}
              >
                Add rule
              </Button>
            </Group>
          </Stack>
        )}
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        <DialogActions of={save} label="Save table" onCancel={onClose} onConfirm={submit} disabled={!affinity.data} />
      </Stack>
    </Modal>
  );
}
