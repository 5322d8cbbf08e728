// The kernel's routes over the rooms' contracts (STYLE "How rooms meet"): GET /me/todos and GET
// /alignment/signals, through HTTP, with what goals and check-ins report from their own data; and the deal-citations
// contract as the deals room gathers it for GET /deals/:id (messaging's evidence with a wins-shaped provider beside
// it, bounded, one that throws named, one that answers for a deal it was not asked about ignored).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AlignmentSignalsView, TodosView } from '../../src/server/contract-routes.js';
import type { DealDetailView } from '../../src/capabilities/deals/schemas.js';
import type { DealCitation, DealCitationProvider } from '../../src/shared/contracts/deal-citations.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import {
  addMember,
  changedInDb,
  makeActionItem,
  makeKeyPlayers,
  makeKpi,
  makePublishedTeam,
  makeWeeklySeries,
  makeWorkspace,
  markHeldInDb,
  meetingsAround,
  publishTopThree,
  utcDate,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';
import { insertDeals } from '../factories-deals.js';
import { logEvidence, makePain } from '../factories-pains.js';

type Signals = z.infer<typeof AlignmentSignalsView>;
type Todos = z.infer<typeof TodosView>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const signalsOf = async (c: Client) => expectStatus(await c.get<Signals>('/api/v1/alignment/signals'), 200);
const todosOf = async (c: Client) => expectStatus(await c.get<Todos>('/api/v1/me/todos'), 200);
const signal = (s: Signals, key: string) => {
  const found = s.signals.find((x) => x.key === key);
  if (!found) throw new Error(`no signal ${key} in ${s.signals.map((x) => x.key).join(', ')}`);
  return found;
};
const keys = (todos: Todos) => todos.todos.map((x) => x.key);

describe('alignment signals', () => {
  it('an empty workspace has a signal from each room, none with a score', async () => {
    const ws = await makeWorkspace(t);
    const s = await signalsOf(ws.admin);
    expect(s.unavailable).toEqual([]);
    expect(s.signals.map((x) => x.key).sort()).toEqual([
      'checkins.action_items_on_time',
      'checkins.compliance',
      'goals.awareness',
      'goals.comp_alignment',
      'goals.expectations_met',
      'goals.top_three_published',
      'messaging.evidence_logged',
      'messaging.gate_passed',
      'messaging.top_pains_covered',
      'shadowing.completed_vs_expected',
      'shadowing.reflections_written',
      'wins.celebrated_share',
      'wins.collaborative_share',
      'wins.per_week',
    ]);
    for (const x of s.signals) {
      expect(x.score, x.key).toBeNull();
      expect(x.nextStep?.href, x.key).toMatch(/^\/(goals|checkins|messaging|shadowing|wins|settings)/);
    }
    expect(signal(s, 'checkins.compliance')).toMatchObject({ room: 'checkins', strategy: 'checkins', detail: 'No weekly check-in is set up yet.' });
  });

  it('scores from real data: publications, expectations, the quiz, comp and check-ins held', async () => {
    const ws = await makeWorkspace(t);
    const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    const viewer = await addMember(t, ws, { role: 'viewer', team: 'leadership' });
    await makePublishedTeam(salesLead.client, 'sales', { compensated: true, compWeight: 50 });
    await makeKpi(marketingLead.client, { team: 'marketing', rank: 1 });

    let s = await signalsOf(viewer.client);
    expect(signal(s, 'goals.top_three_published')).toMatchObject({ score: 0.5, nextStep: { text: 'Publish the marketing top three', href: '/goals' } });
    expect(signal(s, 'goals.top_three_published').detail).toMatch(/^1 of 2 top threes are published and fresh: sales published today; marketing has not published/);
    expect(signal(s, 'goals.comp_alignment')).toMatchObject({ score: 0 });
    expect(signal(s, 'goals.comp_alignment').detail).toMatch(/Sales has 0% of its comp weight on shared KPIs; marketing is paid on no KPI/);

    await publishTopThree(marketingLead.client, 'marketing');
    // Marketing expects win rate (in sales' top three) and MQLs (not); sales answers the quiz half right.
    expectStatus(await marketingLead.client.request('PUT', '/api/v1/goals/expectations/mine', { body: { items: [{ kind: 'win_rate' }, { kind: 'revenue_closed' }] } }), 200);
    expectStatus(await salesLead.client.post('/api/v1/goals/quiz', { kinds: ['mqls'] }), 200);
    s = await signalsOf(viewer.client);
    expect(signal(s, 'goals.top_three_published')).toMatchObject({ score: 1, nextStep: null });
    expect(signal(s, 'goals.expectations_met')).toMatchObject({ score: 0.5 });
    expect(signal(s, 'goals.expectations_met').detail).toMatch(/^1 of 2 expectations held are in the other team's top three \(50%\)/);
    expect(signal(s, 'goals.awareness').score).toBe(1);
    expect(signal(s, 'goals.awareness').detail).toMatch(/Sales names 100% of marketing's top three \(1 of 1 answered\); marketing has no quiz answers about sales' published top three yet\./);

    // Five past check-ins, the latest two held: weighted toward recent weeks.
    await makeKeyPlayers(ws, [salesLead.member.id, marketingLead.member.id]);
    await makeWeeklySeries(ws.admin, { weeksBack: 4 });
    const { past } = await meetingsAround(ws.admin);
    expect(past).toHaveLength(5);
    for (const m of past.slice(-2)) await markHeldInDb(t, m.id);
    const cadence = signal(await signalsOf(viewer.client), 'checkins.compliance');
    expect(cadence.score).toBeCloseTo((12 + 11) / (12 + 11 + 10 + 9 + 8));
    expect(cadence.detail).toMatch(/^2 of 5 check-ins so far held with quorum \(40%\)/);
    expect(cadence.nextStep?.href).toBe('/checkins');
  });

  it('a room whose provider throws is reported, and the others still answer', async () => {
    const ws = await makeWorkspace(t);
    const failing = { room: 'broken', signals: () => Promise.reject(new Error('boom')), todos: () => Promise.reject(new Error('boom')) };
    t.app.ctx.alignmentSignals.push(failing);
    t.app.ctx.todos.push(failing);
    try {
      const s = await signalsOf(ws.admin);
      expect(s.unavailable).toEqual([{ room: 'broken', message: expect.stringMatching(/^The broken room could not report its alignment signals/) as unknown }]);
      expect(s.signals.length).toBe(14);
      const todos = await todosOf(ws.admin);
      expect(todos.unavailable.map((u) => u.room)).toEqual(['broken']);
    } finally {
      t.app.ctx.alignmentSignals.splice(t.app.ctx.alignmentSignals.indexOf(failing), 1);
      t.app.ctx.todos.splice(t.app.ctx.todos.indexOf(failing), 1);
    }
  });
});

describe('my to-dos', () => {
  let ws: TestWorkspace;
  let salesLead: TestMember;
  let rep: TestMember;
  let marketingLead: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    ws = await makeWorkspace(t);
    salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    rep = await addMember(t, ws, { role: 'member', team: 'sales' });
    marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    viewer = await addMember(t, ws, { role: 'viewer', team: 'sales' });
  });

  it('a lead publishes, and the publish to-do goes; the other team answers the quiz, and that goes too', async () => {
    expect(keys(await todosOf(salesLead.client))).toContain('goals:publish:sales');
    expect(keys(await todosOf(rep.client))).toEqual(['goals:expectations:' + rep.member.id]);
    expect(keys(await todosOf(viewer.client))).toEqual([]);

    await makePublishedTeam(salesLead.client, 'sales', { ownerMemberId: salesLead.member.id });
    const lead = await todosOf(salesLead.client);
    expect(keys(lead)).not.toContain('goals:publish:sales');
    // The lead owns a hand-recorded top-three KPI with no value yet.
    expect(lead.todos.find((x) => x.key.startsWith('goals:kpi-value:'))).toMatchObject({ room: 'goals', title: 'Record the latest value of Win rate' });

    const marketing = await todosOf(marketingLead.client);
    const quiz = marketing.todos.find((x) => x.key.startsWith('goals:quiz:'));
    expect(quiz).toMatchObject({ title: "Take the awareness quiz on sales' top three", href: '/goals/quiz', priority: 'normal' });
    expect(marketing.todos[0]?.key).toBe('goals:publish:marketing'); // high priority first
    expectStatus(await marketingLead.client.post('/api/v1/goals/quiz', { kinds: ['win_rate'] }), 200);
    expectStatus(await marketingLead.client.request('PUT', '/api/v1/goals/expectations/mine', { body: { items: [{ kind: 'win_rate' }] } }), 200);
    const after = keys(await todosOf(marketingLead.client));
    expect(after.filter((k) => k.startsWith('goals:quiz:') || k.startsWith('goals:expectations:'))).toEqual([]);
  });

  it('an action item is a to-do of its owner until done; overdue ones come first', async () => {
    await makeKeyPlayers(ws, [salesLead.member.id, marketingLead.member.id]);
    await makeWeeklySeries(ws.admin, { weeksBack: 1 });
    const { past, upcoming } = await meetingsAround(ws.admin);
    const next = upcoming[0]!.id;
    const later = await makeActionItem(ws.admin, next, { ownerId: rep.member.id, dueDate: utcDate(10), title: 'Send the case study' });
    const yesterday = past[past.length - 1]!.id;
    const late = await makeActionItem(ws.admin, yesterday, { ownerId: rep.member.id, dueDate: utcDate(-1), title: 'Update the battle card' });
    const mine = await todosOf(rep.client);
    const items = mine.todos.filter((x) => x.room === 'checkins');
    expect(items.map((x) => [x.title, x.priority, x.due])).toEqual([
      ['Update the battle card', 'high', utcDate(-1)],
      ['Send the case study', 'normal', utcDate(10)],
    ]);
    expect(items.map((x) => x.href)).toEqual([`/checkins/meetings/${yesterday}`, `/checkins/meetings/${next}`]);
    expect(mine.todos[0]?.key).toBe(`checkins:action-item:${late.id}`);

    expectStatus(await rep.client.patch(`/api/v1/checkins/action-items/${late.id}`, { status: 'done' }), 200);
    expect(keys(await todosOf(rep.client)).filter((k) => k.startsWith('checkins:'))).toEqual([`checkins:action-item:${later.id}`]);

    // Leaders and admins are asked to mark the check-in that ended yesterday held; members are not.
    expect(keys(await todosOf(ws.admin))).toContain(`checkins:mark-held:${yesterday}`);
    expect(keys(await todosOf(rep.client))).not.toContain(`checkins:mark-held:${yesterday}`);
    await markHeldInDb(t, yesterday);
    expect(keys(await todosOf(ws.admin))).not.toContain(`checkins:mark-held:${yesterday}`);
  });

  it('another workspace sees none of the first one’s to-dos or data', async () => {
    const other = await makeWorkspace(t);
    const s = await signalsOf(other.admin);
    expect(s.signals.every((x) => x.score === null)).toBe(true);
    expect((await todosOf(other.admin)).todos).toEqual([]);
  });
});

describe('what cites a deal', () => {
  type Detail = z.infer<typeof DealDetailView>;
  const win = (id: string, date: string): DealCitation => ({ kind: 'win', id, title: `Win ${id}`, excerpt: 'They went live in two weeks.', about: 'Pipeline generated', date, who: 'Rae Rep', href: `/wins/${id}` });

  it("the deals room reads every room's citations through the contract: newest first across rooms, at most 20, the counts added, a room that throws named", async () => {
    const ws = await makeWorkspace(t);
    const seller = await addMember(t, ws, { team: 'sales', name: 'Sam Seller' });
    await insertDeals(t, ws.id, [{ status: 'won', amount: 5_000_00, created: '2026-01-02', closed: '2026-02-02' }]);
    await changedInDb(t);
    const deal = await t.db.kysely.selectFrom('deals').select('id').where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
    const pain = await makePain(seller.client);
    const heard = await logEvidence(seller.client, pain.id, { dealId: deal.id, date: utcDate(-3) });

    const asked: Array<{ workspaceId: string; dealIds: readonly string[]; limit: number }> = [];
    // A wins room as it will answer: 30 wins on this deal, newest two days ago, and one on a deal it was not asked about.
    const wins: DealCitationProvider = {
      room: 'wins',
      citations: async (req) => {
        asked.push(req);
        return [
          { dealId: deal.id, total: 30, items: Array.from({ length: 30 }, (_, i) => win(`w${String(i).padStart(2, '0')}`, utcDate(-2 - i))) },
          { dealId: 'not-asked', total: 1, items: [win('stray', utcDate(0))] },
        ];
      },
    };
    const broken: DealCitationProvider = { room: 'broken', citations: () => Promise.reject(new Error('boom')) };
    t.app.ctx.dealCitations.push(wins, broken);
    try {
      const d = expectStatus(await ws.admin.get<Detail>(`/api/v1/deals/${deal.id}`), 200);
      expect(asked).toEqual([{ workspaceId: ws.id, dealIds: [deal.id], limit: 20 }]);
      expect(d.citedBy.total).toBe(31);
      expect(d.citedBy.items).toHaveLength(20);
      // Two days ago (a win) is newer than three (the evidence), which falls in second; the stray win is not there.
      expect(d.citedBy.items.slice(0, 3).map((c) => [c.room, c.kind, c.id])).toEqual([
        ['wins', 'win', 'w00'],
        ['messaging', 'evidence', heard.id],
        ['wins', 'win', 'w01'],
      ]);
      expect(d.citedBy.items.map((c) => c.id)).not.toContain('stray');
      expect(d.citedBy.unavailable).toEqual([{ room: 'broken', message: 'The broken room could not say what cites this deal just now; the rest is shown without it.' }]);
    } finally {
      for (const p of [wins, broken]) t.app.ctx.dealCitations.splice(t.app.ctx.dealCitations.indexOf(p), 1);
    }
  });
});
