// The deals part of the demo workspace (SPEC S8, S7): six fiscal quarters and more of a HubSpot-like CRM — stages of the
// default sales pipeline, HubSpot's original-source values, the demo's account executives as owners (and a rep who
// left, whom no member matches), win and loss reasons — sized to the demo KPIs' story: ~120 opportunities a month,
// a win rate climbing from 20% toward its 25% target, ~$2.3M won a quarter against $2.4M, and marketing's share of
// pipeline growing. Its KPIs measured from deals are then computed from these deals (replacing the goals room's
// generated readings), so the Goals page and the Deals page tell the same numbers.
import type { Db } from '../../db/database.js';
import { CompiledQuery } from 'kysely';
import type { DealsTable } from '../../db/schema/deals.js';
import { newId } from '../../server/ids.js';
import { calendarDate, lastPeriods, localDateOf } from '../../shared/calendar/index.js';
import type { DemoContext, DemoPerson } from '../../shared/contracts/demo.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { seedLargeDealsDemo } from './demo-large.js';
import { DEFAULT_MARKETING_SOURCES, marketingSourceMatcher } from './domain/marketing-source.js';
import { dialectOf, periodOptionsOf, recomputeDealKpis } from './recompute.js';

const OPEN_STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent'] as const;
/** HubSpot's original-source values: the first six count as marketing under the default rule, the rest do not. */
const MARKETING_SOURCES = [['Organic Search', 30], ['Paid Search', 25], ['Email Marketing', 15], ['Referrals', 12], ['Paid Social', 10], ['Organic Social', 8]] as const;
const OTHER_SOURCES = [['Offline Sources', 70], ['Direct Traffic', 20], ['Other Campaigns', 10]] as const;
const WIN_REASONS = ['Clear ROI case signed off by finance', 'Champion in RevOps', 'Native Salesforce integration', 'Faster rollout than the incumbent', 'Security review passed first time', 'Price'];
const LOSS_REASONS = ['Went with a competitor', 'No budget this year', 'No decision — went dark', 'Missing SSO on the plan they needed', 'Price too high', 'Timing: reorganisation'];
const COMPANIES_A = ['Acme', 'Blue Harbor', 'Cedar', 'Driftwood', 'Evergreen', 'Fjord', 'Granite', 'Helios', 'Ironclad', 'Juniper', 'Keystone', 'Lumen', 'Meridian', 'Northgate', 'Oakline', 'Pinnacle', 'Quarry', 'Redwood', 'Summit', 'Tidewater', 'Upland', 'Vantage', 'Westbrook', 'Yellowstone', 'Zephyr'];
const COMPANIES_B = ['Logistics', 'Health', 'Analytics', 'Foods', 'Capital', 'Robotics', 'Energy', 'Retail', 'Labs', 'Insurance', 'Manufacturing', 'Media', 'Software', 'Freight', 'Bank'];
const PRODUCTS = ['Platform annual', 'Team plan', 'Enterprise expansion', 'Pilot', 'Renewal + seats', 'Analytics add-on'];

export interface DemoDealsShape {
  /** How many deals, exactly. */
  total: number;
  /** Days of history: deals are created from this many days ago until today. */
  days: number;
  /** The members who own deals, most of them. */
  owners: readonly DemoPerson[];
  /** Owner names as exported that match no member (a rep who left, a queue). */
  unmatched: readonly string[];
  seed: number;
}

function pick<T>(weighted: ReadonlyArray<readonly [T, number]>, r: number): T {
  const sum = weighted.reduce((a, [, w]) => a + w, 0);
  let x = r * sum;
  for (const [v, w] of weighted) {
    x -= w;
    if (x < 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

/**
 * The demo's deals, generated in order of creation. Per weekday, a share of `total` that grows by half over the
 * history (exactly `total` in all); each deal's amount is log-normal around $19.5k, its cycle shortens and its win
 * chance rises as time goes on; a deal whose close date is still ahead is open, in a stage as far along as it is.
 */
export function* demoDeals(workspaceId: string, today: string, shape: DemoDealsShape, createdAt: string): Generator<DealsTable> {
  const rand = seededRandom(shape.seed);
  const isMarketing = marketingSourceMatcher(DEFAULT_MARKETING_SOURCES);
  const first = calendarDate.addDays(today, -shape.days);
  const dow0 = calendarDate.dayOfWeek(first);
  const weight = (i: number) => ((dow0 + i) % 7 === 0 || (dow0 + i) % 7 === 6 ? 0 : 0.8 + (0.4 * i) / shape.days);
  let sum = 0;
  for (let i = 0; i <= shape.days; i++) sum += weight(i);
  let cumulative = 0;
  let made = 0;
  let n = 0;
  for (let i = 0; i <= shape.days; i++) {
    cumulative += weight(i);
    const upTo = i === shape.days ? shape.total : Math.floor((cumulative / sum) * shape.total);
    const created = calendarDate.addDays(first, i);
    const p = i / shape.days;
    for (; made < upTo; made++) {
      n++;
      const marketing = rand() < 0.14 + 0.06 * p;
      const source = rand() < 0.04 ? null : marketing ? pick(MARKETING_SOURCES, rand()) : pick(OTHER_SOURCES, rand());
      // Log-normal amount (Box–Muller), rounded to $100, between $3k and $400k.
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      const dollars = Math.min(400_000, Math.max(3_000, Math.round((19_500 * Math.exp(0.7 * z)) / 100) * 100));
      const wins = rand() < 0.2 + 0.06 * p;
      const cycle = Math.round(wins ? 45 + rand() * 50 - 12 * p : 20 + rand() * 60);
      const close = calendarDate.addDays(created, cycle);
      const status = close > today ? 'open' : wins ? 'won' : 'lost';
      const elapsed = Math.min(0.99, calendarDate.daysBetween(created, today) / Math.max(1, cycle));
      const old = p < 0.35 && rand() < 0.08;
      const owner = old || shape.owners.length === 0 ? null : shape.owners[Math.floor(rand() * shape.owners.length)]!;
      const ownerName = owner ? owner.name : shape.unmatched[Math.floor(rand() * shape.unmatched.length)] ?? 'Former rep';
      yield {
        id: newId(),
        workspace_id: workspaceId,
        external_id: String(9_000_000_000 + n * 7_919),
        origin: 'demo',
        name: `${COMPANIES_A[Math.floor(rand() * COMPANIES_A.length)]} ${COMPANIES_B[Math.floor(rand() * COMPANIES_B.length)]} — ${PRODUCTS[Math.floor(rand() * PRODUCTS.length)]}`,
        stage: status === 'won' ? 'Closed Won' : status === 'lost' ? 'Closed Lost' : OPEN_STAGES[Math.floor(elapsed * OPEN_STAGES.length)]!,
        status,
        amount: dollars * 100,
        currency: 'USD',
        close_date: close,
        created_date: created,
        owner_name: ownerName,
        owner_member_id: owner?.memberId ?? null,
        pipeline: 'Sales Pipeline',
        source,
        marketing_sourced: isMarketing(source) ? 1 : 0,
        win_reason: status === 'won' ? WIN_REASONS[Math.floor(rand() * WIN_REASONS.length)]! : null,
        loss_reason: status === 'lost' ? LOSS_REASONS[Math.floor(rand() * LOSS_REASONS.length)]! : null,
        last_import_id: null,
        created_at: createdAt,
        updated_at: createdAt,
      };
    }
  }
}

const DEAL_COLUMNS = [
  'id', 'workspace_id', 'external_id', 'origin', 'name', 'stage', 'status', 'amount', 'currency', 'close_date', 'created_date', 'owner_name',
  'owner_member_id', 'pipeline', 'source', 'marketing_sourced', 'win_reason', 'loss_reason', 'last_import_id', 'created_at', 'updated_at',
] as const satisfies ReadonlyArray<keyof DealsTable>;

/** `insert into deals (…) values (…), …` for `rows` rows, written once per dialect and size (the query builder cost more than the insert). */
const insertTexts = new Map<string, string>();
function insertText(dialect: 'sqlite' | 'postgres', rows: number): string {
  const key = `${dialect}:${rows}`;
  let text = insertTexts.get(key);
  if (!text) {
    const width = DEAL_COLUMNS.length;
    const row = (r: number) => `(${DEAL_COLUMNS.map((_, c) => (dialect === 'postgres' ? `$${r * width + c + 1}` : '?')).join(', ')})`;
    text = `insert into deals (${DEAL_COLUMNS.join(', ')}) values ${Array.from({ length: rows }, (_, r) => row(r)).join(', ')}`;
    insertTexts.set(key, text);
  }
  return text;
}

/** Inserts generated deals in multi-row chunks (300 rows, 6,300 parameters) as they come, never holding them all. */
export async function insertDemoDeals(db: Db, deals: Iterable<DealsTable>, chunk = 300): Promise<number> {
  const dialect = dialectOf(db);
  let batch: DealsTable[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const params = batch.flatMap((d) => DEAL_COLUMNS.map((c) => d[c]));
    await db.executeQuery(CompiledQuery.raw(insertText(dialect, batch.length), params));
    count += batch.length;
    batch = [];
  };
  for (const d of deals) {
    batch.push(d);
    if (batch.length === chunk) await flush();
  }
  await flush();
  return count;
}

export async function seedDealsDemo(db: Db, demo: DemoContext): Promise<void> {
  if (demo.size !== 'demo') return seedLargeDealsDemo(db, demo);
  const options = await periodOptionsOf(db, demo.workspaceId);
  const today = localDateOf(demo.now, options.timeZone);
  // The CRM history starts on the first day of the fiscal quarter six quarters back, so every quarter's pipeline is
  // whole (only the first quarter's closed deals ramp up, as a new CRM's do).
  const start = lastPeriods(7, 'quarter', demo.now, options)[0]!.startDate;
  const owners = ['elena', 'jamal', 'elena', 'jamal', 'tom', 'marcus'].map((k) => demo.person(k));
  const days = calendarDate.daysBetween(start, today);
  await insertDemoDeals(db, demoDeals(demo.workspaceId, today, { total: Math.round((days / 30.4) * 122), days, owners, unmatched: ['Chris Morgan'], seed: 20261204 }, demo.now.toISOString()));
  await recomputeDealKpis(db, demo.workspaceId, { now: demo.now });
}
