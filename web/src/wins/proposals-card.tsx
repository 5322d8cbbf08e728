// Wins the product noticed (SPEC S5 "automatic wins are proposed, not posted"): a KPI that reached its target, a won
// deal marketing sourced or that cites a piece, a piece sales cites, a week of small deals. A member confirms one with
// one click — or edits its title and credits first — or dismisses it.
import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconCheck } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorMessage, fieldError } from '../api/client.js';
import { formatAmount } from '../deals/deal-format.js';
import { formatLocalDate } from '../shell/format.js';
import { LoadMore } from '../shell/load-more.js';
import { MutationError } from '../shell/mutation-error.js';
import { usePermissions } from '../shell/session.js';
import { CreditsPicker } from './credits-picker.js';
import { KIND_LABEL, WIN_LIMITS } from './format.js';
import { useConfirmProposal, useDismissProposal, useProposals } from './queries.js';
import type { PersonRef, ProposalView } from './types.js';
import { CreditedPeople, TeamsBadge } from './win-badges.js';

/** A proposal's credits as a win would carry them, for its team badge. */
function teamsOf(people: PersonRef[]) {
  const teams = (['sales', 'marketing'] as const).filter((t) => people.some((p) => p.team === t));
  return { collaborative: teams.length === 2, teams, credited: people };
}

/** On a phone the card comes before the feed, so it shows this many until the person asks for the rest. */
const PHONE_FIRST = 2;

export function ProposalsCard() {
  const { canContribute } = usePermissions();
  const list = useProposals();
  const phone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const [showAll, setShowAll] = useState(false);
  if (list.isPending) return null;
  if (list.isError) return <MutationError of={list} />;
  if (list.items.length === 0) return null;
  const folded = phone && !showAll && list.items.length > PHONE_FIRST;
  return (
    <Card component="section" aria-labelledby="proposals-heading">
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconBulb size={20} aria-hidden color="var(--mantine-color-yellow-7)" />
        <Title order={2} fz="lg" id="proposals-heading">
          Proposed wins
        </Title>
        <Badge variant="light" color="yellow" radius="sm">
          {list.items.length}
          {list.hasMore ? '+' : ''}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {canContribute ? 'Lockstep noticed these. Confirm one to post it to the feed, or dismiss it.' : 'Lockstep noticed these; a member confirms or dismisses them.'}
      </Text>
      <Stack gap="sm">
        {(folded ? list.items.slice(0, PHONE_FIRST) : list.items).map((p) => (
          <ProposalRow key={p.id} proposal={p} canAct={canContribute} />
        ))}
      </Stack>
      {folded ? (
        <Button variant="subtle" size="sm" mt="xs" onClick={() => setShowAll(true)}>
          Show {list.hasMore ? 'more' : `the other ${list.items.length - PHONE_FIRST}`} proposed wins
        </Button>
      ) : (
        <LoadMore list={list} />
      )}
    </Card>
  );
}

function ProposalRow({ proposal: p, canAct }: { proposal: ProposalView; canAct: boolean }) {
  const confirm = useConfirmProposal();
  const dismiss = useDismissProposal();
  const [editing, editModal] = useDisclosure(false);
  const failed = (title: string) => (err: unknown) => notifications.show({ color: 'red', title, message: errorMessage(err) });
  const figures = [p.dealCount !== null ? `${p.dealCount.toLocaleString()} ${p.dealCount === 1 ? 'deal' : 'deals'}` : null, p.amountCents !== null ? formatAmount(p.amountCents) : null].filter(Boolean).join(' · ');
  return (
    <Card withBorder padding="sm" radius="md" component="article" aria-label={`Proposed: ${p.title}`}>
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <TeamsBadge win={teamsOf(p.suggestedCredits)} size="xs" />
          <Text size="xs" c="dimmed">
            {KIND_LABEL[p.kind]} · {formatLocalDate(p.wonOn)}
            {figures ? ` · ${figures}` : ''}
          </Text>
        </Group>
        <Text size="sm" fw={600} className="user-text">
          {p.title}
        </Text>
        <Text size="xs" c="dimmed" className="user-text">
          From{' '}
          {p.source.href ? (
            <Anchor component={Link} to={p.source.href} inherit>
              {p.source.label}
            </Anchor>
          ) : (
            p.source.label
          )}
        </Text>
        {p.suggestedCredits.length > 0 ? <CreditedPeople people={p.suggestedCredits} max={4} /> : null}
        {canAct ? (
          <Group gap={6} mt={2} wrap="wrap">
            <Button
              size="xs"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={confirm.isPending}
              disabled={dismiss.isPending || p.suggestedCredits.length === 0}
              onClick={() => confirm.mutate({ id: p.id, body: {} }, { onSuccess: () => notifications.show({ color: 'teal', message: 'Confirmed — the win is in the feed.' }), onError: failed('The win was not confirmed') })}
              aria-label={`Confirm: ${p.title}`}
            >
              Confirm
            </Button>
            <Button size="xs" variant="default" px="xs" onClick={editModal.open} disabled={confirm.isPending || dismiss.isPending} aria-label={`Edit, then confirm: ${p.title}`}>
              Edit first
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="gray"
              px="xs"
              loading={dismiss.isPending}
              disabled={confirm.isPending}
              onClick={() => dismiss.mutate(p.id, { onSuccess: () => notifications.show({ color: 'gray', message: 'Dismissed.' }), onError: failed('The proposal was not dismissed') })}
              aria-label={`Dismiss: ${p.title}`}
            >
              Dismiss
            </Button>
          </Group>
        ) : null}
        {canAct && p.suggestedCredits.length === 0 ? (
          <Text size="xs" c="dimmed">
            Nobody to credit was found: edit it to credit the people who made it happen.
          </Text>
        ) : null}
      </Stack>
      {canAct ? <ConfirmEditedModal proposal={p} opened={editing} onClose={editModal.close} /> : null}
    </Card>
  );
}

/** Confirm with a different title or credits. */
function ConfirmEditedModal({ proposal, opened, onClose }: { proposal: ProposalView; opened: boolean; onClose: () => void }) {
  const confirm = useConfirmProposal();
  const [title, setTitle] = useState(proposal.title);
  const [credited, setCredited] = useState<PersonRef[]>(proposal.suggestedCredits);
  useEffect(() => {
    if (!opened) return;
    setTitle(proposal.title);
    setCredited(proposal.suggestedCredits);
  }, [opened, proposal]);
  const close = () => {
    confirm.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(
      { id: proposal.id, body: { title: title.trim(), creditedMemberIds: credited.map((c) => c.memberId) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Confirmed — the win is in the feed.' });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="Confirm the win" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="Title" required maxLength={WIN_LIMITS.title} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(confirm.error, 'title')} data-autofocus />
          <CreditsPicker value={credited} onChange={setCredited} error={fieldError(confirm.error, 'creditedMemberIds')} />
          <MutationError of={confirm} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={confirm.isPending} disabled={!title.trim() || credited.length === 0}>
              Confirm and post
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
