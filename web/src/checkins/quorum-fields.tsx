// The quorum part of the check-in form (SPEC S2 "a quorum rule (default: at least one key player from each team)"):
// per team, whether it must be present and how many of whom; who among the attendees counts toward it; a button
// that marks an attendee a key player (decision 027); and the server's own sentence when the attendees cannot
// make the rule (quorumGaps, shared with the server), so the form never sends a rule that would be refused.
import { Alert, Badge, Button, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconStar } from '@tabler/icons-react';
import { MAX_QUORUM_PER_TEAM, quorumEligible, quorumGapMessage, quorumGaps } from '../../../src/capabilities/checkins/domain/quorum-reach.js';
import { errorMessage } from '../api/client.js';
import { TEAM_COLOR, TEAM_LABEL, TEAMS } from '../theme.js';
import type { PickedMember } from '../workspaces/member-picker.js';
import { useUpdateMember } from '../workspaces/queries.js';
import type { SeriesInput } from './types.js';

type Team = (typeof TEAMS)[number];
type QuorumRule = NonNullable<SeriesInput['quorum']>;
export type NeedKind = 'none' | 'key' | 'any';
export type QuorumValues = Record<Team, { kind: NeedKind; min: number }>;

const KINDS = [
  { value: 'key', label: 'Key players' },
  { value: 'any', label: 'Any members' },
  { value: 'none', label: 'Not needed' },
];

/** SPEC S2's default rule in the form's terms: one key player from sales and one from marketing. */
export const DEFAULT_QUORUM_VALUES: QuorumValues = { sales: { kind: 'key', min: 1 }, marketing: { kind: 'key', min: 1 }, leadership: { kind: 'none', min: 1 } };

export function quorumValuesOf(rule: QuorumRule): QuorumValues {
  const values: QuorumValues = { sales: { kind: 'none', min: 1 }, marketing: { kind: 'none', min: 1 }, leadership: { kind: 'none', min: 1 } };
  for (const r of rule.requirements) values[r.team] = { kind: r.keyPlayersOnly ? 'key' : 'any', min: r.min };
  return values;
}

export function quorumRuleOf(values: QuorumValues): QuorumRule {
  return { requirements: TEAMS.filter((t) => values[t].kind !== 'none').map((team) => ({ team, min: values[team].min, keyPlayersOnly: values[team].kind === 'key' })) };
}

const asAttendees = (attendees: readonly PickedMember[]) => attendees.map((a) => ({ ...a, active: true }));

/** What is wrong with the rule for these attendees, in the server's words; null when a check-in can be held. */
export function quorumProblem(values: QuorumValues, attendees: readonly PickedMember[]): string | null {
  const rule = quorumRuleOf(values);
  if (rule.requirements.length === 0) return 'The quorum rule needs at least one team, e.g. one key player from sales and one from marketing.';
  const bad = TEAMS.find((t) => values[t].kind !== 'none' && !(Number.isInteger(values[t].min) && values[t].min >= 1 && values[t].min <= MAX_QUORUM_PER_TEAM));
  if (bad) return `The quorum rule for ${bad} must ask for 1 to ${MAX_QUORUM_PER_TEAM} people.`;
  const gaps = quorumGaps(asAttendees(attendees), rule);
  return gaps.length > 0 ? gaps.map(quorumGapMessage).join(' ') : null;
}

interface QuorumFieldsProps {
  value: QuorumValues;
  onChange: (value: QuorumValues) => void;
  attendees: PickedMember[];
  /** An attendee was marked a key player on the server: the form's copy follows. */
  onMarkedKeyPlayer: (memberId: string) => void;
}

export function QuorumFields({ value, onChange, attendees, onMarkedKeyPlayer }: QuorumFieldsProps) {
  const update = useUpdateMember();
  const markKeyPlayer = (m: PickedMember) =>
    update.mutate(
      { id: m.memberId, patch: { keyPlayer: true } },
      {
        onSuccess: () => {
          onMarkedKeyPlayer(m.memberId);
          notifications.show({ color: 'teal', message: `${m.name} is now a key player.` });
        },
        onError: (err) => notifications.show({ color: 'red', title: 'Could not mark the key player', message: errorMessage(err) }),
      },
    );

  return (
    <Fieldset legend="Quorum" variant="filled">
      <Text size="sm" c="dimmed" mb="sm">
        A check-in counts as held when these people are present. Choose, for each team, who must come.
      </Text>
      <Stack gap="md">
        {TEAMS.map((team) => {
          const need = value[team];
          const set = (patch: Partial<QuorumValues[Team]>) => onChange({ ...value, [team]: { ...need, ...patch } });
          const ofTeam = attendees.filter((a) => a.team === team);
          const requirement = { team, min: need.min, keyPlayersOnly: need.kind === 'key' };
          const counting = need.kind === 'none' ? [] : quorumEligible(asAttendees(ofTeam), requirement);
          const gap = need.kind === 'none' ? undefined : quorumGaps(asAttendees(ofTeam), { requirements: [requirement] })[0];
          return (
            <Stack key={team} gap={6}>
              <Group gap="sm" wrap="wrap" align="flex-end">
                <Select
                  label={`${TEAM_LABEL[team]} must send`}
                  data={KINDS}
                  value={need.kind}
                  allowDeselect={false}
                  onChange={(v) => set({ kind: (v ?? 'none') as NeedKind })}
                  w={190}
                />
                {need.kind !== 'none' ? (
                  <NumberInput
                    label="At least"
                    aria-label={`How many from ${team}`}
                    min={1}
                    max={MAX_QUORUM_PER_TEAM}
                    clampBehavior="strict"
                    allowDecimal={false}
                    allowNegative={false}
                    value={need.min}
                    onChange={(v) => set({ min: typeof v === 'number' ? v : 1 })}
                    w={100}
                  />
                ) : null}
              </Group>
              {need.kind !== 'none' ? (
                <Group gap={6} wrap="wrap" aria-label={`Who counts toward quorum from ${team}`} role="group">
                  <Text size="xs" c="dimmed">
                    Counts toward quorum:
                  </Text>
                  {counting.length === 0 ? (
                    <Text size="xs" c="dimmed" fs="italic">
                      nobody yet
                    </Text>
                  ) : (
                    counting.map((m) => (
                      <Badge key={m.memberId} variant="light" tt="none" color={TEAM_COLOR[team]} leftSection={m.keyPlayer ? <IconStar size={11} aria-hidden /> : undefined}>
                        {m.name}
                      </Badge>
                    ))
                  )}
                  {need.kind === 'key'
                    ? ofTeam
                        .filter((m) => !m.keyPlayer)
                        .map((m) => (
                          <Button
                            key={m.memberId}
                            size="compact-xs"
                            variant="default"
                            leftSection={<IconStar size={12} aria-hidden />}
                            loading={update.isPending && update.variables.id === m.memberId}
                            onClick={() => markKeyPlayer(m)}
                          >
                            Mark {m.name} as a key player
                          </Button>
                        ))
                    : null}
                </Group>
              ) : null}
              {gap ? (
                <Alert color="orange" variant="light" p="xs" role="alert">
                  <Text size="sm">{quorumGapMessage(gap)}</Text>
                </Alert>
              ) : null}
            </Stack>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
