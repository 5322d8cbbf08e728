import { Anchor, Badge, Button, Card, Group, List, Modal, Progress, RingProgress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconHelpCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { pct, possessive, tone } from './format.js';
import { NO_SHRINK } from './goal-badges.js';
import { KindSelect } from './kind-select.js';
import { useGoalsPermissions } from './permissions.js';
import { useMatchExpectation } from './queries.js';
import type { AwarenessView, CompAlignmentView, ExpectationGapView } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

const teamColor = (team: string) => (team === 'sales' || team === 'marketing' || team === 'leadership' ? TEAM_COLOR[team] : 'gray');
const teamLabel = (team: string) => (team === 'sales' || team === 'marketing' || team === 'leadership' ? TEAM_LABEL[team] : team);

type GapRow = ExpectationGapView['rows'][number];

/**
 * Expectations one team holds of the other, against the other's published top three (SPEC S1 "expectation gap").
 * The headline and every list count the same thing, held expectations: one person's one priority.
 */
export function ExpectationGapCard({ gap, canAnswer }: { gap: ExpectationGapView; canAnswer: boolean }) {
  const [showAll, setShowAll] = useState(false);
  // The server orders rows by how many hold them; gaps are the ones to talk about, so they come first.
  const gaps = gap.rows.filter((r) => r.matched && !r.inTopThree);
  const met = gap.rows.filter((r) => r.inTopThree);
  const unmatched = gap.rows.filter((r) => !r.matched);
  const shownGaps = showAll ? gaps : gaps.slice(0, 5);
  const shownMet = showAll ? met : met.slice(0, 3);
  const shownUnmatched = showAll ? unmatched : unmatched.slice(0, 3);
  const hidden = gaps.length - shownGaps.length + met.length - shownMet.length + unmatched.length - shownUnmatched.length;
  // The server answers the most held of each list; the rest are only counted.
  const unlisted = gap.gaps - gaps.length + gap.met - met.length + gap.unmatched - unmatched.length;
  const held = (n: number) => `${n} held`;
  return (
    <Card component="section" aria-labelledby="gap-heading">
      <Group justify="space-between" align="flex-start" mb={4} wrap="wrap">
        <Title order={2} fz="lg" id="gap-heading">
          Expectation gap
        </Title>
        {canAnswer ? (
          <Anchor component={Link} to="/goals/expectations" size="sm">
            Say what you expect
          </Anchor>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        What each team expects the other to prioritise, against the other team's published top three.
      </Text>
      {gap.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody has said what they expect yet.
        </Text>
      ) : (
        <>
          <Group justify="space-between" mb={4} wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600}>
              Expectations met
            </Text>
            <Text size="sm" fw={700}>
              {pct(gap.shareMet)}
            </Text>
          </Group>
          <Progress value={(gap.shareMet ?? 0) * 100} color="teal" size="md" mb={6} aria-label={`Expectations met: ${pct(gap.shareMet)}`} />
          <Text size="sm" mb={2}>
            {gap.summary}
          </Text>
          <Text size="xs" c="dimmed" mb="md">
            Counted in held expectations: each person's priority counts once, so 6 people expecting MQLs count 6.
          </Text>
          <GapList title={`Not in the top three · ${held(gap.held.gaps)}`} rows={shownGaps} tone="gap" />
          <GapList title={`Not matched to a KPI · ${held(gap.held.unmatched)}`} rows={shownUnmatched} tone="unmatched" />
          <GapList title={`In the top three · ${held(gap.held.met)}`} rows={shownMet} tone="met" />
          {hidden > 0 || showAll ? (
            <Button variant="subtle" size="xs" mt="sm" onClick={() => setShowAll((v) => !v)}>
              {showAll ? 'Show fewer' : `Show ${hidden} more`}
            </Button>
          ) : null}
          {showAll && unlisted > 0 ? (
            <Text size="xs" c="dimmed" mt="xs">
              {unlisted.toLocaleString()} more, each held by fewer people, are not listed.
            </Text>
          ) : null}
        </>
      )}
    </Card>
  );
}

const GAP_TONE = {
  gap: { color: 'red', icon: <IconAlertTriangle size={17} /> },
  unmatched: { color: 'gray', icon: <IconHelpCircle size={17} /> },
  met: { color: 'teal', icon: <IconCircleCheck size={17} /> },
} as const;

function GapList({ title, rows, tone: kind }: { title: string; rows: GapRow[]; tone: keyof typeof GAP_TONE }) {
  const { canMatch } = useGoalsPermissions();
  const [choosing, setChoosing] = useState<GapRow | null>(null);
  if (rows.length === 0) return null;
  const { color, icon } = GAP_TONE[kind];
  return (
    <>
      <Title order={3} fz="sm" mb={6} mt="sm" style={kind === 'gap' ? tone('red') : undefined}>
        {title}
      </Title>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((r) => (
          <Group
            component="li"
            key={`${r.holderTeam}-${r.aboutTeam}-${r.kindId ?? r.label}`}
            gap="sm"
            wrap="nowrap"
            align="flex-start"
            px="sm"
            py={6}
            style={{
              borderRadius: 'var(--mantine-radius-sm)',
              borderLeft: `3px solid var(--mantine-color-${color}-6)`,
              background: kind === 'gap' ? 'color-mix(in srgb, var(--mantine-color-red-light) 55%, transparent)' : undefined,
            }}
          >
            <ThemeIcon size={20} variant="transparent" color={color} aria-hidden mt={1}>
              {icon}
            </ThemeIcon>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {r.sentence}
              </Text>
              <Group gap={6} mt={4} wrap="wrap">
                <Badge size="xs" variant="light" color={teamColor(r.holderTeam)} radius="sm" styles={NO_SHRINK}>
                  {teamLabel(r.holderTeam)} → {teamLabel(r.aboutTeam)}
                </Badge>
                {kind === 'unmatched' && canMatch(r.holderTeam) ? (
                  <Button size="compact-xs" variant="light" onClick={() => setChoosing(r)} aria-label={`Choose the KPI “${r.label}” means`}>
                    Choose a KPI
                  </Button>
                ) : null}
              </Group>
            </div>
          </Group>
        ))}
      </Stack>
      <ChooseKindModal row={choosing} onClose={() => setChoosing(null)} />
    </>
  );
}

/** Says which catalog kind a free-text expectation means, for everyone who wrote the same words. */
function ChooseKindModal({ row, onClose }: { row: GapRow | null; onClose: () => void }) {
  const match = useMatchExpectation();
  const [kind, setKind] = useState<string | null>(null);
  const close = () => {
    match.reset();
    setKind(null);
    onClose();
  };
  const about = row && (row.aboutTeam === 'sales' || row.aboutTeam === 'marketing') ? row.aboutTeam : 'marketing';
  return (
    <Modal opened={row !== null} onClose={close} title="Choose the KPI it means">
      {row ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!kind) return;
            match.mutate(
              { holderTeam: row.holderTeam as 'sales' | 'marketing' | 'leadership', aboutTeam: about, text: row.label, kind },
              {
                onSuccess: (r) => {
                  notifications.show({ color: 'teal', message: `“${row.label}” now counts as ${r.kindName} (${r.matched} ${r.matched === 1 ? 'expectation' : 'expectations'}).` });
                  close();
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {teamLabel(row.holderTeam)} wrote “{row.label}”. Which KPI of {teamLabel(row.aboutTeam).toLowerCase()} does it mean? Every expectation with these words
              will count as that KPI in the gap.
            </Text>
            <KindSelect label="KPI kind" placeholder="Type to find a kind" required team={about} value={kind} onChange={(id) => setKind(id)} />
            <MutationError of={match} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={match.isPending} disabled={!kind}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

const SEVERITY = { high: { color: 'red', label: 'High' }, medium: { color: 'orange', label: 'Medium' }, low: { color: 'gray', label: 'Low' } } as const;

/** Where the pay plans pull apart, and how much of each team's comp weight sits on shared KPIs. */
export function CompAlignmentCard({ comp }: { comp: CompAlignmentView }) {
  return (
    <Card component="section" aria-labelledby="comp-heading">
      <Title order={2} fz="lg" id="comp-heading" mb={4}>
        Comp alignment
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        The share of each team's comp weight that sits on shared KPIs, and where the pay plans pull apart.
      </Text>
      <Stack gap="sm" mb="md">
        {comp.teams.map((t) => (
          <div key={t.team}>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {teamLabel(t.team)}
              </Text>
              <Text size="sm" c="dimmed">
                {t.paidKpis === 0 ? 'No pay plan entered yet' : t.totalWeight === 0 ? 'No comp weight set' : `${pct(t.sharedShare)} on shared KPIs (${t.sharedWeight} of ${t.totalWeight}%)`}
              </Text>
            </Group>
            <Progress
              value={(t.sharedShare ?? 0) * 100}
              color={teamColor(t.team)}
              size="md"
              aria-label={`${teamLabel(t.team)}: ${pct(t.sharedShare)} of comp weight on shared KPIs`}
            />
          </div>
        ))}
      </Stack>
      {comp.flags.length === 0 ? (
        // A verdict only with data: "no flags" means something only once both pay plans are entered.
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ThemeIcon size={22} variant="transparent" color={comp.summary.payPlans === 'all' ? 'teal' : 'gray'} aria-hidden>
            {comp.summary.payPlans === 'all' ? <IconCircleCheck size={18} /> : <IconHelpCircle size={18} />}
          </ThemeIcon>
          <Text size="sm">{comp.summary.headline}</Text>
        </Group>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {comp.summary.headline}
          </Text>
          {comp.flags.map((f) => (
            <Group key={f.id} gap="sm" wrap="nowrap" align="flex-start">
              <Badge color={SEVERITY[f.severity].color} variant="light" radius="sm" miw={72} styles={NO_SHRINK}>
                {SEVERITY[f.severity].label}
              </Badge>
              <Text size="sm">{f.message}</Text>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** "Each team should know the other team's top three": the quiz score and who took it, per team. */
export function AwarenessCard({ awareness, canAnswer }: { awareness: AwarenessView; canAnswer: boolean }) {
  return (
    <Card component="section" aria-labelledby="awareness-heading">
      <Group justify="space-between" align="flex-start" mb={4} wrap="wrap">
        <Title order={2} fz="lg" id="awareness-heading">
          Awareness
        </Title>
        {canAnswer ? (
          <Button component={Link} to="/goals/quiz" size="xs" variant="light">
            Take the quiz
          </Button>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        How much of the other team's top three each team names correctly in the quiz.
      </Text>
      {awareness.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody has taken the quiz yet.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          {awareness.map((a) => (
            <Group key={a.team} gap="sm" wrap="nowrap">
              <RingProgress
                size={76}
                thickness={8}
                roundCaps
                sections={[{ value: (a.score ?? 0) * 100, color: teamColor(a.team) }]}
                label={
                  <Text ta="center" fw={700} size="sm">
                    {pct(a.score)}
                  </Text>
                }
                aria-hidden
              />
              <div>
                <Text size="sm" fw={600}>
                  {teamLabel(a.team)} on {possessive(a.aboutTeam)} goals
                </Text>
                <Text size="xs" c="dimmed">
                  {a.answered} of {a.teamSize} took the quiz ({pct(a.participation)})
                </Text>
                <Text size="xs" c="dimmed">
                  Score {pct(a.score)}
                </Text>
              </div>
            </Group>
          ))}
        </SimpleGrid>
      )}
      <List size="xs" c="dimmed" mt="md" listStyleType="none" p={0}>
        <List.Item>The quiz is scored against each team's latest publication.</List.Item>
      </List>
    </Card>
  );
}
