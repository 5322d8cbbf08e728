// The large demo workspace's people (issue 9, decisions 022 and 024): Northwind at about 400 people — the
// fifteen of the small demo plus regional sales teams, marketing groups and a few more leaders — to measure on;
// at another scale (SCALED_DEMOS: fewer regions, smaller groups) the 10x workspace's 150.
// Everything is inserted in multi-row chunks and the demo password is hashed once for everyone.
import type { Db } from '../../db/database.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { inChunks, insertInChunks } from '../../db/insert-in-chunks.js';
import { recordAudit } from '../../server/audit.js';
import { hashPassword } from '../../server/auth.js';
import { newId } from '../../server/ids.js';
import { SCALED_DEMOS, type DemoContext, type DemoPerson, type ScaledDemo, type ScaledDemoSize } from '../../shared/contracts/demo.js';
import type { MemberRow } from './store.js';
import { insertWorkspace } from './store.js';

const DAY = 86_400_000;

type LargeSeat = readonly [key: string, name: string, team: MemberRow['team'], role: MemberRow['role'], fn: string, manager: string | null, keyPlayer: boolean];

const FIRST = ['Ava', 'Ben', 'Carla', 'Diego', 'Emma', 'Farid', 'Gina', 'Hugo', 'Ines', 'Jonas', 'Kara', 'Luca', 'Maya', 'Nils', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Uma', 'Victor', 'Wendy', 'Xavier', 'Yara', 'Zane', 'Alba', 'Bruno', 'Chloe', 'Dev', 'Erin', 'Felix', 'Greta', 'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Milo', 'Nora', 'Oscar', 'Petra', 'Rafael', 'Sara', 'Theo', 'Vera', 'Will', 'Zoe', 'Amir', 'Bianca'];
const LAST = ['Abbott', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fontaine', 'Garcia', 'Horvat', 'Ito', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nakamura', 'Oliveira', 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga', 'Walsh', 'Yilmaz', 'Zhang', 'Andersen', 'Baker', 'Castro', 'Dalton', 'Evans', 'Fischer', 'Gupta', 'Hoffman', 'Ibrahim', 'Jovanovic', 'Keller', 'Lopez', 'Mensah', 'Novak', 'Osei'];

/** The org chart, managers before their reports: the small demo's seats, then everyone else. */
export function largeDemoSeats(seats: readonly LargeSeat[], shape: ScaledDemo = SCALED_DEMOS.large): LargeSeat[] {
  const rand = seededRandom(4_000_400);
  // A group of n at the large scale; at least one person, so every group and its manager exist at any scale.
  const sized = (n: number) => Math.max(1, Math.round(n * shape.groupScale));
  const out: LargeSeat[] = [...seats];
  const taken = new Set(seats.map((s) => s[1]));
  const add = (team: MemberRow['team'], role: MemberRow['role'], fn: string, manager: string | null, keyPlayer = false): string => {
    const pick = (tries: number): string => {
      const first = FIRST[Math.floor(rand() * FIRST.length)] ?? 'Alex';
      const last = LAST[Math.floor(rand() * LAST.length)] ?? 'Smith';
      return tries < 50 ? `${first} ${last}` : `${first} ${last} ${tries}`;
    };
    let tries = 0;
    let name = pick(tries);
    while (taken.has(name)) name = pick(++tries);
    taken.add(name);
    const key = name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
    out.push([key, name, team, role, fn, manager, keyPlayer]);
    return key;
  };

  // Leadership: the CRO's staff and the finance and operations leaders who read the numbers.
  add('leadership', 'viewer', 'CFO', 'ruth');
  add('leadership', 'viewer', 'COO', 'ruth');
  const revops = add('leadership', 'admin', 'VP Revenue operations', 'dana', true);
  add('leadership', 'member', 'Chief of staff', 'dana');
  add('leadership', 'viewer', 'Finance director', 'ruth');
  for (let i = 0; i < sized(4); i++) add('leadership', 'member', 'RevOps analyst', revops);
  add('leadership', 'member', 'Data analyst', revops);
  const enablement = add('leadership', 'leader', 'Enablement lead', 'dana');
  add('leadership', 'member', 'Enablement', enablement);

  // Sales: the regions' AEs and SDRs, a solutions engineering team, sales ops and partners.
  const regions = shape.regions;
  for (const [region, managers] of regions) {
    const director = add('sales', 'leader', `Regional sales director, ${region}`, 'marcus', true);
    for (let m = 0; m < managers; m++) {
      // Tom (from the small demo) is one of NA East's managers, with his four reps already seated.
      const isTom = region === 'NA East' && m === 0;
      const manager = isTom ? 'tom' : add('sales', 'leader', `Sales manager, ${region}`, director);
      const reps = isTom ? 5 : 9;
      for (let r = 0; r < reps; r++) add('sales', 'member', r % 3 === 2 ? `SDR, ${region}` : `Account executive, ${region}`, manager);
    }
  }
  const se = add('sales', 'leader', 'Solutions engineering manager', 'marcus', true);
  for (let i = 0; i < sized(12); i++) add('sales', 'member', 'Solutions engineer', se);
  const salesOps = add('sales', 'leader', 'Sales operations manager', 'marcus');
  for (let i = 0; i < sized(5); i++) add('sales', 'member', 'Sales operations', salesOps);
  const channel = add('sales', 'leader', 'Partner sales manager', 'marcus');
  for (let i = 0; i < sized(5); i++) add('sales', 'member', 'Partner account manager', channel);
  for (let i = 0; i < sized(3); i++) add('sales', 'member', 'Sales enablement', enablement);

  // Marketing: demand gen under Noah, product marketing, content and brand, ops, field, web and partners.
  for (let m = 0; m < 5; m++) {
    const manager = add('marketing', 'leader', ['Paid media manager', 'Email marketing manager', 'Events manager', 'Demand gen manager', 'ABM manager'][m] ?? 'Demand gen manager', 'noah');
    for (let i = 0; i < sized(7); i++) add('marketing', 'member', ['Paid media', 'Email marketing', 'Events', 'Demand gen', 'ABM'][m] ?? 'Demand gen', manager);
  }
  const pmm = add('marketing', 'leader', 'Director of product marketing', 'priya', true);
  for (let m = 0; m < 2; m++) {
    const manager = add('marketing', 'leader', 'Product marketing manager', pmm);
    for (let i = 0; i < sized(5); i++) add('marketing', 'member', 'Product marketing', manager);
  }
  const content = add('marketing', 'leader', 'Director of content and brand', 'priya', true);
  for (const fn of ['Content', 'Design', 'Video']) {
    const manager = add('marketing', 'leader', `${fn} lead`, content);
    for (let i = 0; i < sized(6); i++) add('marketing', 'member', fn, manager);
  }
  const mops = add('marketing', 'leader', 'Marketing operations manager', 'priya');
  for (let i = 0; i < sized(6); i++) add('marketing', 'member', 'Marketing ops', mops);
  for (const [region] of regions) {
    const field = add('marketing', 'leader', `Field marketing manager, ${region}`, 'priya', region === 'EMEA');
    for (let i = 0; i < sized(2); i++) add('marketing', 'member', `Field marketing, ${region}`, field);
  }
  const web = add('marketing', 'leader', 'Growth and web manager', 'priya');
  for (let i = 0; i < sized(5); i++) add('marketing', 'member', 'Web and growth', web);
  const partner = add('marketing', 'leader', 'Partner marketing manager', 'priya');
  for (let i = 0; i < sized(5); i++) add('marketing', 'member', 'Partner marketing', partner);
  return out;
}

export async function seedLargeDemoPeople(
  db: Db,
  now: Date,
  size: ScaledDemoSize,
  small: { seats: readonly LargeSeat[]; holidays: Array<{ date: string; name: string }>; password: string },
): Promise<DemoContext> {
  const shape = SCALED_DEMOS[size];
  const timeZone = 'America/New_York';
  const ws = await insertWorkspace(db, { name: shape.workspaceName, timeZone, isDemo: true });
  // Northwind has been around for the years of history the rooms add.
  const founded = new Date(now.getTime() - (shape.years * 365 + 30) * DAY).toISOString();
  await db
    .updateTable('workspaces')
    .set({ holidays: JSON.stringify(small.holidays), fiscal_year_start_month: 2, created_at: founded })
    .where('id', '=', ws.id)
    .execute();

  const seats = largeDemoSeats(small.seats, shape);
  // One argon2 hash for everyone: they all sign in with the demo password.
  const passwordHash = await hashPassword(small.password);
  const emailOf = (key: string) => `${key}@northwind.example`;
  const userIds = new Map<string, string>();
  for (const part of inChunks(seats.map((s) => emailOf(s[0])))) {
    for (const u of await db.selectFrom('users').select(['id', 'email']).where('email', 'in', part).execute()) userIds.set(u.email, u.id);
  }
  const newUsers = seats
    .filter((s) => !userIds.has(emailOf(s[0])))
    .map(([key, name]) => {
      const row = { id: newId(), email: emailOf(key), name, password_hash: passwordHash, time_zone: timeZone, setup_workspace_id: null, last_workspace_id: null, created_at: founded };
      userIds.set(row.email, row.id);
      return row;
    });
  await insertInChunks(db, 'users', newUsers);

  const people: DemoPerson[] = [];
  const byKey = new Map<string, DemoPerson>();
  const members: MemberRow[] = [];
  for (const [key, name, team, role, fn, manager, keyPlayer] of seats) {
    const userId = userIds.get(emailOf(key)) ?? '';
    const p: DemoPerson = { key, memberId: newId(), userId, name, team, role, function: fn, keyPlayer };
    members.push({
      id: p.memberId,
      workspace_id: ws.id,
      user_id: userId,
      role,
      team,
      function: fn,
      manager_id: manager ? (byKey.get(manager)?.memberId ?? null) : null,
      key_player: keyPlayer ? 1 : 0,
      active: 1,
      joined_at: founded,
      invited_name: null,
      getting_started_dismissed_at: null,
      created_at: founded,
      updated_at: founded,
    });
    people.push(p);
    byKey.set(key, p);
  }
  // Managers come before their reports, so each chunk's manager_id points at a row already inserted.
  await insertInChunks(db, 'members', members);

  await recordAudit(db, { workspaceId: ws.id, actorMemberId: byKey.get('dana')?.memberId ?? null, action: 'workspace.created', entityType: 'workspace', entityId: ws.id, after: { name: ws.name, demo: true, size } });
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
