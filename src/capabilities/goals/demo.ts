// The goals part of the demo workspace (SPEC S8, S1): both teams' KPIs with a year of weekly values,
// two publications each, a shared KPI, expectations that show a real gap, and quiz answers.
// The story: marketing moved its top three from lead volume to lead quality, but most of sales still
// expects "more leads" from marketing — the gap the article warns about.
import type { Db } from '../../db/database.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { newId } from '../../server/ids.js';
import { periodOf, type PeriodOptions } from '../../shared/calendar/index.js';
import { SCALED_DEMOS, type DemoContext } from '../../shared/contracts/demo.js';
import { buildPublicationSnapshot, catalogKind, diffPublications, matchKpiKind, type Kpi, type PublicationSnapshot } from './domain/index.js';
import { seedLargeGoalsDemo } from './demo-large.js';
import { CURRENCY } from './presenters.js';

const DAY = 86_400_000;
const $ = (dollars: number) => Math.round(dollars * 100);

export interface DemoKpi {
  key: string;
  team: 'sales' | 'marketing';
  kind: string;
  name: string;
  measurement: string;
  dataSource: Kpi['dataSource'];
  period: Kpi['targetPeriod'];
  target: number;
  baseline: number;
  owner: string;
  compensated: boolean;
  compWeight: number;
  rank: number | null;
  shared?: boolean;
  /** A weekly reading: week index 0 = a year ago … 52 = this week; r is a 0–1 random number. */
  weekly: (week: number, r: number) => number;
}

const KPIS: DemoKpi[] = [
  { key: 'msp', team: 'marketing', kind: 'marketing_sourced_pipeline', name: 'Marketing-sourced pipeline', measurement: 'Sum of opportunity amounts created this quarter whose original source is a marketing channel (HubSpot "Original source"), at creation.', dataSource: 'deals', period: 'quarter', target: $(1_800_000), baseline: $(1_350_000), owner: 'noah', compensated: true, compWeight: 50, rank: 1, shared: true, weekly: (w, r) => $(95_000 + w * 1_200 + r * 40_000) },
  { key: 'mqlsal', team: 'marketing', kind: 'mql_to_sal_rate', name: 'MQL→SAL acceptance rate', measurement: 'MQLs accepted by an SDR within 5 working days ÷ MQLs handed over in the month.', dataSource: 'csv', period: 'month', target: 70, baseline: 52, owner: 'omar', compensated: true, compWeight: 30, rank: 2, weekly: (w, r) => 50 + w * 0.35 + r * 8 },
  { key: 'engagement', team: 'marketing', kind: 'content_engagement', name: 'Content engagement', measurement: 'Engaged sessions (≥ 45 s or 2 pages) on blog, case studies and webinars, per month, from GA4.', dataSource: 'manual', period: 'month', target: 12_000, baseline: 9_000, owner: 'mei', compensated: false, compWeight: 0, rank: 3, weekly: (w, r) => Math.round(2_300 + w * 12 + r * 600) },
  { key: 'mqls', team: 'marketing', kind: 'mqls', name: 'MQLs', measurement: 'Contacts reaching lead score 65 in HubSpot for the first time, de-duplicated by company.', dataSource: 'csv', period: 'month', target: 450, baseline: 380, owner: 'aisha', compensated: true, compWeight: 20, rank: null, weekly: (w, r) => Math.round(88 + w * 0.4 + r * 30) },
  { key: 'revenue', team: 'sales', kind: 'revenue_closed', name: 'Revenue closed', measurement: 'Sum of closed-won amounts (first-year ACV) with a close date in the quarter, from Salesforce.', dataSource: 'deals', period: 'quarter', target: $(2_400_000), baseline: $(1_900_000), owner: 'marcus', compensated: true, compWeight: 60, rank: 1, weekly: (w, r) => $(100_000 + w * 900 + r * 50_000) },
  { key: 'winrate', team: 'sales', kind: 'win_rate', name: 'Win rate', measurement: 'Closed-won ÷ (closed-won + closed-lost) for opportunities past stage 2, trailing 90 days.', dataSource: 'deals', period: 'month', target: 25, baseline: 21, owner: 'tom', compensated: true, compWeight: 40, rank: 2, weekly: (w, r) => 20 + w * 0.08 + r * 4 },
  { key: 'response', team: 'sales', kind: 'lead_response_time', name: 'Lead response time', measurement: 'Median business hours from MQL hand-over to the first logged SDR touch.', dataSource: 'csv', period: 'month', target: 4, baseline: 9, owner: 'sofia', compensated: false, compWeight: 0, rank: 3, weekly: (w, r) => Math.max(2, 10 - w * 0.11 + r * 2) },
  { key: 'sqls', team: 'sales', kind: 'sqls', name: 'SQLs', measurement: 'Opportunities created by SDRs and accepted by an AE at discovery, per month.', dataSource: 'deals', period: 'month', target: 120, baseline: 95, owner: 'tom', compensated: false, compWeight: 0, rank: null, weekly: (w, r) => Math.round(24 + w * 0.1 + r * 8) },
];

function toKpi(d: DemoKpi, id: string, overrides: Partial<Kpi> = {}): Kpi {
  const kind = catalogKind(d.kind);
  if (!kind) throw new Error(`Demo KPI kind ${d.kind} is not in the catalog`);
  return {
    id,
    team: d.team,
    name: d.name,
    kindId: d.kind,
    unit: kind.unit,
    direction: kind.direction,
    measurement: d.measurement,
    dataSource: d.dataSource,
    target: d.target,
    targetPeriod: d.period,
    baseline: d.baseline,
    compensated: d.compensated,
    compWeight: d.compWeight,
    rank: d.rank,
    shared: d.shared ?? false,
    ...overrides,
  };
}

/** A demo KPI's row, as both demo sizes store it. */
export type DemoKpiRow = typeof demoKpiRow;
function demoKpiRow(d: DemoKpi, k: Kpi, at: { workspaceId: string; ownerId: string; proposerId: string; createdAt: string }) {
  return {
    id: k.id,
    workspace_id: at.workspaceId,
    team: d.team,
    name: d.name,
    kind: d.kind,
    unit: k.unit,
    direction: k.direction,
    measurement: d.measurement,
    data_source: d.dataSource,
    period: d.period,
    target: d.target,
    baseline: d.baseline,
    owner_member_id: at.ownerId,
    compensated: d.compensated ? 1 : 0,
    comp_weight: d.compWeight,
    rank: d.rank,
    shared: d.shared ? 1 : 0,
    shared_proposed_by: d.shared ? at.proposerId : null,
    archived_at: null,
    created_at: at.createdAt,
    updated_at: at.createdAt,
  };
}

export async function seedGoalsDemo(db: Db, demo: DemoContext): Promise<void> {
  if (demo.size !== 'demo') return seedLargeGoalsDemo(db, demo, SCALED_DEMOS[demo.size], { kpis: KPIS, toKpi, kpiRow: demoKpiRow });
  const w = await db.selectFrom('workspaces').select(['time_zone', 'week_start', 'fiscal_year_start_month']).where('id', '=', demo.workspaceId).executeTakeFirstOrThrow();
  const options: PeriodOptions = { timeZone: w.time_zone, weekStart: w.week_start, fiscalYearStartMonth: w.fiscal_year_start_month };
  const now = demo.now;
  const ids = new Map<string, string>();
  const rand = seededRandom(20261126);

  for (const d of KPIS) {
    const id = newId();
    ids.set(d.key, id);
    const k = toKpi(d, id);
    const created = new Date(now.getTime() - 380 * DAY).toISOString();
    await db.insertInto('kpis').values(demoKpiRow(d, k, { workspaceId: demo.workspaceId, ownerId: demo.person(d.owner).memberId, proposerId: demo.person('priya').memberId, createdAt: created })).execute();
    // A year of weekly readings, dated at each week's first day (the current week included).
    const rows = [];
    for (let week = 0; week <= 52; week++) {
      const date = periodOf('week', new Date(now.getTime() - (52 - week) * 7 * DAY), options).startDate;
      const raw = d.weekly(week, rand());
      const value = catalogKind(d.kind)?.unit === 'count' || catalogKind(d.kind)?.unit === 'currency' ? Math.round(raw) : Math.round(raw * 10) / 10;
      rows.push({ id: newId(), workspace_id: demo.workspaceId, kpi_id: id, date, value, source: d.dataSource === 'manual' ? ('manual' as const) : ('csv' as const), note: null, recorded_by: demo.person(d.owner).memberId, created_at: new Date(now.getTime() - (52 - week) * 7 * DAY).toISOString() });
    }
    await db.insertInto('kpi_values').values(rows).execute();
  }

  // Two publications per team: the first set the old priorities, the second is today's top three.
  const history: Record<'sales' | 'marketing', Array<{ daysAgo: number; kpis: Kpi[]; by: string; note: string }>> = {
    marketing: [
      {
        daysAgo: 150,
        by: 'priya',
        note: 'H1 plan: volume first.',
        kpis: KPIS.filter((d) => d.team === 'marketing').map((d) => {
          const id = ids.get(d.key) ?? '';
          if (d.key === 'mqls') return toKpi(d, id, { rank: 1, compWeight: 50 });
          if (d.key === 'msp') return toKpi(d, id, { rank: 2, compWeight: 50, shared: false, target: $(1_500_000) });
          if (d.key === 'mqlsal') return toKpi(d, id, { rank: null, compensated: false, compWeight: 0 });
          return toKpi(d, id);
        }),
      },
      { daysAgo: 21, by: 'priya', note: 'Quality over volume: we are paid on pipeline that sales accepts.', kpis: KPIS.filter((d) => d.team === 'marketing').map((d) => toKpi(d, ids.get(d.key) ?? '')) },
    ],
    sales: [
      {
        daysAgo: 120,
        by: 'marcus',
        note: 'FY plan.',
        kpis: KPIS.filter((d) => d.team === 'sales').map((d) => {
          const id = ids.get(d.key) ?? '';
          if (d.key === 'winrate') return toKpi(d, id, { target: 22 });
          if (d.key === 'sqls') return toKpi(d, id, { rank: 3 });
          if (d.key === 'response') return toKpi(d, id, { rank: null });
          return toKpi(d, id);
        }),
      },
      { daysAgo: 30, by: 'marcus', note: 'Speed to lead is now a top-three goal; win-rate target up.', kpis: KPIS.filter((d) => d.team === 'sales').map((d) => toKpi(d, ids.get(d.key) ?? '')) },
    ],
  };
  for (const team of ['marketing', 'sales'] as const) {
    let previous: PublicationSnapshot | null = null;
    for (const [i, h] of history[team].entries()) {
      const publishedAt = new Date(now.getTime() - h.daysAgo * DAY).toISOString();
      const snapshot = buildPublicationSnapshot(h.kpis, { team, number: i + 1, publishedAt, currency: CURRENCY });
      const changes = diffPublications(previous, snapshot);
      await db
        .insertInto('publications')
        .values({ id: newId(), workspace_id: demo.workspaceId, team, number: i + 1, published_by: demo.person(h.by).memberId, published_at: publishedAt, note: h.note, snapshot: JSON.stringify(snapshot), diff: JSON.stringify(changes) })
        .execute();
      previous = snapshot;
      // Everyone was told about the latest publication when it went out; those older than a week have been read.
      if (i === history[team].length - 1) {
        const title = `${team === 'sales' ? 'Sales' : 'Marketing'} published its top three (#${i + 1})`;
        const body = [snapshot.items.map((x) => `#${x.rank} ${x.name}`).join(' · '), ...changes.slice(0, 3).map((c) => c.message)].join('\n');
        await db
          .insertInto('notifications')
          .values(
            demo.people
              .filter((p) => p.key !== h.by)
              .map((p) => ({ id: newId(), workspace_id: demo.workspaceId, member_id: p.memberId, kind: 'publication', title, body, link: '/goals', created_at: publishedAt, read_at: h.daysAgo > 25 ? publishedAt : null })),
          )
          .execute();
      }
    }
  }

  // What each person expects the other team to be working on, in their own words.
  const expectations: Record<string, { about?: 'sales' | 'marketing'; items: string[] }> = {
    marcus: { items: ['MQL volume', 'Marketing-sourced pipeline', 'Content engagement'] },
    tom: { items: ['lead gen', 'pipeline', 'events'] },
    elena: { items: ['more leads', 'case studies for enterprise deals'] },
    jamal: { items: ['lead volume', 'Marketing-sourced pipeline'] },
    sofia: { items: ['MQLs', 'lead quality'] },
    ben: { items: ['lead generation', 'webinars'] },
    grace: { items: ['Marketing-sourced pipeline', 'MQL to SAL acceptance rate'] },
    priya: { items: ['Revenue closed', 'Win rate', 'lead response time'] },
    noah: { items: ['follow-up speed on leads', 'SQLs', 'Revenue closed'] },
    aisha: { items: ['SQLs', 'win rate'] },
    liam: { items: ['Win rate', 'average deal size'] },
    mei: { items: ['revenue', 'pipeline coverage'] },
    omar: { items: ['MQL to SAL acceptance rate', 'lead response time'] },
  };
  for (const [key, e] of Object.entries(expectations)) {
    const p = demo.person(key);
    const about = e.about ?? (p.team === 'sales' ? 'marketing' : 'sales');
    await db
      .insertInto('expectations')
      .values(e.items.map((text, i) => ({ id: newId(), workspace_id: demo.workspaceId, member_id: p.memberId, about_team: about, rank: i + 1, kind: matchKpiKind(text), text, created_at: new Date(now.getTime() - (20 - i) * DAY).toISOString() })))
      .execute();
  }

  // The awareness check: who could name the other team's current top three.
  const quiz: Record<string, string[]> = {
    marcus: ['marketing_sourced_pipeline', 'mql_to_sal_rate', 'content_engagement'],
    tom: ['mqls', 'marketing_sourced_pipeline', 'content_engagement'],
    elena: ['mqls', 'pipeline_generated', 'content_engagement'],
    sofia: ['mqls', 'mql_to_sal_rate', 'cac'],
    grace: ['marketing_sourced_pipeline', 'mql_to_sal_rate', 'mqls'],
    priya: ['revenue_closed', 'win_rate', 'lead_response_time'],
    noah: ['revenue_closed', 'win_rate', 'sqls'],
    liam: ['revenue_closed', 'average_deal_size', 'win_rate'],
    aisha: ['sqls', 'win_rate', 'pipeline_generated'],
  };
  for (const [key, kinds] of Object.entries(quiz)) {
    const p = demo.person(key);
    const about = p.team === 'sales' ? 'marketing' : 'sales';
    const pub = await db.selectFrom('publications').select(['id', 'snapshot']).where('workspace_id', '=', demo.workspaceId).where('team', '=', about).orderBy('number', 'desc').limit(1).executeTakeFirstOrThrow();
    const published = new Set((JSON.parse(pub.snapshot) as PublicationSnapshot).items.map((i) => i.kindId));
    await db
      .insertInto('quiz_answers')
      .values({ id: newId(), workspace_id: demo.workspaceId, member_id: p.memberId, about_team: about, publication_id: pub.id, kinds: JSON.stringify(kinds), correct: kinds.filter((k) => published.has(k)).length, answered_at: new Date(now.getTime() - 7 * DAY).toISOString() })
      .execute();
  }
}
