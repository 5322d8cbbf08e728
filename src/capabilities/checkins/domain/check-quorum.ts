// Whether the people present make a quorum (SPEC S2: "a quorum rule (default: at least one key
// player from each team)"). A requirement counts present members of its team, only key players when
// it says so; every requirement must be met. The reason is one sentence a leader can read out.
import type { AttendanceEntry, QuorumResult, QuorumRule, QuorumShortfall } from './types.js';

/** SPEC S2 default: at least one key player from sales and one from marketing. */
export const DEFAULT_QUORUM_RULE: QuorumRule = {
  requirements: [
    { team: 'sales', min: 1, keyPlayersOnly: true },
    { team: 'marketing', min: 1, keyPlayersOnly: true },
  ],
};

const WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number): string {
  return WORDS[n] ?? String(n);
}

function people(n: number, keyPlayersOnly: boolean): string {
  const noun = keyPlayersOnly ? 'key player' : 'member';
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export function checkQuorum(attendance: readonly AttendanceEntry[], rule: QuorumRule = DEFAULT_QUORUM_RULE): QuorumResult {
  // One entry per member: a duplicate row must not count a person twice.
  const present = new Map<string, AttendanceEntry>();
  for (const a of attendance) if (a.present) present.set(a.memberId, a);

  const shortfalls: QuorumShortfall[] = [];
  const met: string[] = [];
  for (const r of rule.requirements) {
    const attended = [...present.values()].filter((a) => a.team === r.team && (!r.keyPlayersOnly || a.keyPlayer)).length;
    if (attended < r.min) shortfalls.push({ team: r.team, keyPlayersOnly: r.keyPlayersOnly, needed: r.min, attended });
    else met.push(`${people(attended, r.keyPlayersOnly)} from ${r.team}`);
  }

  if (shortfalls.length === 0) {
    const reason = met.length > 0 ? `Quorum met: ${joinAnd(met)} attended.` : 'Quorum met: the rule asks for no one in particular.';
    return { met: true, reason, shortfalls };
  }
  const reason = shortfalls
    .map((s) => {
      const need = s.needed === 1 ? `at least one ${s.keyPlayersOnly ? 'key player' : 'member'}` : `at least ${people(s.needed, s.keyPlayersOnly)}`;
      const got = s.attended === 0 ? 'none attended' : `only ${count(s.attended)} attended`;
      return `Needs ${need} from ${s.team}; ${got}.`;
    })
    .join(' ');
  return { met: false, reason, shortfalls };
}
