// Checks a team's KPIs before its top three is saved or published (SPEC S1 "KPI", "Publication").
// Rules: ranks are 1, 2 or 3 (a 4th rank is an error) and each is held by one KPI; a ranked KPI says
// how it is measured; comp weights are 0–100 % each and at most 100 % in total over the team's
// compensated KPIs (a pay plan cannot weigh more than all of the variable pay); every KPI belongs to
// the team; publishing needs at least one ranked KPI.
import type { Kpi, Team, ValidationProblem, ValidationResult } from './types.js';

export type TopThreeCandidate = Pick<Kpi, 'id' | 'team' | 'name' | 'measurement' | 'compensated' | 'compWeight' | 'rank'>;

/** Comp weights are percentages; sums of decimals get a hair of tolerance. */
const EPSILON = 1e-9;

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function pct(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}

export function validateTopThree(
  kpis: readonly TopThreeCandidate[],
  options: { team?: Team; forPublication?: boolean } = {},
): ValidationResult {
  const problems: ValidationProblem[] = [];

  if (options.team) {
    for (const k of kpis.filter((x) => x.team !== options.team)) {
      problems.push({ code: 'wrong_team', kpiIds: [k.id], message: `${k.name} belongs to ${k.team}, not ${options.team}; a team publishes only its own KPIs.` });
    }
  }

  const byRank = new Map<number, TopThreeCandidate[]>();
  for (const k of kpis) {
    if (k.rank === null) continue;
    if (!Number.isInteger(k.rank) || k.rank < 1 || k.rank > 3) {
      const shown = Number.isInteger(k.rank) ? `#${k.rank}` : `"${k.rank}"`;
      problems.push({ code: 'rank_out_of_range', kpiIds: [k.id], message: `${k.name} is ranked ${shown}, but the top three only has ranks #1, #2 and #3.` });
      continue;
    }
    byRank.set(k.rank, [...(byRank.get(k.rank) ?? []), k]);
  }
  for (const [rank, holders] of [...byRank.entries()].sort((a, b) => a[0] - b[0])) {
    if (holders.length > 1) {
      problems.push({
        code: 'rank_taken',
        kpiIds: holders.map((k) => k.id),
        message: `${listNames(holders.map((k) => k.name))} are ${holders.length === 2 ? 'both' : 'all'} ranked #${rank}; each rank holds one KPI.`,
      });
    }
  }

  for (const k of kpis) {
    if (k.rank !== null && k.measurement.trim() === '') {
      problems.push({ code: 'measurement_missing', kpiIds: [k.id], message: `${k.name} is in the top three but does not say how it is measured; add a measurement definition.` });
    }
  }

  const paid = kpis.filter((k) => k.compensated && k.compWeight !== null);
  for (const k of paid) {
    const w = k.compWeight ?? 0;
    if (!Number.isFinite(w) || w < 0 || w > 100) {
      problems.push({ code: 'comp_weight_out_of_range', kpiIds: [k.id], message: `The comp weight of ${k.name} is ${w}%; a weight is between 0% and 100%.` });
    }
  }
  const total = paid.reduce((s, k) => s + (k.compWeight ?? 0), 0);
  if (total > 100 + EPSILON) {
    problems.push({
      code: 'comp_weight_over_100',
      kpiIds: paid.map((k) => k.id),
      message: `Comp weights add up to ${pct(total)} (${paid.map((k) => `${k.name} ${pct(k.compWeight ?? 0)}`).join(', ')}); a team's weights can total at most 100%.`,
    });
  }

  if (options.forPublication && byRank.size === 0) {
    problems.push({ code: 'nothing_ranked', kpiIds: [], message: 'Rank at least one KPI #1, #2 or #3 before publishing the top three.' });
  }

  return { ok: problems.length === 0, problems };
}
