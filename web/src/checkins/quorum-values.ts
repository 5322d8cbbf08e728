// The quorum rule in the check-in form's terms (SPEC S2): per team, key players, any members or not needed, and how
// many; to and from the API's rule, and what is wrong with it for the chosen attendees, in the server's words
// (quorumGaps is the server's own check), so the form never sends a rule the server would refuse.
import { MAX_QUORUM_PER_TEAM, quorumGapMessage, quorumGaps } from '../../../src/capabilities/checkins/domain/quorum-reach.js';
import { TEAMS, type Team } from '../../../src/shared/vocabulary.js';
import type { PickedMember } from '../workspaces/member-picker.js';
import type { SeriesInput } from './types.js';

type QuorumRule = NonNullable<SeriesInput['quorum']>;
export type NeedKind = 'none' | 'key' | 'any';
export type QuorumValues = Record<Team, { kind: NeedKind; min: number }>;

export const KINDS = [
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

export const asAttendees = (attendees: readonly PickedMember[]) => attendees.map((a) => ({ ...a, active: true }));

/** What is wrong with the rule for these attendees, in the server's words; null when a check-in can be held. */
export function quorumProblem(values: QuorumValues, attendees: readonly PickedMember[]): string | null {
  const rule = quorumRuleOf(values);
  if (rule.requirements.length === 0) return 'The quorum rule needs at least one team, e.g. one key player from sales and one from marketing.';
  const bad = TEAMS.find((t) => values[t].kind !== 'none' && !(Number.isInteger(values[t].min) && values[t].min >= 1 && values[t].min <= MAX_QUORUM_PER_TEAM));
  if (bad) return `The quorum rule for ${bad} must ask for 1 to ${MAX_QUORUM_PER_TEAM} people.`;
  const gaps = quorumGaps(asAttendees(attendees), rule);
  return gaps.length > 0 ? gaps.map(quorumGapMessage).join(' ') : null;
}

