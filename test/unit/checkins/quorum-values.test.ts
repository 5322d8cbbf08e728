// The check-in form's quorum rule (web/src/checkins/quorum-values.ts): to and from the API's rule, and the same
// refusal the server gives, before the form is sent.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUORUM_RULE } from '../../../src/capabilities/checkins/domain/index.js';
import { DEFAULT_QUORUM_VALUES, quorumProblem, quorumRuleOf, quorumValuesOf } from '../../../web/src/checkins/quorum-values.js';

const sam = { memberId: 's', name: 'Sam', team: 'sales' as const, keyPlayer: true };
const meg = { memberId: 'm', name: 'Meg', team: 'marketing' as const, keyPlayer: false };

describe('the form’s quorum rule', () => {
  it('reads and writes the API’s rule', () => {
    expect(quorumRuleOf(DEFAULT_QUORUM_VALUES)).toEqual(DEFAULT_QUORUM_RULE);
    const rule = { requirements: [{ team: 'marketing' as const, min: 2, keyPlayersOnly: false }] };
    expect(quorumValuesOf(rule)).toEqual({ sales: { kind: 'none', min: 1 }, marketing: { kind: 'any', min: 2 }, leadership: { kind: 'none', min: 1 } });
    expect(quorumRuleOf(quorumValuesOf(rule))).toEqual(rule);
  });

  it('says what the server would refuse, in its words', () => {
    expect(quorumProblem(DEFAULT_QUORUM_VALUES, [sam, meg])).toBe(
      'Quorum needs 1 key player from marketing, but the attendees include none: no check-in could count as held; add marketing key players to the attendees, mark marketing attendees as key players, or lower the rule.',
    );
    expect(quorumProblem({ ...DEFAULT_QUORUM_VALUES, marketing: { kind: 'any', min: 1 } }, [sam, meg])).toBeNull();
    expect(quorumProblem({ sales: { kind: 'none', min: 1 }, marketing: { kind: 'none', min: 1 }, leadership: { kind: 'none', min: 1 } }, [sam])).toMatch(/needs at least one team/);
    expect(quorumProblem({ ...DEFAULT_QUORUM_VALUES, sales: { kind: 'key', min: 21 } }, [sam, meg])).toBe('The quorum rule for sales must ask for 1 to 20 people.');
  });
});
