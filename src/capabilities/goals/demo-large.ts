// The goals part of the large demo workspace (issue 9, decisions 022 and 024): the small demo's shapes at
// scale — each team's KPIs at company level and per region, five years of weekly values, a publication a
// quarter per team, expectations and quiz answers from most of the 400 people; the 10x workspace is the same
// at its own scale (SCALED_DEMOS: its regions and years). Multi-row inserts in chunks.
import type { Db } from '../../db/database.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { insertInChunks } from '../../db/insert-in-chunks.js';
import { newId } from '../../server/ids.js';
import { periodOf, type PeriodOptions } from '../../shared/calendar/index.js';
import type { DemoContext, DemoPerson, ScaledDemo } from '../../shared/contracts/demo.js';
import type { DemoKpi, DemoKpiRow } from './demo.js';
import { buildPublicationSnapshot, catalogKind, diffPublications, matchKpiKind, type Kpi, type PublicationSnapshot } from './domain/index.js';
import { CURRENCY } from './presenters.js';

const DAY = 86_400_000;
const $ = (dollars: number) => Math.round(dollars * 100);

/** Company-level KPIs the small demo does not have: tracked, never ranked. */
const EXTRA: DemoKpi[] = [
  { key: 'l2o', team: 'marketing', kind: 'lead_to_opportunity_rate', name: 'Lead-to-opportunity rate', measurement: 'Leads converted to an opportunity within 60 days ÷ leads created, by month of creation.', dataSource: 'deals', period: 'month', target: 12, baseline: 9, owner: 'omar', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => 8 + w * 0.05 + r * 2 },
  { key: 'cac', team: 'marketing', kind: 'cac', name: 'Customer acquisition cost', measurement: 'Sales and marketing spend in the quarter ÷ new customers closed in the quarter.', dataSource: 'csv', period: 'quarter', target: $(18_000), baseline: $(24_000), owner: 'priya', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => $(25_000 - w * 90 + r * 3_000) },
  { key: 'pipegen', team: 'sales', kind: 'pipeline_generated', name: 'Pipeline generated', measurement: 'Sum of opportunity amounts created this quarter, all sources, at creation.', dataSource: 'deals', period: 'quarter', target: $(7_000_000), baseline: $(5_500_000), owner: 'marcus', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => $(400_000 + w * 3_000 + r * 120_000) },
  { key: 'deal', team: 'sales', kind: 'average_deal_size', name: 'Average deal size', measurement: 'Mean first-year ACV of closed-won opportunities, trailing 90 days.', dataSource: 'deals', period: 'quarter', target: $(42_000), baseline: $(36_000), owner: 'marcus', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => $(34_000 + w * 90 + r * 6_000) },
  { key: 'cycle', team: 'sales', kind: 'sales_cycle_length', name: 'Sales cycle length', measurement: 'Median days from opportunity creation to closed-won, trailing 90 days.', dataSource: 'deals', period: 'quarter', target: 60, baseline: 78, owner: 'tom', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => Math.round(82 - w * 0.3 + r * 10) },
  { key: 'coverage', team: 'sales', kind: 'pipeline_coverage', name: 'Pipeline coverage', measurement: 'Open pipeline closing this quarter ÷ the remaining quota of the quarter.', dataSource: 'deals', period: 'quarter', target: 3, baseline: 2.4, owner: 'marcus', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => 2.2 + w * 0.012 + r * 0.6 },
];

const SALES_EXPECT = ['MQL volume', 'Marketing-sourced pipeline', 'Content engagement', 'lead gen', 'pipeline', 'events', 'more leads', 'case studies for enterprise deals', 'lead volume', 'MQLs', 'lead quality', 'lead generation', 'webinars', 'MQL to SAL acceptance rate', 'better battlecards'];
const MARKETING_EXPECT = ['Revenue closed', 'Win rate', 'lead response time', 'follow-up speed on leads', 'SQLs', 'average deal size', 'revenue', 'pipeline coverage', 'MQL to SAL acceptance rate', 'faster follow-up', 'sales cycle length'];

interface LargeKpi {
  d: DemoKpi;
  id: string;
  owner: DemoPerson;
  /** The region's share of company volume (1 for company-level KPIs); rates are not scaled. */
  share: number;
}

export async function seedLargeGoalsDemo(
  db: Db,
  demo: DemoContext,
  { years, regions }: ScaledDemo,
  small: { kpis: readonly DemoKpi[]; toKpi: (d: DemoKpi, id: string, overrides?: Partial<Kpi>) => Kpi; kpiRow: DemoKpiRow },
): Promise<void> {
  // Week 0 is `years` ago (five years: 261 weeks = 1,827 days) … thisWeek is this week.
  const thisWeek = Math.round(years * 52.1775);
  const quarters = years * 4;
  const w = await db.selectFrom('workspaces').select(['time_zone', 'week_start', 'fiscal_year_start_month']).where('id', '=', demo.workspaceId).executeTakeFirstOrThrow();
  const options: PeriodOptions = { timeZone: w.time_zone, weekStart: w.week_start, fiscalYearStartMonth: w.fiscal_year_start_month };
  const now = demo.now;
  const rand = seededRandom(20261201);
  const byFunction = (fn: string) => demo.people.find((p) => p.function === fn) ?? demo.person('dana');

  const kpis: LargeKpi[] = [];
  for (const d of [...small.kpis, ...EXTRA]) kpis.push({ d, id: newId(), owner: demo.person(d.owner), share: 1 });
  for (const d of small.kpis) {
    for (const [region, , share] of regions) {
      const owner = d.team === 'sales' ? byFunction(`Regional sales director, ${region}`) : byFunction(`Field marketing manager, ${region}`);
      const scaled = catalogKind(d.kind)?.unit === 'currency' || catalogKind(d.kind)?.unit === 'count';
      kpis.push({
        d: { ...d, key: `${d.key}-${region}`, name: `${d.name} — ${region}`, owner: owner.key, rank: null, compensated: false, compWeight: 0, shared: false, target: scaled ? Math.round(d.target * share) : d.target, baseline: scaled ? Math.round(d.baseline * share) : d.baseline },
        id: newId(),
        owner,
        share: scaled ? share : 1,
      });
    }
  }
  const created = new Date(now.getTime() - (thisWeek * 7 + 14) * DAY).toISOString();
  const kpiRows = kpis.map(({ d, id, owner }) => small.kpiRow(d, small.toKpi(d, id), { workspaceId: demo.workspaceId, ownerId: owner.memberId, proposerId: demo.person('priya').memberId, createdAt: created }));
  await insertInChunks(db, 'kpis', kpiRows);

  // Five years of weekly readings at each week's first day; the week dates are the same for every KPI.
  const weeks = Array.from({ length: thisWeek + 1 }, (_, week) => {
    const at = new Date(now.getTime() - (thisWeek - week) * 7 * DAY);
    return { date: periodOf('week', at, options).startDate, createdAt: at.toISOString() };
  });
  const values = [];
  for (const { d, id, owner, share } of kpis) {
    const unit = catalogKind(d.kind)?.unit;
    for (const [week, { date, createdAt }] of weeks.entries()) {
      // The small demo's yearly curve stretched over the years, with a seasonal swing.
      const season = 1 + 0.06 * Math.sin((2 * Math.PI * week) / 52);
      const raw = d.weekly(week / years, rand()) * season * share;
      const value = unit === 'count' || unit === 'currency' ? Math.round(raw) : Math.round(raw * 10) / 10;
      values.push({ id: newId(), workspace_id: demo.workspaceId, kpi_id: id, date, value, source: d.dataSource === 'manual' ? ('manual' as const) : ('csv' as const), note: null, recorded_by: owner.memberId, created_at: createdAt });
    }
  }
  await insertInChunks(db, 'kpi_values', values);

  // A publication a quarter per team; the older ones put volume first, the last one is today's top three.
  const latest: Record<'sales' | 'marketing', { id: string; kinds: Set<string>; by: string; daysAgo: number; snapshot: PublicationSnapshot; changes: ReturnType<typeof diffPublications> } | null> = { sales: null, marketing: null };
  const publications = [];
  for (const team of ['marketing', 'sales'] as const) {
    const own = kpis.filter((k) => k.d.team === team);
    const by = team === 'marketing' ? 'priya' : 'marcus';
    let previous: PublicationSnapshot | null = null;
    for (let i = 0; i < quarters; i++) {
      const daysAgo = (quarters - 1 - i) * 91 + (team === 'marketing' ? 21 : 30);
      const last = i === quarters - 1;
      const growth = 0.7 + (0.3 * i) / (quarters - 1);
      const volumeFirst = i < quarters - 6;
      const input = own.map(({ d, id }) => {
        const target = last ? d.target : Math.round(d.target * growth * 100) / 100;
        if (!volumeFirst || d.rank === null) return small.toKpi(d, id, { target });
        if (d.key === 'mqls') return small.toKpi(d, id, { rank: 1, compWeight: 50, target });
        if (d.key === 'msp') return small.toKpi(d, id, { rank: 2, compWeight: 50, shared: false, target });
        if (d.key === 'mqlsal') return small.toKpi(d, id, { rank: null, compensated: false, compWeight: 0, target });
        if (d.key === 'sqls') return small.toKpi(d, id, { rank: 3, target });
        if (d.key === 'response') return small.toKpi(d, id, { rank: null, target });
        return small.toKpi(d, id, { target });
      });
      const publishedAt = new Date(now.getTime() - daysAgo * DAY).toISOString();
      const snapshot = buildPublicationSnapshot(input, { team, number: i + 1, publishedAt, currency: CURRENCY });
      const changes = diffPublications(previous, snapshot);
      const id = newId();
      const year = new Date(publishedAt).getUTCFullYear();
      const note = last ? (team === 'marketing' ? 'Quality over volume: we are paid on pipeline that sales accepts.' : 'Speed to lead is now a top-three goal; win-rate target up.') : `${year} plan, quarter ${(i % 4) + 1}${volumeFirst ? ': volume first.' : ': quality first.'}`;
      publications.push({ id, workspace_id: demo.workspaceId, team, number: i + 1, published_by: demo.person(by).memberId, published_at: publishedAt, note, snapshot: JSON.stringify(snapshot), diff: JSON.stringify(changes) });
      previous = snapshot;
      if (last) latest[team] = { id, kinds: new Set(snapshot.items.map((x) => x.kindId).filter((k): k is string => k !== null)), by, daysAgo, snapshot, changes };
    }
  }
  await insertInChunks(db, 'publications', publications, 50);

  // Everyone was told about each team's latest publication; most have read it.
  const notifications = [];
  for (const team of ['marketing', 'sales'] as const) {
    const l = latest[team];
    if (!l) continue;
    const publishedAt = new Date(now.getTime() - l.daysAgo * DAY).toISOString();
    const title = `${team === 'sales' ? 'Sales' : 'Marketing'} published its top three (#${quarters})`;
    const body = [l.snapshot.items.map((x) => `#${x.rank} ${x.name}`).join(' · '), ...l.changes.slice(0, 3).map((c) => c.message)].join('\n');
    for (const p of demo.people) {
      if (p.key === l.by) continue;
      notifications.push({ id: newId(), workspace_id: demo.workspaceId, member_id: p.memberId, kind: 'publication', title, body, link: '/goals', created_at: publishedAt, read_at: rand() < 0.7 ? publishedAt : null });
    }
  }
  await insertInChunks(db, 'notifications', notifications);

  // Expectations in people's own words, and the awareness quiz, from most of sales and marketing.
  const kindOf = new Map<string, string | null>();
  const matched = (text: string) => {
    if (!kindOf.has(text)) kindOf.set(text, matchKpiKind(text));
    return kindOf.get(text) ?? null;
  };
  const expectations = [];
  const quiz = [];
  for (const p of demo.people) {
    if (p.team === 'leadership') continue;
    const about: 'sales' | 'marketing' = p.team === 'sales' ? 'marketing' : 'sales';
    if (rand() < 0.85) {
      const pool = [...(p.team === 'sales' ? SALES_EXPECT : MARKETING_EXPECT)];
      const n = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < n; i++) {
        const [text] = pool.splice(Math.floor(rand() * pool.length), 1);
        if (text === undefined) break;
        expectations.push({ id: newId(), workspace_id: demo.workspaceId, member_id: p.memberId, about_team: about, rank: i + 1, kind: matched(text), text, created_at: new Date(now.getTime() - (20 + Math.floor(rand() * 300) - i) * DAY).toISOString() });
      }
    }
    const pub = latest[about];
    if (pub && rand() < 0.6) {
      const right = [...pub.kinds];
      const wrong = kpis.filter((k) => k.d.team === about && k.share === 1 && !pub.kinds.has(k.d.kind)).map((k) => k.d.kind);
      const kinds = new Set<string>();
      while (kinds.size < 3) {
        const from = rand() < 0.6 ? right : wrong;
        const k = from[Math.floor(rand() * from.length)];
        if (k !== undefined) kinds.add(k);
      }
      const list = [...kinds];
      quiz.push({ id: newId(), workspace_id: demo.workspaceId, member_id: p.memberId, about_team: about, publication_id: pub.id, kinds: JSON.stringify(list), correct: list.filter((k) => pub.kinds.has(k)).length, answered_at: new Date(now.getTime() - (1 + Math.floor(rand() * 14)) * DAY).toISOString() });
    }
  }
  await insertInChunks(db, 'expectations', expectations);
  await insertInChunks(db, 'quiz_answers', quiz);
}
