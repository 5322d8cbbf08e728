import { ActionIcon, Alert, Autocomplete, Badge, Button, Card, Group, List, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconCircleCheck, IconHelpCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { PageHeader } from '../shell/page-header.js';
import { useSearchText } from '../shell/search-select.js';
import { TEAM_LABEL } from '../theme.js';
import { ExpectationGapCard } from './alignment-cards.js';
import { possessive } from './format.js';
import { QueryError } from './goal-badges.js';
import { GoalsNav } from './goals-nav.js';
import { KindSelect } from './kind-select.js';
import { AnswerTeamPicker } from './answer-team-picker.js';
import { useGoalsPermissions } from './permissions.js';
import { useCatalogSearch, useExpectationGap, useGoalsOverview, useMyExpectations, useSaveExpectations } from './queries.js';
import type { ExpectationsInput, ExpectationsView, GoalTeam } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

const MAX_ITEMS = 5;

/** The person's own words, unless they only restate the catalog name (then its proper spelling). */
const shownText = (i: ExpectationsView['items'][number]) =>
  i.kindName && (!i.text || i.text.toLowerCase() === i.kindName.toLowerCase()) ? i.kindName : i.text;

/** "If sales thinks lead generation is one of marketing's priorities…": each member says what they expect of the other team. */
export function ExpectationsPage() {
  const { otherTeam, canAnswer } = useGoalsPermissions();
  const mine = useMyExpectations();
  const gap = useExpectationGap();
  const [aboutTeam, setAboutTeam] = useState<GoalTeam>(otherTeam ?? 'marketing');
  // Leadership's saved answers say which team they were about; start there.
  useEffect(() => {
    if (!otherTeam && mine.data?.aboutTeam) setAboutTeam(mine.data.aboutTeam);
  }, [otherTeam, mine.data?.aboutTeam]);
  const other = TEAM_LABEL[aboutTeam].toLowerCase();

  return (
    <>
      <PageHeader
        title="Expectations"
        description={`What do you expect ${other} to prioritise? Your answers, set against ${possessive(other)} published top three, make the expectation gap.`}
      />
      <GoalsNav />
      <Stack gap="lg">
        {!canAnswer ? (
          <Alert color="gray" title="Read only">
            Viewers can read the expectation gap but do not answer.
          </Alert>
        ) : mine.isError ? (
          <QueryError error={mine.error} title="Could not load your expectations" />
        ) : !mine.data ? (
          <Skeleton h={320} radius="md" />
        ) : (
          <ExpectationsForm key={`${aboutTeam}-${mine.dataUpdatedAt}`} saved={mine.data} aboutTeam={aboutTeam} onAboutTeam={otherTeam ? null : setAboutTeam} />
        )}
        {gap.isError ? <QueryError error={gap.error} title="Could not load the expectation gap" /> : null}
        {gap.data ? <ExpectationGapCard gap={gap.data} canAnswer={false} /> : gap.isPending ? <Skeleton h={300} radius="md" /> : null}
      </Stack>
    </>
  );
}

interface Row {
  key: number;
  value: string;
}

function ExpectationsForm({ saved, aboutTeam, onAboutTeam }: { saved: ExpectationsView; aboutTeam: GoalTeam; onAboutTeam: ((t: GoalTeam) => void) | null }) {
  const overview = useGoalsOverview();
  const save = useSaveExpectations();
  const sameTeam = saved.aboutTeam === aboutTeam;
  const [rows, setRows] = useState<Row[]>(() => {
    const initial = sameTeam ? saved.items.map((i, n) => ({ key: n, value: shownText(i) })) : [];
    return initial.length > 0 ? initial : [{ key: 0, value: '' }];
  });
  const [nextKey, setNextKey] = useState(rows.length);
  const [result, setResult] = useState<ExpectationsView | null>(sameTeam && saved.items.length > 0 ? saved : null);
  const other = TEAM_LABEL[aboutTeam].toLowerCase();

  // Catalog names the rows' searches have offered, by lower-cased name: a priority that is one is saved as its kind.
  const [byName, setByName] = useState<ReadonlyMap<string, string>>(new Map());
  const remember = useCallback((kinds: ReadonlyArray<{ id: string; name: string }>) => {
    setByName((known) => (kinds.every((k) => known.has(k.name.toLowerCase())) ? known : new Map([...known, ...kinds.map((k) => [k.name.toLowerCase(), k.id] as const)])));
  }, []);
  const published = overview.data?.teams.find((t) => t.team === aboutTeam);
  const publishedKinds = new Set((published?.topThree ?? []).map((t) => t.item.kindId).filter((k): k is string => k !== null));
  const publishedNames = new Set((published?.topThree ?? []).map((t) => t.item.name.trim().toLowerCase()));

  const update = (key: number, value: string) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, value } : r)));
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const next = [...rs];
      const [row] = next.splice(i, 1);
      if (row) next.splice(i + by, 0, row);
      return next;
    });
  const add = () => {
    setRows((rs) => [...rs, { key: nextKey, value: '' }]);
    setNextKey((k) => k + 1);
  };

  const submit = () => {
    const items: ExpectationsInput['items'] = rows
      .map((r) => r.value.trim())
      .filter((v) => v.length > 0)
      .map((v) => {
        const kind = byName.get(v.toLowerCase());
        return kind ? { kind } : { text: v };
      });
    save.mutate(
      { ...(onAboutTeam ? { aboutTeam } : {}), items },
      {
        onSuccess: (r) => {
          setResult(r);
          notifications.show({ color: 'teal', message: items.length === 0 ? 'Your expectations are cleared.' : 'Your expectations are saved.' });
        },
      },
    );
  };

  /** Saves the saved list again with a kind chosen for one free-text item, keeping the person's words. */
  const chooseKind = (rank: number, kind: string) => {
    if (!result) return;
    const items: ExpectationsInput['items'] = result.items.map((x) => (x.rank === rank ? { kind, text: x.text } : x.kind ? { kind: x.kind, text: x.text } : { text: x.text }));
    save.mutate(
      { ...(onAboutTeam ? { aboutTeam } : {}), items },
      {
        onSuccess: (r) => {
          setResult(r);
          notifications.show({ color: 'teal', message: 'The KPI it means is saved.' });
        },
      },
    );
  };

  return (
    <SimpleTwo
      left={
        <Card component="section" aria-labelledby="mine-heading">
          <Title order={2} fz="lg" id="mine-heading" mb={4}>
            Your expectations of {other}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Up to five priorities, most important first. Pick from the catalog or type your own words.
          </Text>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack gap="sm">
              {onAboutTeam ? (
                <>
                  <AnswerTeamPicker value={aboutTeam} onChange={onAboutTeam} label="Which team are you answering about?" />
                  {saved.aboutTeam && saved.aboutTeam !== aboutTeam && saved.items.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      Saving replaces your answers about {TEAM_LABEL[saved.aboutTeam].toLowerCase()}.
                    </Text>
                  ) : null}
                </>
              ) : null}
              {rows.map((r, i) => (
                <Group key={r.key} gap="xs" align="flex-end" wrap="nowrap">
                  <PriorityInput label={`Priority #${i + 1}`} value={r.value} onChange={(v) => update(r.key, v)} onKinds={remember} />
                  <ActionIcon variant="default" size="lg" aria-label={`Move priority #${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                    <IconArrowUp size={16} />
                  </ActionIcon>
                  <ActionIcon variant="default" size="lg" aria-label={`Move priority #${i + 1} down`} disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  <ActionIcon variant="default" color="red" size="lg" aria-label={`Remove priority #${i + 1}`} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {rows.length < MAX_ITEMS ? (
                <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={add} w="fit-content">
                  Add a priority
                </Button>
              ) : null}
              <MutationError of={save} />
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  Save expectations
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      }
      right={
        <Card component="section" aria-labelledby="compare-heading">
          <Title order={2} fz="lg" id="compare-heading" mb={4}>
            Against {possessive(other)} top three
          </Title>
          {!published || published.topThree.length === 0 ? (
            <Text size="sm" c="dimmed">
              {TEAM_LABEL[aboutTeam]} has not published its top three yet.
            </Text>
          ) : (
            <>
              <Text size="sm" c="dimmed" mb="sm">
                Published #{published.latest?.number}:
              </Text>
              <List type="ordered" size="sm" spacing={4} mb="md">
                {published.topThree.map((t) => (
                  <List.Item key={t.item.kpiId}>{t.item.name}</List.Item>
                ))}
              </List>
              {result && result.items.length > 0 ? (
                <>
                  <Text size="sm" fw={600} mb={6}>
                    Your saved expectations
                  </Text>
                  <Stack gap={6}>
                    {result.items.map((i) => {
                      const met = i.kind !== null && publishedKinds.has(i.kind);
                      // Free text that names no KPI is not a gap: nobody can tell until a KPI is chosen for it.
                      const unmatched = i.kind === null && !publishedNames.has(i.text.trim().toLowerCase());
                      const color = met ? 'teal' : unmatched ? 'gray' : 'red';
                      return (
                        <Stack key={i.rank} gap={4}>
                          <Group gap="xs" wrap="nowrap" align="flex-start">
                            <ThemeIcon size={20} variant="transparent" color={color} aria-hidden>
                              {met ? <IconCircleCheck size={18} /> : unmatched ? <IconHelpCircle size={18} /> : <IconAlertTriangle size={18} />}
                            </ThemeIcon>
                            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                              #{i.rank} {shownText(i)}
                              {i.kindName && i.kindName !== shownText(i) ? ` (${i.kindName})` : ''}{' '}
                              <Badge size="xs" variant="light" color={color} radius="sm">
                                {met ? 'In the top three' : unmatched ? 'Not matched to a KPI — choose one' : 'Not in the top three'}
                              </Badge>
                            </Text>
                          </Group>
                          {unmatched ? (
                            <KindSelect
                              label={`The KPI “${shownText(i)}” means`}
                              placeholder="Type to find a kind"
                              size="xs"
                              ml={28}
                              maw={360}
                              team={aboutTeam}
                              value={null}
                              onChange={(kind) => kind && chooseKind(i.rank, kind)}
                            />
                          ) : null}
                        </Stack>
                      );
                    })}
                  </Stack>
                </>
              ) : (
                <Text size="sm" c="dimmed">
                  Save your expectations to see which of them {other} is working on.
                </Text>
              )}
            </>
          )}
        </Card>
      }
    />
  );
}

function SimpleTwo({ left, right }: { left: ReactNode; right: ReactNode }) {
  return (
    <div style={{ display: 'grid', gap: 'var(--mantine-spacing-lg)', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))' }}>
      {left}
      {right}
    </div>
  );
}

/** One priority: the person's own words, or a catalog kind the server finds as they type. */
function PriorityInput({ label, value, onChange, onKinds }: { label: string; value: string; onChange: (v: string) => void; onKinds: (kinds: ReadonlyArray<{ id: string; name: string }>) => void }) {
  const found = useCatalogSearch(useSearchText(value));
  const kinds = found.data?.items;
  useEffect(() => {
    if (kinds) onKinds(kinds);
  }, [kinds, onKinds]);
  return (
    <Autocomplete
      label={label}
      placeholder="e.g. MQLs, or “case studies for enterprise deals”"
      // Suggested as the person types: catalog names holding their words. Words that only name a kind ("lead gen")
      // suggest nothing and are saved as typed; the server reads them as the kind they mean.
      data={(kinds ?? []).map((k) => k.name)}
      value={value}
      onChange={onChange}
      maxLength={120}
      style={{ flex: 1 }}
      limit={20}
    />
  );
}
