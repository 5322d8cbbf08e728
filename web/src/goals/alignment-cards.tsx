import { Anchor, Badge, Button, Card, Group, List, Progress, RingProgress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { pct, possessive, tone } from './format.js';
import { NO_SHRINK } from './goal-badges.js';
import type { AwarenessView, CompAlignmentView, ExpectationGapView } from './types.js';

const teamColor = (team: string) => (team === 'sales' || team === 'marketing' || team === 'leadership' ? TEAM_COLOR[team] : 'gray');
const teamLabel = (team: string) => (team === 'sales' || team === 'marketing' || team === 'leadership' ? TEAM_LABEL[team] : team);

type GapRow = ExpectationGapView['rows'][number];

/** Expectations one team holds of the other, against the other's published top three (SPEC S1 "expectation gap"). */
export function ExpectationGapCard({ gap, canAnswer }: { gap: ExpectationGapView; canAnswer: boolean }) {
  const [showAll, setShowAll] = useState(false);
  // The server orders rows by how many hold them; gaps are the ones to talk about, so they come first.
  const gaps = gap.rows.filter((r) => !r.inTopThree);
  const met = gap.rows.filter((r) => r.inTopThree);
  const shownGaps = showAll ? gaps : gaps.slice(0, 5);
  const shownMet = showAll ? met : met.slice(0, 3);
  const hidden = gaps.length - shownGaps.length + met.length - shownMet.length;
  // The server answers the most held of each kind; the rest are only counted.
  const unlisted = gap.gaps - gaps.length + gap.met - met.length;
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
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              Expectations met
            </Text>
            <Text size="sm" fw={700}>
              {pct(gap.shareMet)}
            </Text>
          </Group>
          <Progress value={(gap.shareMet ?? 0) * 100} color="teal" size="md" mb="lg" aria-label={`Expectations met: ${pct(gap.shareMet)}`} />
          <GapList title={`Not in the top three (${gap.gaps})`} rows={shownGaps} met={false} />
          <GapList title={`In the top three (${gap.met})`} rows={shownMet} met />
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

function GapList({ title, rows, met }: { title: string; rows: GapRow[]; met: boolean }) {
  if (rows.length === 0) return null;
  const color = met ? 'teal' : 'red';
  return (
    <>
      <Title order={3} fz="sm" mb={6} mt="sm" style={met ? undefined : tone('red')}>
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
              background: met ? undefined : 'color-mix(in srgb, var(--mantine-color-red-light) 55%, transparent)',
            }}
          >
            <ThemeIcon size={20} variant="transparent" color={color} aria-hidden mt={1}>
              {met ? <IconCircleCheck size={17} /> : <IconAlertTriangle size={17} />}
            </ThemeIcon>
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm">{r.sentence}</Text>
              <Badge size="xs" variant="light" color={teamColor(r.holderTeam)} radius="sm" mt={4} styles={NO_SHRINK}>
                {teamLabel(r.holderTeam)} → {teamLabel(r.aboutTeam)}
              </Badge>
            </div>
          </Group>
        ))}
      </Stack>
    </>
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
                {t.totalWeight === 0 ? 'No comp weight set' : `${pct(t.sharedShare)} on shared KPIs (${t.sharedWeight} of ${t.totalWeight}%)`}
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
        <Group gap="xs">
          <ThemeIcon size={22} variant="transparent" color="teal" aria-hidden>
            <IconCircleCheck size={18} />
          </ThemeIcon>
          <Text size="sm">No conflicts: the pay plans pull the same way.</Text>
        </Group>
      ) : (
        <Stack gap="xs">
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
