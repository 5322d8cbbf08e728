// The goals part of the alignment score (SPEC S6 "Goals"): both teams' top three published and fresh, the share
// of expectations the other team's top three meets, the awareness quiz, and comp on shared KPIs. Each signal
// is scored 0–1 from the facts goals keeps, or null when there is nothing to judge yet (never a verdict
// without data), with a sentence that gives the numbers and the next step that would raise it.
import type { AlignmentSignal } from '../../../shared/contracts/alignment-signals.js';
import { teamPossessive } from './other-team.js';
import { expectationGapSummary } from './expectation-gap.js';
import { STALE_AFTER_DAYS } from './publication-freshness.js';
import type { AwarenessTeamScore, CompAlignmentReport, ExpectationGapReport, PublicationFreshness } from './types.js';

type GoalTeam = 'sales' | 'marketing';

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const title = (team: string): string => team.charAt(0).toUpperCase() + team.slice(1);
const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
const mean = (xs: readonly number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

function freshnessPhrase(team: GoalTeam, f: PublicationFreshness): string {
  if (f.state === 'unpublished' || f.ageDays === null) return `${team} has not published its top three`;
  const age = f.ageDays === 0 ? 'today' : `${days(f.ageDays)} ago`;
  if (f.state === 'stale') return `${team} last published ${age}, which is stale (older than ${STALE_AFTER_DAYS} days)`;
  return `${team} published ${age}`;
}

/** Both teams' top three published and fresh: 1 point each, out of 2. Null while the workspace has no KPI at all. */
export function topThreeSignal(input: { teams: ReadonlyArray<{ team: GoalTeam; freshness: PublicationFreshness }>; kpiCount: number }): AlignmentSignal {
  const base = { key: 'goals.top_three_published', strategy: 'goals' as const, label: 'Top three published and fresh' };
  const published = input.teams.filter((t) => t.freshness.state !== 'unpublished');
  if (input.kpiCount === 0 && published.length === 0) {
    return { ...base, score: null, detail: 'No team has a KPI yet, so there is no top three to publish.', nextStep: { text: "Add your team's KPIs and rank its top three", href: '/goals/kpis' } };
  }
  const fresh = input.teams.filter((t) => t.freshness.state === 'fresh').length;
  const phrases = input.teams.map((t) => freshnessPhrase(t.team, t.freshness));
  const detail = `${fresh} of ${input.teams.length} top threes are published and fresh: ${phrases.join('; ')}.`;
  const behind = input.teams.find((t) => t.freshness.state !== 'fresh');
  return {
    ...base,
    score: input.teams.length === 0 ? null : fresh / input.teams.length,
    detail: detail.charAt(0).toUpperCase() + detail.slice(1),
    nextStep: behind ? { text: `Publish the ${behind.team} top three`, href: '/goals' } : null,
  };
}

/** The share of held expectations (member × item) matched to a KPI that the other team's published top three meets. */
export function expectationsSignal(gap: ExpectationGapReport): AlignmentSignal {
  const base = { key: 'goals.expectations_met', strategy: 'goals' as const, label: "Expectations met by the other team's top three" };
  const { met, gaps, unmatched } = gap.held;
  const biggest = gap.rows.find((r) => r.matched && !r.inTopThree);
  const unmatchedRow = gap.rows.find((r) => !r.matched);
  if (gap.shareMet === null || met + gaps === 0) {
    if (unmatched > 0) {
      return { ...base, score: null, detail: expectationGapSummary(gap), nextStep: { text: 'Choose the KPI each expectation means', href: '/goals' } };
    }
    return { ...base, score: null, detail: 'Nobody has said yet what they expect of the other team.', nextStep: { text: 'Say what you expect of the other team', href: '/goals/expectations' } };
  }
  const nextStep = biggest
    ? { text: 'Talk through the expectation gap at the next check-in', href: '/goals' }
    : unmatchedRow
      ? { text: 'Choose the KPI each expectation means', href: '/goals' }
      : null;
  return {
    ...base,
    score: gap.shareMet,
    detail: `${expectationGapSummary(gap)}${biggest ? ` The biggest gap: ${biggest.sentence}` : ''}`,
    nextStep,
  };
}

/** The mean awareness score of the teams whose members took the quiz. */
export function awarenessSignal(scores: ReadonlyArray<Pick<AwarenessTeamScore, 'team' | 'aboutTeam' | 'answered' | 'teamSize' | 'score'>>): AlignmentSignal {
  const base = { key: 'goals.awareness', strategy: 'goals' as const, label: "Each team knows the other's top three" };
  const scored = scores.filter((s): s is typeof s & { score: number } => s.score !== null);
  const score = mean(scored.map((s) => s.score));
  const phrases = scores.map((s) =>
    s.score === null
      ? `${s.team} has no quiz answers about ${teamPossessive(s.aboutTeam)} published top three yet`
      : `${s.team} names ${percent(s.score)} of ${teamPossessive(s.aboutTeam)} top three (${s.answered} of ${s.teamSize} answered)`,
  );
  const detail = phrases.length === 0 ? 'Nobody has taken the awareness quiz yet.' : `${title(phrases.join('; '))}.`;
  const everyoneRight = scored.length === scores.length && scores.every((s) => s.score === 1 && s.answered >= s.teamSize);
  return { ...base, score, detail, nextStep: everyoneRight ? null : { text: 'Take the awareness quiz', href: '/goals/quiz' } };
}

/** The mean share of each team's comp weight that sits on shared KPIs, over the teams paid on any KPI. */
export function compSignal(report: CompAlignmentReport): AlignmentSignal {
  const base = { key: 'goals.comp_alignment', strategy: 'goals' as const, label: 'Pay plans pull the same way' };
  const paid = report.teams.filter((t): t is typeof t & { sharedShare: number } => t.sharedShare !== null);
  const score = mean(paid.map((t) => t.sharedShare));
  const first = report.flags[0];
  if (score === null) {
    return { ...base, score: null, detail: 'No KPI is marked as part of a pay plan yet.', nextStep: { text: "Mark which KPIs are in each team's pay plan", href: '/goals/kpis' } };
  }
  const phrases = report.teams.map((t) => (t.sharedShare === null ? `${t.team} is paid on no KPI` : `${t.team} has ${percent(t.sharedShare)} of its comp weight on shared KPIs`));
  const flags = report.flags.length === 0 ? '' : ` ${report.flags.length} ${report.flags.length === 1 ? 'thing pulls' : 'things pull'} apart.`;
  return { ...base, score, detail: `${title(phrases.join('; '))}.${flags}`, nextStep: first ? { text: first.message, href: '/goals' } : null };
}
