// The evidence form a rep fills in a minute after a call (issue 12): what the buyer said first — the pains it
// sounds like are suggested as they type, with why each matched — then the account, day, outcome, deal and, if one
// helped, the published marketing piece (decision 056).
import { EVIDENCE_LIMITS, PAIN_LIMITS } from '../../../src/capabilities/messaging/pains/limits.js';
import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBulb, IconCheck, IconCircle, IconCircleCheckFilled, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useFirstPage } from '../api/pages.js';
import { fieldError } from '../api/client.js';
import { MutationError } from '../shell/mutation-error.js';
import { SearchSelect } from '../shell/search-select.js';
import { todayIso } from './evidence-list.js';
import { OUTCOME_META, SEVERITY_LABEL } from './pain-format.js';
import { painKeys, usePain, usePainSuggestions, useLogEvidence } from './pain-queries.js';
import type { Outcome, PainsPageView, PainSuggestion, PainView } from './pain-types.js';
import { PieceThatHelpedSelect } from './piece-that-helped-select.js';

type PainChoice = { kind: 'existing'; id: string; statement: string } | { kind: 'new' } | { kind: 'none' };

interface Values {
  quote: string;
  account: string;
  date: string;
  outcome: Outcome;
  dealExternalId: string;
  amount: number | string;
  notes: string;
  newStatement: string;
  newSeverity: string;
}

function usePainSearch(q: string) {
  const r = useFirstPage<PainView, PainsPageView>(painKeys.pains, '/messaging/pains', { status: 'active', q, limit: 20 });
  return { items: r.data?.items ?? [], searching: r.isFetching, more: Math.max(0, (r.data?.total ?? 0) - (r.data?.items.length ?? 0)) };
}

export function EvidenceForm({ initialPainId, canCreatePain }: { initialPainId: string | null; canCreatePain: boolean }) {
  const log = useLogEvidence();
  const initialPain = usePain(initialPainId ?? '');
  const [choice, setChoice] = useState<PainChoice>({ kind: 'none' });
  const [touchedChoice, setTouchedChoice] = useState(false);
  const [piece, setPiece] = useState<{ id: string; title: string } | null>(null);
  const form = useForm<Values>({
    initialValues: { quote: '', account: '', date: todayIso(), outcome: 'open', dealExternalId: '', amount: '', notes: '', newStatement: '', newSeverity: '3' },
    validate: {
      quote: (v) => (v.trim().length < 3 ? 'Write what the buyer said, in their words.' : null),
      account: (v) => (v.trim() ? null : 'Which account was it?'),
      date: (v) => (!v ? 'Pick the day of the call.' : v > todayIso() ? 'The day cannot be in the future.' : null),
      newStatement: (v) => (choice.kind === 'new' && v.trim().length < 3 ? 'Write the new pain as the buyer would say it.' : null),
    },
  });

  // A pain passed in the address (Log evidence on a pain's page) is the choice until the rep picks another.
  useEffect(() => {
    const p = initialPain.data;
    if (p && p.status === 'active' && !touchedChoice) setChoice({ kind: 'existing', id: p.id, statement: p.statement });
  }, [initialPain.data, touchedChoice]);

  const [quote] = useDebouncedValue(form.values.quote.trim(), 350);
  const suggestions = usePainSuggestions(quote);
  // A short text asks nothing, and shows nothing kept from a longer one (the placeholder keeps the last answer).
  const typed = quote.length >= 12;
  const matches = typed ? (suggestions.data?.matches ?? []) : [];
  const pick = (c: PainChoice) => {
    setTouchedChoice(true);
    setChoice(c);
  };

  return (
    <Card component="section" aria-labelledby="log-heading">
      <Title order={2} fz="lg" id="log-heading" mb={4}>
        Log what a buyer said
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Their words first: the pains it sounds like appear as you type.
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          const body = {
            date: v.date,
            account: v.account.trim(),
            outcome: v.outcome,
            quote: v.quote.trim(),
            notes: v.notes.trim() || null,
            dealExternalId: v.dealExternalId.trim() || null,
            amount: v.amount === '' ? null : Number(v.amount),
            ...(choice.kind === 'existing' ? { painId: choice.id } : {}),
            ...(choice.kind === 'new' ? { newPain: { statement: v.newStatement.trim(), severity: Number(v.newSeverity) } } : {}),
            ...(piece ? { pieceId: piece.id } : {}),
          };
          log.mutate(body, {
            onSuccess: (saved) => {
              notifications.show({ color: 'teal', message: saved.pain ? `Logged for “${saved.pain.statement}”.` : 'Logged. Tie it to a pain when you know which.' });
              form.setValues({ quote: '', account: '', dealExternalId: '', amount: '', notes: '', newStatement: '', outcome: 'open' });
              setChoice({ kind: 'none' });
              setTouchedChoice(true);
              setPiece(null);
            },
          });
        })}
      >
        <Stack gap="md">
          <Textarea
            label="What the buyer said"
            description="Their own words, as close as you remember them."
            placeholder="“Our reps call back two days later and by then the lead has gone cold.”"
            required
            autosize
            minRows={3}
            maxLength={EVIDENCE_LIMITS.quote}
            data-autofocus
            {...form.getInputProps('quote')}
            error={form.errors.quote ?? fieldError(log.error, 'quote')}
          />
          <PainPicker matches={matches} failed={typed && suggestions.isError} loading={typed && suggestions.isFetching} typed={typed} choice={choice} onPick={pick} canCreatePain={canCreatePain} />
          {choice.kind === 'new' ? (
            <Card withBorder bg="var(--mantine-color-default-hover)" p="sm">
              <Stack gap="sm">
                <Textarea
                  label="The new pain, in the buyer's words"
                  description="Phrase it as the problem, not the fix; it joins the library for everyone."
                  required
                  autosize
                  minRows={1}
                  maxLength={PAIN_LIMITS.statement}
                  {...form.getInputProps('newStatement')}
                />
                <div>
                  <Text size="sm" fw={500} mb={4} id="new-severity">
                    Severity
                  </Text>
                  <SegmentedControl aria-labelledby="new-severity" fullWidth size="xs" data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} · ${SEVERITY_LABEL[n]}` }))} {...form.getInputProps('newSeverity')} />
                </div>
              </Stack>
            </Card>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Account" required maxLength={EVIDENCE_LIMITS.account} placeholder="Northwind Traders" {...form.getInputProps('account')} error={form.errors.account ?? fieldError(log.error, 'account')} />
            <TextInput label="Day of the call" type="date" required max={todayIso()} {...form.getInputProps('date')} error={form.errors.date ?? fieldError(log.error, 'date')} />
            <div>
              <Text size="sm" fw={500} mb={4} id="outcome-label">
                Outcome so far
              </Text>
              <SegmentedControl aria-labelledby="outcome-label" fullWidth data={(['open', 'won', 'lost'] as const).map((o) => ({ value: o, label: OUTCOME_META[o].label }))} {...form.getInputProps('outcome')} />
            </div>
            <NumberInput label="Deal amount" placeholder="Empty: the CRM's amount" prefix="$" thousandSeparator="," decimalScale={2} min={0} allowNegative={false} {...form.getInputProps('amount')} />
          </SimpleGrid>
          <TextInput label="Deal (CRM id)" description="Links the imported deal when there is one; kept as typed otherwise." maxLength={EVIDENCE_LIMITS.dealExternalId} placeholder="HubSpot or Salesforce id" {...form.getInputProps('dealExternalId')} />
          <PieceThatHelpedSelect
            piece={piece}
            onChange={setPiece}
            description="A published marketing piece the buyer saw or you sent: marketing sees it was cited."
            error={fieldError(log.error, 'pieceId')}
          />
          <Textarea label="Notes" autosize minRows={1} maxLength={EVIDENCE_LIMITS.notes} placeholder="Anything marketing should know" {...form.getInputProps('notes')} />
          <MutationError of={log} />
          <Group justify="flex-end">
            <Button type="submit" loading={log.isPending} leftSection={<IconCheck size={16} aria-hidden />}>
              Log evidence
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PainPicker({ matches, failed, loading, typed, choice, onPick, canCreatePain }: { matches: PainSuggestion[]; failed: boolean; loading: boolean; typed: boolean; choice: PainChoice; onPick: (c: PainChoice) => void; canCreatePain: boolean }) {
  const chosenId = choice.kind === 'existing' ? choice.id : null;
  const chosenOutsideMatches = chosenId !== null && !matches.some((m) => m.painId === chosenId);
  return (
    <Stack gap={6} role="group" aria-labelledby="pain-picker-label">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} id="pain-picker-label">
          The pain it shows
        </Text>
        {loading ? (
          <Text size="xs" c="dimmed">
            Finding pains…
          </Text>
        ) : null}
      </Group>
      {!typed && matches.length === 0 ? (
        <Text size="xs" c="dimmed">
          <IconBulb size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> Type a sentence or two of what they said and the closest pains show here.
        </Text>
      ) : null}
      {failed ? (
        <Text size="xs" c="dimmed">
          Suggestions are not available right now: search the library below.
        </Text>
      ) : null}
      {typed && !loading && !failed && matches.length === 0 ? (
        <Alert variant="light" color="gray" p="xs">
          <Text size="xs">No pain in the library sounds like this yet. Search for one below{canCreatePain ? ', or add it as a new pain' : ''}.</Text>
        </Alert>
      ) : null}
      {matches.map((m) => (
        <SuggestionCard key={m.painId} match={m} selected={chosenId === m.painId} onPick={() => onPick(chosenId === m.painId ? { kind: 'none' } : { kind: 'existing', id: m.painId, statement: m.statement })} />
      ))}
      {chosenOutsideMatches && choice.kind === 'existing' ? (
        <Card withBorder p="xs" style={{ borderColor: 'var(--mantine-color-grape-6)' }}>
          <Group gap="xs" wrap="nowrap">
            <ChoiceMark selected />
            <Text size="sm" fw={600}>
              {choice.statement}
            </Text>
          </Group>
        </Card>
      ) : null}
      <Group gap="xs" align="flex-end" wrap="wrap">
        <SearchSelect<PainView>
          aria-label="Search the pain library"
          placeholder="Or search the library…"
          value={chosenId}
          selectedLabel={choice.kind === 'existing' ? choice.statement : null}
          onChange={(id, item) => onPick(id && item ? { kind: 'existing', id, statement: item.statement } : id && choice.kind === 'existing' ? choice : { kind: 'none' })}
          useResults={usePainSearch}
          toOption={(p) => ({ value: p.id, label: p.statement })}
          nothingFound="No active pain matches"
          noun="pains"
          clearable
          style={{ flex: '1 1 260px' }}
        />
        {canCreatePain ? (
          <Button variant={choice.kind === 'new' ? 'light' : 'default'} leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onPick(choice.kind === 'new' ? { kind: 'none' } : { kind: 'new' })} aria-pressed={choice.kind === 'new'}>
            New pain
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

function SuggestionCard({ match, selected, onPick }: { match: PainSuggestion; selected: boolean; onPick: () => void }) {
  const score = Math.round(match.similarity * 100);
  return (
    <UnstyledButton onClick={onPick} aria-pressed={selected} style={{ display: 'block', width: '100%' }}>
      <Card withBorder p="xs" style={selected ? { borderColor: 'var(--mantine-color-grape-6)', background: 'var(--mantine-color-grape-0)' } : undefined}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ChoiceMark selected={selected} />
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={600} lineClamp={2} className="user-text">
                {match.statement}
              </Text>
              <Badge variant="light" color={score >= 60 ? 'grape' : 'gray'} style={{ flexShrink: 0 }}>
                {score}% match
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {match.matchedOn.length > 0 ? `Matched on: ${match.matchedOn.slice(0, 5).join(', ')}` : 'Matched on its wording'}
              {match.viaQuotes > 0 ? ` — via ${match.viaQuotes} sales quote${match.viaQuotes === 1 ? '' : 's'}` : ''} · {match.evidenceCount} entr{match.evidenceCount === 1 ? 'y' : 'ies'}
            </Text>
            {match.sampleQuote ? (
              <Text size="xs" fs="italic" lineClamp={1}>
                “{match.sampleQuote}”
              </Text>
            ) : null}
          </Stack>
        </Group>
      </Card>
    </UnstyledButton>
  );
}

/** Whether a pain is the one chosen: a mark, not a control (the card around it is the button). */
function ChoiceMark({ selected }: { selected: boolean }) {
  return selected ? (
    <IconCircleCheckFilled size={18} color="var(--mantine-color-grape-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
  ) : (
    <IconCircle size={18} color="var(--mantine-color-gray-5)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
  );
}
