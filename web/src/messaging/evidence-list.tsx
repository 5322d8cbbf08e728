// Evidence entries as a rep or a marketer reads them (issue 12): the buyer's words first, then who, when, which
// deal and how it ended, and the marketing piece that helped (decision 056); the author and leads edit or delete an
// entry in place.
import { EVIDENCE_LIMITS } from '../../../src/capabilities/messaging/pains/limits.js';
import { ActionIcon, Anchor, Badge, Blockquote, Button, Group, Menu, Modal, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatAmount } from '../deals/deal-format.js';
import { ConfirmModal } from '../shell/confirm-modal.js';
import { formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { PieceThatHelpedSelect } from './piece-that-helped-select.js';
import { DANGER_TEXT, OUTCOME_META } from './pain-format.js';
import { useDeleteEvidence, useUpdateEvidence } from './pain-queries.js';
import type { EvidenceView, Outcome } from './pain-types.js';

/** Today on this device as YYYY-MM-DD, the latest day a date field offers (the server checks the workspace's today). */
export const todayIso = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The entries, newest first; `showPain` names each entry's pain (the evidence page), off on a pain's own page. */
export function EvidenceList({ items, showPain }: { items: EvidenceView[]; showPain: boolean }) {
  const [editing, setEditing] = useState<EvidenceView | null>(null);
  const [deleting, setDeleting] = useState<EvidenceView | null>(null);
  const remove = useDeleteEvidence();
  return (
    <>
      <Stack gap={0}>
        {items.map((e, i) => (
          <Group
            key={e.id}
            align="flex-start"
            justify="space-between"
            wrap="nowrap"
            gap="sm"
            p="md"
            style={i > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
          >
            <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
              <Blockquote className="user-text" p={0} pl="sm" color={OUTCOME_META[e.outcome].color} style={{ background: 'none', fontSize: 'var(--mantine-font-size-sm)' }} icon={null}>
                “{e.quote}”
              </Blockquote>
              <Group gap={8} wrap="wrap">
                <Badge size="sm" variant="light" color={OUTCOME_META[e.outcome].color}>
                  {OUTCOME_META[e.outcome].label}
                </Badge>
                <Text size="xs" fw={600} className="user-text">
                  {e.account}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatLocalDate(e.date)}
                  {e.memberName ? ` · ${e.memberName}` : ''}
                  {e.deal ? ` · deal ${e.deal.name}` : e.dealExternalId ? ` · CRM ${e.dealExternalId}` : ''}
                  {e.amount !== null ? ` · ${formatAmount(e.amount)}` : e.deal?.amount != null ? ` · ${formatAmount(e.deal.amount)}` : ''}
                </Text>
              </Group>
              {showPain ? (
                e.pain ? (
                  <Text size="xs">
                    Pain:{' '}
                    <Anchor component={Link} to={`/messaging/pains/${e.pain.id}`} size="xs">
                      {e.pain.statement}
                    </Anchor>
                  </Text>
                ) : (
                  <Text size="xs" c="dimmed">
                    No pain confirmed
                  </Text>
                )
              ) : null}
              {e.piece ? (
                <Text size="xs">
                  Piece that helped:{' '}
                  <Anchor component={Link} to={`/messaging/pieces/${e.piece.id}`} size="xs" className="user-text">
                    {e.piece.title}
                  </Anchor>
                  {e.piece.status !== 'published' ? <Text span size="xs" c="dimmed">{` (${e.piece.status.replace('_', ' ')})`}</Text> : null}
                </Text>
              ) : null}
              {e.notes ? (
                <Text size="xs" c="dimmed" className="user-text" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.notes}
                </Text>
              ) : null}
            </Stack>
            {e.you.canChange ? (
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={`Actions for the evidence from ${e.account}`}>
                    <IconDots size={16} aria-hidden />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(e)}>
                    Edit
                  </Menu.Item>
                  <Menu.Item color={DANGER_TEXT} leftSection={<IconTrash size={14} aria-hidden />} onClick={() => setDeleting(e)}>
                    Delete
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            ) : null}
          </Group>
        ))}
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title="Edit evidence" size="lg">
        {editing ? <EvidenceEditForm key={editing.id} entry={editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this evidence?"
        confirmLabel="Delete"
        error={remove.error}
        pending={remove.isPending}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Evidence deleted.' });
              setDeleting(null);
            },
          })
        }
      >
        The entry from {deleting?.account} on {deleting ? formatLocalDate(deleting.date) : ''} leaves its pain's figures. This cannot be undone.
      </ConfirmModal>
    </>
  );
}

interface EditValues {
  date: string;
  account: string;
  outcome: Outcome;
  amount: number | string;
  quote: string;
  notes: string;
}

function EvidenceEditForm({ entry, onDone }: { entry: EvidenceView; onDone: () => void }) {
  const update = useUpdateEvidence();
  const [piece, setPiece] = useState<{ id: string; title: string } | null>(entry.piece ? { id: entry.piece.id, title: entry.piece.title } : null);
  const form = useForm<EditValues>({
    initialValues: { date: entry.date, account: entry.account, outcome: entry.outcome, amount: entry.amount === null ? '' : entry.amount / 100, quote: entry.quote, notes: entry.notes ?? '' },
    validate: {
      account: (v) => (v.trim() ? null : 'Say which account it was.'),
      quote: (v) => (v.trim().length < 3 ? 'Write what the buyer said.' : null),
      date: (v) => (v ? null : 'Pick the day.'),
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) =>
        update.mutate(
          {
            evidenceId: entry.id,
            patch: { date: v.date, account: v.account.trim(), outcome: v.outcome, amount: v.amount === '' ? null : Number(v.amount), quote: v.quote.trim(), notes: v.notes.trim() || null, ...((piece?.id ?? null) !== (entry.piece?.id ?? null) ? { pieceId: piece?.id ?? null } : {}) },
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: 'Evidence saved.' });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack gap="md">
        <Textarea label="What the buyer said" required autosize minRows={2} maxLength={EVIDENCE_LIMITS.quote} {...form.getInputProps('quote')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Date" type="date" required max={todayIso()} {...form.getInputProps('date')} />
          <TextInput label="Account" required maxLength={EVIDENCE_LIMITS.account} {...form.getInputProps('account')} />
          <NumberInput label="Amount" prefix="$" thousandSeparator="," decimalScale={2} min={0} allowNegative={false} {...form.getInputProps('amount')} />
          <div>
            <Text size="sm" fw={500} mb={4} id={`outcome-${entry.id}`}>
              Outcome
            </Text>
            <SegmentedControl aria-labelledby={`outcome-${entry.id}`} fullWidth data={(['open', 'won', 'lost'] as const).map((o) => ({ value: o, label: OUTCOME_META[o].label }))} {...form.getInputProps('outcome')} />
          </div>
        </SimpleGrid>
        <PieceThatHelpedSelect piece={piece} onChange={setPiece} />
        <Textarea label="Notes" autosize minRows={2} maxLength={EVIDENCE_LIMITS.notes} {...form.getInputProps('notes')} />
        <MutationError of={update} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save evidence
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
