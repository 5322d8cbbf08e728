// The pain library's numbers (SPEC S3, issue 12), pure: the Wilson interval of a win rate, the monthly trend of a
// pain's evidence weighted to recent months, a pain's evidence figures, and the ranking of why people buy.

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface Interval {
  /** wins ÷ decided, 0–1. */
  rate: number;
  low: number;
  high: number;
}

/**
 * The Wilson score interval (95%) of `wins` out of `decided`: where the true win rate lies, honest about few
 * deals (2 of 3 is 21%–94%, not "67%"). Null with nothing decided.
 */
export function wilsonInterval(wins: number, decided: number, z = Z95): Interval | null {
  if (!Number.isFinite(wins) || !Number.isFinite(decided) || decided <= 0) return null;
  if (wins < 0 || wins > decided) throw new RangeError(`wins (${wins}) must be between 0 and decided (${decided})`);
  const p = wins / decided;
  const z2 = z * z;
  const denominator = 1 + z2 / decided;
  const centre = (p + z2 / (2 * decided)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / decided + z2 / (4 * decided * decided));
  // At 0 or all wins the interval touches its end exactly (the formula leaves a rounding hair, 0.9999999999999999).
  return { rate: p, low: wins === 0 ? 0 : Math.max(0, centre - half), high: wins === decided ? 1 : Math.min(1, centre + half) };
}

/** 'YYYY-MM' of a 'YYYY-MM-DD'. */
export const monthOf = (date: string): string => date.slice(0, 7);

/** The `count` months ending with the month of `today`, oldest first ('YYYY-MM'). */
export function lastMonths(today: string, count: number): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** A month of evidence counts half as much as one this many months more recent. */
export const TREND_HALF_LIFE_MONTHS = 6;

export interface TrendMonth {
  month: string;
  count: number;
  /** How much this month's evidence counts: 1 for the current month, halving every TREND_HALF_LIFE_MONTHS. */
  weight: number;
  /** count × weight. */
  weighted: number;
}

export interface Trend {
  months: TrendMonth[];
  /** Σ count × weight over the months: the pain's recent-weighted evidence. */
  weightedCount: number;
  /** The last three months against the three before: more, fewer or about the same evidence. */
  direction: 'rising' | 'falling' | 'steady';
}

/** The monthly trend of evidence dated `dates` over the `months` months up to today's month, weighted to recent months. */
export function monthlyTrend(dates: readonly string[], today: string, months = 12, halfLife = TREND_HALF_LIFE_MONTHS): Trend {
  const keys = lastMonths(today, months);
  const counts = new Map(keys.map((k) => [k, 0]));
  for (const d of dates) {
    const m = monthOf(d);
    const c = counts.get(m);
    if (c !== undefined) counts.set(m, c + 1);
  }
  const list = keys.map((month, i) => {
    const age = keys.length - 1 - i;
    const weight = Math.pow(0.5, age / halfLife);
    const count = counts.get(month)!;
    return { month, count, weight, weighted: count * weight };
  });
  const weightedCount = list.reduce((s, m) => s + m.weighted, 0);
  const sum = (from: number, to: number) => list.slice(Math.max(0, from), Math.max(0, to)).reduce((s, m) => s + m.count, 0);
  const recent = sum(list.length - 3, list.length);
  const before = sum(list.length - 6, list.length - 3);
  // A change of one entry is noise, not a trend.
  const direction = recent - before >= 2 && recent > before * 1.25 ? 'rising' : before - recent >= 2 && recent < before * 0.8 ? 'falling' : 'steady';
  return { months: list, weightedCount, direction };
}

export type Outcome = 'won' | 'lost' | 'open';

/** One evidence entry as the figures need it; the deal's own status wins over what the rep typed. */
export interface EvidenceFact {
  date: string;
  outcome: Outcome;
  /** Cents, or null when not given. */
  amount: number | null;
  dealId: string | null;
  dealExternalId: string | null;
  /** The linked deal's status and amount from the CRM import, when linked. */
  dealStatus: Outcome | null;
  dealAmount: number | null;
}

export interface EvidenceFigures {
  count: number;
  /** Cents: each deal counted once (by its link, else its external id); entries with neither count by themselves. */
  amount: number;
  deals: { won: number; lost: number; open: number };
  winRate: Interval | null;
  lastDate: string | null;
  trend: Trend;
}

/**
 * A pain's evidence figures. Several entries about one deal are one deal: its outcome is the CRM's when linked
 * (else the latest entry's), its amount the CRM's when it has one (else the largest an entry gave).
 */
export function evidenceFigures(facts: readonly EvidenceFact[], today: string): EvidenceFigures {
  const deals = new Map<string, { outcome: Outcome; amount: number | null; date: string }>();
  for (const [i, f] of facts.entries()) {
    const key = f.dealId ? `id:${f.dealId}` : f.dealExternalId ? `ext:${f.dealExternalId.trim().toLowerCase()}` : `entry:${i}`;
    const outcome = f.dealStatus ?? f.outcome;
    const amount = f.dealAmount ?? f.amount;
    const seen = deals.get(key);
    if (!seen) {
      deals.set(key, { outcome, amount, date: f.date });
      continue;
    }
    if (f.dealStatus === null && f.date >= seen.date) seen.outcome = outcome;
    if (f.dealStatus !== null) seen.outcome = f.dealStatus;
    seen.date = f.date > seen.date ? f.date : seen.date;
    if (f.dealAmount !== null) seen.amount = f.dealAmount;
    else if (amount !== null && (seen.amount === null || amount > seen.amount)) seen.amount = amount;
  }
  const tally = { won: 0, lost: 0, open: 0 };
  let amount = 0;
  for (const d of deals.values()) {
    tally[d.outcome]++;
    amount += d.amount ?? 0;
  }
  const lastDate = facts.reduce<string | null>((last, f) => (last === null || f.date > last ? f.date : last), null);
  return {
    count: facts.length,
    amount,
    deals: tally,
    winRate: wilsonInterval(tally.won, tally.won + tally.lost),
    lastDate,
    trend: monthlyTrend(
      facts.map((f) => f.date),
      today,
    ),
  };
}

// ── Why people buy ────────────────────────────────────────────────────────────────────────────────

/** A reason as it is counted: trimmed, inner spaces collapsed, case-folded, a trailing full stop dropped. */
export function normaliseReason(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '').toLocaleLowerCase('en-US');
}

/** 'YYYY-Qn' of a 'YYYY-MM-DD' (calendar quarters). */
export const quarterOf = (date: string): string => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** The calendar quarters from `from` to `to` (dates), oldest first. */
export function quartersBetween(from: string, to: string): string[] {
  const index = (d: string) => Number(d.slice(0, 4)) * 4 + Math.floor((Number(d.slice(5, 7)) - 1) / 3);
  const out: string[] = [];
  for (let i = index(from); i <= index(to); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

export interface ReasonFact {
  /** What the reason is counted by: a normalised CRM reason, or a pain's id. */
  key: string;
  /** How it reads: the CRM text, or the pain's statement. */
  label: string;
  source: 'deal_reason' | 'pain';
  /** Cents or null. */
  amount: number | null;
  date: string;
  /** How many deals or entries this fact stands for (a grouped row); 1 when left out. */
  n?: number;
}

export interface RankedReason {
  key: string;
  label: string;
  source: 'deal_reason' | 'pain';
  count: number;
  amount: number;
  /** Of everything counted from its source in this list (won deals with a reason, or won evidence), 0–1. */
  share: number;
  /** Counts per quarter, in the order of `quarters`. */
  byQuarter: number[];
}

/** How loud a spelling reads: capitals after the first letter, and a trailing full stop. The quietest reads best. */
const shouting = (s: string): number => (s.slice(1).match(/\p{Lu}/gu)?.length ?? 0) + (/[.!]$/.test(s) ? 1 : 0);

/**
 * Reasons counted and ranked: most often first, then the larger amount, then by label. A CRM reason reads as its
 * most common spelling ("Faster onboarding" over "faster onboarding ").
 */
export function rankReasons(facts: readonly ReasonFact[], quarters: readonly string[], limit = 20): RankedReason[] {
  const groups = new Map<string, { label: string; source: ReasonFact['source']; count: number; amount: number; spellings: Map<string, number>; byQuarter: number[] }>();
  const at = new Map(quarters.map((q, i) => [q, i]));
  for (const f of facts) {
    const id = `${f.source}:${f.key}`;
    let g = groups.get(id);
    if (!g) {
      g = { label: f.label, source: f.source, count: 0, amount: 0, spellings: new Map(), byQuarter: quarters.map(() => 0) };
      groups.set(id, g);
    }
    const n = f.n ?? 1;
    g.count += n;
    g.amount += f.amount ?? 0;
    const spelling = f.label.trim().replace(/\s+/g, ' ');
    g.spellings.set(spelling, (g.spellings.get(spelling) ?? 0) + n);
    const q = at.get(quarterOf(f.date));
    if (q !== undefined) g.byQuarter[q]! += n;
  }
  const totals = { deal_reason: 0, pain: 0 };
  for (const f of facts) totals[f.source] += f.n ?? 1;
  const ranked = [...groups.entries()].map(([id, g]) => {
    const label = [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || shouting(a[0]) - shouting(b[0]) || a[0].localeCompare(b[0]))[0]?.[0] ?? g.label;
    return { key: id.slice(id.indexOf(':') + 1), label, source: g.source, count: g.count, amount: g.amount, share: totals[g.source] === 0 ? 0 : g.count / totals[g.source], byQuarter: g.byQuarter };
  });
  ranked.sort((a, b) => b.count - a.count || b.amount - a.amount || a.label.localeCompare(b.label));
  return ranked.slice(0, limit);
}
