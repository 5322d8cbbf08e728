// The demo workspace's people (SPEC S8): a company with a sales team, a marketing team and leadership.
// Other capabilities add their own demo data on top, through DemoContext (src/shared/contracts/demo.ts).
import type { Db } from '../../db/database.js';
import { recordAudit } from '../../server/audit.js';
import { hashPassword } from '../../server/auth.js';
import type { DemoContext, DemoPerson, DemoSize } from '../../shared/contracts/demo.js';
import { seedLargeDemoPeople } from './demo-large.js';
import type { MemberRow } from './store.js';
import { insertMember, insertUser, insertWorkspace } from './store.js';

export const DEMO_EMAIL = 'dana@northwind.example';
export const DEMO_PASSWORD = 'lockstep-demo';

export type Seat = [key: string, name: string, team: MemberRow['team'], role: MemberRow['role'], fn: string, manager: string | null, keyPlayer: boolean];

// Everyone signs in with DEMO_PASSWORD; dana (CRO, admin) is the one the README names.
export const SEATS: Seat[] = [
  ['dana', 'Dana Whitfield', 'leadership', 'admin', 'CRO', null, true],
  ['marcus', 'Marcus Chen', 'sales', 'leader', 'VP Sales', 'dana', true],
  ['priya', 'Priya Raman', 'marketing', 'leader', 'VP Marketing', 'dana', true],
  ['tom', 'Tom Okafor', 'sales', 'leader', 'Sales manager', 'marcus', true],
  ['elena', 'Elena Petrova', 'sales', 'member', 'Account executive', 'tom', true],
  ['jamal', 'Jamal Hughes', 'sales', 'member', 'Account executive', 'tom', false],
  ['sofia', 'Sofia Alvarez', 'sales', 'member', 'SDR', 'tom', false],
  ['ben', 'Ben Larsen', 'sales', 'member', 'SDR', 'tom', false],
  ['grace', 'Grace Kim', 'sales', 'member', 'Solutions engineer', 'marcus', false],
  ['noah', 'Noah Brennan', 'marketing', 'leader', 'Demand gen lead', 'priya', true],
  ['aisha', 'Aisha Bello', 'marketing', 'member', 'Demand gen', 'noah', false],
  ['liam', 'Liam Fischer', 'marketing', 'member', 'Product marketing', 'priya', true],
  ['mei', 'Mei Tanaka', 'marketing', 'member', 'Content', 'priya', false],
  ['omar', 'Omar Haddad', 'marketing', 'member', 'Marketing ops', 'noah', false],
  ['ruth', 'Ruth Gallagher', 'leadership', 'viewer', 'CEO', null, false],
];

export async function seedDemoPeople(db: Db, now: Date, size: DemoSize = 'demo'): Promise<DemoContext> {
  if (size !== 'demo') return seedLargeDemoPeople(db, now, size, { seats: SEATS, holidays: usHolidays(now.getUTCFullYear()), password: DEMO_PASSWORD });
  const timeZone = 'America/New_York';
  const ws = await insertWorkspace(db, { name: 'Northwind Analytics', timeZone, isDemo: true });
  await db
    .updateTable('workspaces')
    .set({
      holidays: JSON.stringify(usHolidays(now.getUTCFullYear())),
      fiscal_year_start_month: 2,
    })
    .where('id', '=', ws.id)
    .execute();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people: DemoPerson[] = [];
  const byKey = new Map<string, DemoPerson>();
  for (const [key, name, team, role, fn, manager, keyPlayer] of SEATS) {
    const email = `${key}@northwind.example`;
    const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    const userId = existing?.id ?? (await insertUser(db, { email, name, passwordHash, timeZone })).id;
    const m = await insertMember(db, {
      workspaceId: ws.id,
      userId,
      role,
      team,
      function: fn,
      managerId: manager ? (byKey.get(manager)?.memberId ?? null) : null,
      keyPlayer,
    });
    const p: DemoPerson = { key, memberId: m.id, userId, name, team, role, function: fn, keyPlayer };
    people.push(p);
    byKey.set(key, p);
  }
  const dana = byKey.get('dana');
  await recordAudit(db, { workspaceId: ws.id, actorMemberId: dana?.memberId ?? null, action: 'workspace.created', entityType: 'workspace', entityId: ws.id, after: { name: ws.name, demo: true } });
  return {
    workspaceId: ws.id,
    timeZone,
    now,
    size,
    people,
    person(key) {
      const p = byKey.get(key);
      if (!p) throw new Error(`No demo person ${key}`);
      return p;
    },
  };
}

export function usHolidays(year: number): Array<{ date: string; name: string }> {
  const list: Array<{ date: string; name: string }> = [];
  for (const y of [year - 1, year, year + 1]) {
    list.push(
      { date: `${y}-01-01`, name: "New Year's Day" },
      { date: `${y}-07-04`, name: 'Independence Day' },
      { date: `${y}-12-25`, name: 'Christmas Day' },
      { date: `${y}-12-26`, name: 'Company day off' },
    );
  }
  return list;
}
