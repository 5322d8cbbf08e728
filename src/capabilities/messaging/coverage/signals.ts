// The messaging part of the alignment score (SPEC S6 "Messaging"): the share of pieces published in the last 90
// days that passed the gate with sales approval (a leader's override counts as not passed), the coverage of the
// top evidence-weighted pains, and evidence logged in the last 30 days. Scored 0–1, or null without data.
import type { AlignmentSignal } from '../../../shared/contracts/alignment-signals.js';
import type { CoverageRow } from './coverage.js';
import { topPainCoverage, TOP_PAINS } from './coverage.js';

export const GATE_WINDOW_DAYS = 90;
export const EVIDENCE_WINDOW_DAYS = 30;
/** Evidence expected per active sales member in EVIDENCE_WINDOW_DAYS: about one a week from each. */
export const EVIDENCE_PER_SELLER = 4;

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface PublishedPieceFact {
  /** Published past the gate by a leader's override. */
  overridden: boolean;
  /** A sales member approved the version that was published. */
  approved: boolean;
}

export function gateSignal(published: readonly PublishedPieceFact[]): AlignmentSignal {
  const base = { key: 'messaging.gate_passed', strategy: 'messaging' as const, label: 'Pieces published with sales approval' };
  if (published.length === 0) {
    return { ...base, score: null, detail: `No piece was published in the last ${GATE_WINDOW_DAYS} days.`, nextStep: { text: 'Write a piece for a pain sales hears, and ask sales to review it', href: '/messaging/pieces' } };
  }
  const passed = published.filter((p) => p.approved && !p.overridden).length;
  const overridden = published.filter((p) => p.overridden).length;
  const detail =
    `${passed} of ${plural(published.length, 'piece')} published in the last ${GATE_WINDOW_DAYS} days passed the gate with sales approval (${percent(passed / published.length)})` +
    (overridden > 0 ? `; ${overridden === 1 ? 'one was' : `${overridden} were`} published by a leader's override.` : '.');
  return {
    ...base,
    score: passed / published.length,
    detail,
    nextStep: passed < published.length ? { text: 'Ask sales to review pieces before they are published', href: '/messaging/pieces' } : null,
  };
}

export function topPainsSignal(rows: readonly CoverageRow[]): AlignmentSignal {
  const base = { key: 'messaging.top_pains_covered', strategy: 'messaging' as const, label: 'Top pains covered by published pieces' };
  const c = topPainCoverage(rows);
  if (c.share === null) {
    return { ...base, score: null, detail: 'Sales has logged no evidence against an active pain yet, so there is no top pain to cover.', nextStep: { text: 'Log what buyers say on calls as evidence', href: '/messaging/evidence' } };
  }
  const detail =
    `${c.covered} of the ${c.considered === TOP_PAINS ? `top ${TOP_PAINS} pains` : plural(c.considered, 'pain')} sales hears most ${c.covered === 1 ? 'is' : 'are'} covered by a published piece (${percent(c.share)})` +
    (c.firstGap ? `; the heaviest not covered is "${c.firstGap.statement}" (${plural(c.firstGap.count, 'quote')}).` : '.');
  return { ...base, score: c.share, detail, nextStep: c.firstGap ? { text: `Write a piece for "${c.firstGap.statement}"`, href: '/messaging' } : null };
}

export function evidenceSignal(input: { entries: number; sellers: number }): AlignmentSignal {
  const base = { key: 'messaging.evidence_logged', strategy: 'messaging' as const, label: `Evidence logged in the last ${EVIDENCE_WINDOW_DAYS} days` };
  const expected = input.sellers * EVIDENCE_PER_SELLER;
  if (expected === 0) {
    return input.entries === 0
      ? { ...base, score: null, detail: 'The workspace has no sales member to log evidence yet.', nextStep: { text: 'Invite your sales team', href: '/settings/members' } }
      : { ...base, score: 1, detail: `${plural(input.entries, 'entry', 'entries')} of evidence logged in the last ${EVIDENCE_WINDOW_DAYS} days.`, nextStep: null };
  }
  const score = Math.min(1, input.entries / expected);
  return {
    ...base,
    score,
    detail: `${plural(input.entries, 'entry', 'entries')} of evidence logged in the last ${EVIDENCE_WINDOW_DAYS} days, against ${expected} expected (${EVIDENCE_PER_SELLER} from each of ${plural(input.sellers, 'sales member')}).`,
    nextStep: score < 1 ? { text: 'Log what buyers said on this week’s calls', href: '/messaging/evidence' } : null,
  };
}
