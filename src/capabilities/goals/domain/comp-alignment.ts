// Comp alignment (SPEC S1 "Comp alignment"): the share of each team's comp weight that sits on shared
// KPIs, and flags where the two teams' compensated KPIs pull apart.
// A KPI is identified across teams by its catalog kind, or by its normalised name when it has none.
// A shared KPI is one both teams have marked `shared` under the same identity.
// Flags (id · severity · rule):
// - volume-vs-value · high: marketing is paid on lead volume (MQLs, SQLs) while sales is paid on
//   outcomes (win rate, revenue closed, average deal size, lead→opportunity conversion) and no shared KPI
//   is compensated on both sides: one team gains from more leads whatever their quality, the other
//   from fewer, better ones.
// - no-shared-kpi · medium: the teams share no KPI (the aim is 2–3).
// - shared-one-side:<key> · medium: a shared KPI is in one team's pay plan but not the other's.
// - shared-not-agreed:<team>:<key> · low: a team marked a KPI shared that the other team has not.
// - no-compensated-top-three:<team> · medium: a team has a top three and none of it is compensated.
// - paid-outside-top-three:<team>:<key> · low: a team is paid on a KPI that is not in its top three.
// A KPI counts as compensated when `compensated` is set; its weight counts when given (else 0).
// No verdict without data: a team none of whose KPIs is marked compensated has not entered its pay plan, so no
// flag judges what it is paid on (the two that would, shared-one-side and no-compensated-top-three, wait for it).
import { catalogKind } from './kpi-catalog.js';
import { normalizeKpiText } from './normalize-kpi-text.js';
import { teamPossessive } from './other-team.js';
import type { CompAlignmentFlag, CompAlignmentReport, CompAlignmentSummary, FlagSeverity, Kpi, Team, TeamCompShare } from './types.js';

export type CompKpi = Pick<Kpi, 'id' | 'team' | 'name' | 'kindId' | 'compensated' | 'compWeight' | 'rank' | 'shared'>;

const VOLUME_KINDS = new Set(['mqls', 'sqls']);
const OUTCOME_KINDS = new Set(['win_rate', 'revenue_closed', 'average_deal_size', 'lead_to_opportunity_rate']);

function keyOf(k: CompKpi): string {
  return k.kindId ?? `name:${normalizeKpiText(k.name)}`;
}

function names(list: readonly CompKpi[]): string {
  const ns = [...new Set(list.map((k) => k.name))];
  if (ns.length <= 1) return ns.join('');
  return `${ns.slice(0, -1).join(', ')} and ${ns[ns.length - 1]}`;
}

function labelOf(key: string, kpis: readonly CompKpi[]): string {
  return kpis.find((k) => keyOf(k) === key)?.name ?? catalogKind(key)?.name ?? key;
}

export function compAlignment(kpis: readonly CompKpi[]): CompAlignmentReport {
  const teams: Team[] = ['sales', 'marketing'];
  const of = (team: Team) => kpis.filter((k) => k.team === team);
  const sales = of('sales');
  const marketing = of('marketing');

  const sharedBy = (list: readonly CompKpi[]) => new Set(list.filter((k) => k.shared).map(keyOf));
  const salesShared = sharedBy(sales);
  const marketingShared = sharedBy(marketing);
  const sharedKeys = [...salesShared].filter((k) => marketingShared.has(k)).sort();
  const sharedSet = new Set(sharedKeys);

  const shares: TeamCompShare[] = teams.map((team) => {
    const paid = of(team).filter((k) => k.compensated);
    const totalWeight = paid.reduce((s, k) => s + (k.compWeight ?? 0), 0);
    const sharedWeight = paid.filter((k) => sharedSet.has(keyOf(k))).reduce((s, k) => s + (k.compWeight ?? 0), 0);
    return { team, paidKpis: paid.length, totalWeight, sharedWeight, sharedShare: totalWeight > 0 ? sharedWeight / totalWeight : null };
  });

  const flags: CompAlignmentFlag[] = [];
  const paidKeys = (list: readonly CompKpi[]) => new Set(list.filter((k) => k.compensated).map(keyOf));
  const salesPaid = paidKeys(sales);
  const marketingPaid = paidKeys(marketing);
  const sharedPaidBoth = sharedKeys.filter((k) => salesPaid.has(k) && marketingPaid.has(k));

  const mVolume = marketing.filter((k) => k.compensated && k.kindId !== null && VOLUME_KINDS.has(k.kindId));
  const sOutcome = sales.filter((k) => k.compensated && k.kindId !== null && OUTCOME_KINDS.has(k.kindId));
  if (mVolume.length > 0 && sOutcome.length > 0 && sharedPaidBoth.length === 0) {
    flags.push({
      id: 'volume-vs-value',
      severity: 'high',
      message: `Marketing is paid on ${names(mVolume)} while sales is paid on ${names(sOutcome)}, and no shared KPI is compensated on both sides: marketing gains from more leads whatever their quality, sales from fewer, better ones. Put a shared KPI such as pipeline or revenue in both pay plans.`,
    });
  }

  if (sales.length > 0 && marketing.length > 0 && sharedKeys.length === 0) {
    flags.push({
      id: 'no-shared-kpi',
      severity: 'medium',
      message: 'Sales and marketing share no KPI. Agree two or three shared goals, such as pipeline generated or revenue closed, and mark them shared on both sides.',
    });
  }

  for (const key of sharedKeys) {
    const s = salesPaid.has(key);
    const m = marketingPaid.has(key);
    // One side's pay plan not entered at all says nothing about whether it pays on this KPI.
    if (s !== m && salesPaid.size > 0 && marketingPaid.size > 0) {
      const paid = s ? 'sales' : 'marketing';
      const unpaid = s ? 'marketing' : 'sales';
      flags.push({
        id: `shared-one-side:${key}`,
        severity: 'medium',
        message: `${labelOf(key, kpis)} is a shared KPI, but only ${paid} is paid on it; add it to ${teamPossessive(unpaid)} pay plan so both teams pull the same way.`,
      });
    }
  }

  for (const [team, mine, theirs] of [
    ['sales', salesShared, marketingShared],
    ['marketing', marketingShared, salesShared],
  ] as const) {
    const other = team === 'sales' ? 'marketing' : 'sales';
    for (const key of [...mine].filter((k) => !theirs.has(k)).sort()) {
      flags.push({
        id: `shared-not-agreed:${team}:${key}`,
        severity: 'low',
        message: `${team === 'sales' ? 'Sales' : 'Marketing'} marked ${labelOf(key, of(team))} as shared, but ${other} has not; a shared KPI needs both teams to agree it.`,
      });
    }
  }

  for (const team of teams) {
    const mine = of(team);
    const top = mine.filter((k) => k.rank !== null);
    const title = team === 'sales' ? 'Sales' : 'Marketing';
    if (top.length > 0 && mine.some((k) => k.compensated) && !top.some((k) => k.compensated)) {
      flags.push({
        id: `no-compensated-top-three:${team}`,
        severity: 'medium',
        message: `None of ${teamPossessive(team)} top three KPIs (${names(top)}) is in its pay plan, so pay rewards something other than its stated priorities.`,
      });
    }
    const topKeys = new Set(top.map(keyOf));
    for (const k of mine.filter((x) => x.compensated && x.rank === null && !topKeys.has(keyOf(x)))) {
      flags.push({
        id: `paid-outside-top-three:${team}:${keyOf(k)}`,
        severity: 'low',
        message: `${title} is paid on ${k.name}, which is not in its top three; rank it or take it out of the pay plan.`,
      });
    }
  }

  const order = { high: 0, medium: 1, low: 2 } as const;
  flags.sort((a, b) => order[a.severity] - order[b.severity]);
  return { teams: shares, sharedKeys, flags };
}

/**
 * The one count and headline of comp alignment that every page shows (the Goals page, the dashboard, the signal):
 * every flag counted once, by severity, and no verdict while no pay plan is entered.
 */
export function compAlignmentSummary(report: CompAlignmentReport): CompAlignmentSummary {
  const count = (s: FlagSeverity) => report.flags.filter((f) => f.severity === s).length;
  const counts = { high: count('high'), medium: count('medium'), low: count('low'), total: report.flags.length };
  const paid = report.teams.filter((t) => t.paidKpis > 0).map((t) => t.team);
  const missing = report.teams.filter((t) => t.paidKpis === 0).map((t) => t.team);
  const payPlans = paid.length === 0 ? 'none' : missing.length === 0 ? 'all' : 'some';
  const notEntered = missing.length === 0 ? '' : `${missing.map((t) => teamPossessive(t)).join(' and ')} pay plan${missing.length === 1 ? ' is' : 's are'} not entered yet`;
  let headline: string;
  if (counts.total > 0) {
    const others = counts.medium + counts.low;
    const waiting = payPlans === 'none' ? '; no pay plan is entered yet' : payPlans === 'some' ? `; ${notEntered}` : '';
    headline = `${counts.total} comp ${counts.total === 1 ? 'flag' : 'flags'}: ${counts.high} high, ${others} medium or low${waiting}.`;
  } else if (payPlans === 'none') {
    headline = 'No pay plans entered yet: mark which KPIs are in each team\'s pay plan, and with what weight.';
  } else if (payPlans === 'some') {
    headline = `No flags so far, but ${notEntered}.`;
  } else {
    headline = 'No flags: the pay plans pull the same way.';
  }
  return { flags: counts, payPlans, headline };
}
