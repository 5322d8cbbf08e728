// Knowing the other team's goals through HTTP (SPEC S1): expectations and the expectation gap, the
// awareness quiz, comp alignment, and the Goals overview of the demo workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AwarenessView, CompAlignmentView, ExpectationGapView, ExpectationsView, GoalsOverviewView, QuizResultView } from '../../src/capabilities/goals/schemas.js';
import { DEMO_PASSWORD } from '../../src/capabilities/workspaces/demo.js';
import { seedDemo } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse, type Client } from '../helpers/client.js';
import { addMember, makeKpi, makeWorkspace, publishTopThree, type KpiView, type TestMember, type TestWorkspace } from '../factories.js';

type Expectations = z.infer<typeof ExpectationsView>;
type Gap = z.infer<typeof ExpectationGapView>;
type QuizResult = z.infer<typeof QuizResultView>;
type Awareness = z.infer<typeof AwarenessView>;
type Comp = z.infer<typeof CompAlignmentView>;
type Overview = z.infer<typeof GoalsOverviewView>;

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const putMine = (c: Client, body: unknown): Promise<ApiResponse<Expectations>> => c.request<Expectations>('PUT', '/api/v1/goals/expectations/mine', { body });

describe('expectations, the expectation gap and the awareness quiz', () => {
  // Known team sizes: sales has 3 active members, marketing 2; the admin and a viewer are in leadership.
  let ws: TestWorkspace;
  let salesLead: TestMember;
  let rep1: TestMember;
  let rep2: TestMember;
  let marketingLead: TestMember;
  let marketer: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    ws = await makeWorkspace(t);
    salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    rep1 = await addMember(t, ws, { role: 'member', team: 'sales' });
    rep2 = await addMember(t, ws, { role: 'member', team: 'sales' });
    marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    marketer = await addMember(t, ws, { role: 'member', team: 'marketing' });
    viewer = await addMember(t, ws, { role: 'viewer', team: 'leadership' });
  });

  it('a member says what they expect; free text that names a catalog kind is matched to it', async () => {
    const saved = expectStatus(await putMine(rep1.client, { items: [{ text: 'lead gen' }, { kind: 'marketing_sourced_pipeline' }] }), 200);
    expect(saved).toEqual({
      aboutTeam: 'marketing',
      items: [
        { rank: 1, kind: 'mqls', kindName: 'MQLs', text: 'lead gen' },
        { rank: 2, kind: 'marketing_sourced_pipeline', kindName: 'Marketing-sourced pipeline', text: 'Marketing-sourced pipeline' },
      ],
    });
    expect(expectStatus(await rep1.client.get<Expectations>('/api/v1/goals/expectations/mine'), 200)).toEqual(saved);
    expectStatus(await putMine(rep2.client, { items: [{ kind: 'mqls' }] }), 200);
    const free = expectStatus(await putMine(salesLead.client, { items: [{ text: 'more case studies' }] }), 200);
    expect(free.items).toEqual([{ rank: 1, kind: null, kindName: null, text: 'more case studies' }]);
    // Replacing is the whole list: saving again keeps one set.
    expect(expectStatus(await putMine(salesLead.client, { items: [{ text: 'more case studies' }] }), 200).items).toHaveLength(1);
  });

  it('bad expectations are refused: leadership without aboutTeam, the wrong team, an unknown kind, too many; viewers read only', async () => {
    const noTeam = await putMine(ws.admin, { items: [{ kind: 'mqls' }] });
    expect(noTeam.status).toBe(400);
    expect(noTeam.error?.message).toBe('Say which team this is about: aboutTeam "sales" or "marketing".');
    const wrongTeam = await putMine(rep1.client, { aboutTeam: 'sales', items: [{ kind: 'win_rate' }] });
    expect(wrongTeam.status).toBe(400);
    expect(wrongTeam.error?.message).toMatch(/As a sales member you answer about marketing/);
    const unknown = await putMine(rep1.client, { items: [{ kind: 'vibes' }] });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toMatch(/Unknown KPI kind "vibes"/);
    expect((await putMine(rep1.client, { items: Array.from({ length: 6 }, () => ({ kind: 'mqls' })) })).status).toBe(400);
    expect((await putMine(rep1.client, { items: [{}] })).status).toBe(400);
    expect((await putMine(viewer.client, { aboutTeam: 'sales', items: [{ kind: 'win_rate' }] })).status).toBe(403);
    // Nothing of rep1's was lost.
    expect(expectStatus(await rep1.client.get<Expectations>('/api/v1/goals/expectations/mine'), 200).items.map((i) => i.kind)).toEqual(['mqls', 'marketing_sourced_pipeline']);
    // Leadership may answer when it says which team.
    expect(expectStatus(await putMine(ws.admin, { aboutTeam: 'sales', items: [{ kind: 'win_rate' }] }), 200).aboutTeam).toBe('sales');
  });

  it('before the other team publishes, the gap says nobody knows; the quiz has nothing to score against', async () => {
    const gap = expectStatus(await viewer.client.get<Gap>('/api/v1/goals/expectation-gap'), 200);
    expect(gap.rows[0]?.sentence).toBe('2 of 3 sales members expect MQLs from marketing — marketing has not published its top three, so nobody knows whether it is being worked on.');
    const quiz = await rep1.client.post('/api/v1/goals/quiz', { kinds: ['mqls'] });
    expect(quiz.status).toBe(400);
    expect(quiz.error?.message).toBe('Marketing has not published its top three yet, so there is nothing to name.');
  });

  it('once marketing publishes without MQLs, the gap says so plainly', async () => {
    const lead = marketingLead.client;
    await makeKpi(lead, { team: 'marketing', name: 'Marketing-sourced pipeline', kind: 'marketing_sourced_pipeline', rank: 1 });
    await makeKpi(lead, { team: 'marketing', name: 'MQL→SAL acceptance rate', kind: 'mql_to_sal_rate', rank: 2 });
    await makeKpi(lead, { team: 'marketing', name: 'Content engagement', kind: 'content_engagement', rank: 3 });
    await publishTopThree(lead, 'marketing');

    const gap = expectStatus(await rep2.client.get<Gap>('/api/v1/goals/expectation-gap'), 200);
    const sales = gap.rows.filter((r) => r.holderTeam === 'sales');
    expect(sales.map((r) => r.sentence)).toEqual([
      '2 of 3 sales members expect MQLs from marketing — it is not in marketing\'s top three, so it is not being worked on.',
      '1 of 3 sales members expects “more case studies” from marketing — not matched to a KPI yet; choose the KPI it means.',
      '1 of 3 sales members expects Marketing-sourced pipeline from marketing — it is in marketing\'s top three.',
    ]);
    expect(sales[0]).toMatchObject({ aboutTeam: 'marketing', kindId: 'mqls', label: 'MQLs', holders: 2, teamSize: 3, inTopThree: false });
    // The admin (leadership) said what it expects of sales, which has not published.
    expect(gap.rows.filter((r) => r.holderTeam === 'leadership').map((r) => [r.aboutTeam, r.label, r.inTopThree])).toEqual([['sales', 'Win rate', false]]);
    // Held expectations: rep1 ×2, rep2, the admin are matched (4), one of them met; the sales lead's case studies are
    // not matched to a KPI, so they are neither met nor a gap. The headline counts the same as the lists.
    expect(gap.held).toEqual({ met: 1, gaps: 3, unmatched: 1 });
    expect(gap.shareMet).toBeCloseTo(1 / 4);
    expect(gap.summary).toBe("1 of 4 expectations held are in the other team's top three (25%); 1 more is not matched to a KPI yet.");
    expect([gap.gaps, gap.met, gap.unmatched]).toEqual([2, 1, 1]);
  });

  it('the quiz is scored against the latest publication; awareness is the mean of each member’s latest answer', async () => {
    const first = expectStatus(await rep1.client.post<QuizResult>('/api/v1/goals/quiz', { kinds: ['marketing_sourced_pipeline', 'mqls', 'cac'] }), 200);
    expect(first).toMatchObject({ aboutTeam: 'marketing', correct: 1, outOf: 3 });
    expect(first.answer).toEqual([
      { kind: 'marketing_sourced_pipeline', name: 'Marketing-sourced pipeline', correct: true },
      { kind: 'mqls', name: 'MQLs', correct: false },
      { kind: 'cac', name: 'CAC', correct: false },
    ]);
    expect(first.topThree.map((i) => i.kindId)).toEqual(['marketing_sourced_pipeline', 'mql_to_sal_rate', 'content_engagement']);
    // A second try replaces the first in the score.
    expect(expectStatus(await rep1.client.post<QuizResult>('/api/v1/goals/quiz', { kinds: ['marketing_sourced_pipeline', 'mql_to_sal_rate', 'mqls'] }), 200).correct).toBe(2);
    expect(expectStatus(await rep2.client.post<QuizResult>('/api/v1/goals/quiz', { kinds: ['content_engagement', 'mql_to_sal_rate', 'marketing_sourced_pipeline'] }), 200).correct).toBe(3);

    const awareness = expectStatus(await viewer.client.get<Awareness>('/api/v1/goals/awareness'), 200);
    const sales = awareness.find((a) => a.team === 'sales');
    expect(sales).toMatchObject({ aboutTeam: 'marketing', answered: 2, teamSize: 3 });
    expect(sales?.participation).toBeCloseTo(2 / 3);
    expect(sales?.score).toBeCloseTo((2 / 3 + 3 / 3) / 2);
    expect(awareness.find((a) => a.team === 'marketing')).toMatchObject({ aboutTeam: 'sales', answered: 0, score: null });
  });

  it('bad quiz answers are refused; viewers do not take it; a marketing member waits for sales to publish', async () => {
    expect((await viewer.client.post('/api/v1/goals/quiz', { aboutTeam: 'marketing', kinds: ['mqls'] })).status).toBe(403);
    const unknown = await rep1.client.post('/api/v1/goals/quiz', { kinds: ['vibes'] });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toMatch(/Unknown KPI kind "vibes"/);
    expect((await rep1.client.post('/api/v1/goals/quiz', { kinds: ['mqls', 'sqls', 'cac', 'win_rate'] })).status).toBe(400);
    expect((await rep1.client.post('/api/v1/goals/quiz', { kinds: [] })).status).toBe(400);
    expect((await ws.admin.post('/api/v1/goals/quiz', { kinds: ['mqls'] })).error?.message).toMatch(/Say which team/);
    const early = await marketer.client.post('/api/v1/goals/quiz', { kinds: ['win_rate'] });
    expect(early.status).toBe(400);
    expect(early.error?.message).toMatch(/Sales has not published its top three yet/);
  });
});

describe('comp alignment', () => {
  it('marketing paid on MQLs and sales on win rate with no shared KPI in both pay plans is flagged volume-vs-value', async () => {
    const ws = await makeWorkspace(t);
    const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    const comp = async (): Promise<Comp> => expectStatus(await ws.admin.get<Comp>('/api/v1/goals/comp-alignment'), 200);

    const mqls = await makeKpi(marketingLead.client, { team: 'marketing', name: 'MQLs', kind: 'mqls', rank: 1, compensated: true, compWeight: 100 });
    await makeKpi(salesLead.client, { team: 'sales', name: 'Win rate', kind: 'win_rate', rank: 1, compensated: true, compWeight: 70 });
    const pipeline: KpiView = await makeKpi(salesLead.client, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', rank: 2, compensated: true, compWeight: 30 });

    let report = await comp();
    expect(report.flags[0]).toMatchObject({ id: 'volume-vs-value', severity: 'high' });
    expect(report.flags[0]?.message).toMatch(/^Marketing is paid on MQLs while sales is paid on Win rate/);
    expect(report.flags.map((f) => f.id)).toContain('no-shared-kpi');
    expect(report.sharedKeys).toEqual([]);

    // Pipeline generated becomes a shared goal: proposed by sales, accepted by marketing.
    expectStatus(await salesLead.client.post(`/api/v1/goals/kpis/${pipeline.id}/share`), 200);
    expectStatus(await marketingLead.client.post(`/api/v1/goals/kpis/${pipeline.id}/share`), 200);
    report = await comp();
    expect(report.sharedKeys).toEqual(['pipeline_generated']);
    expect(report.teams).toEqual([
      { team: 'sales', paidKpis: 2, totalWeight: 100, sharedWeight: 30, sharedShare: 0.3 },
      { team: 'marketing', paidKpis: 1, totalWeight: 100, sharedWeight: 0, sharedShare: 0 },
    ]);
    // Shared, but marketing is not paid on it: still volume against value, and the one-sided share is named.
    expect(report.flags.map((f) => f.id)).toEqual(expect.arrayContaining(['volume-vs-value', 'shared-one-side:pipeline_generated']));
    expect(report.flags.map((f) => f.id)).not.toContain('no-shared-kpi');

    // Marketing puts the shared KPI in its pay plan too: the teams pull the same way.
    expectStatus(await marketingLead.client.patch(`/api/v1/goals/kpis/${mqls.id}`, { compWeight: 60 }), 200);
    await makeKpi(marketingLead.client, { team: 'marketing', name: 'Pipeline generated', kind: 'pipeline_generated', rank: 2, compensated: true, compWeight: 40 });
    report = await comp();
    expect(report.flags.map((f) => f.id)).not.toContain('volume-vs-value');
    expect(report.flags.map((f) => f.id)).not.toContain('shared-one-side:pipeline_generated');
    expect(report.teams.find((x) => x.team === 'marketing')).toEqual({ team: 'marketing', paidKpis: 2, totalWeight: 100, sharedWeight: 40, sharedShare: 0.4 });
  });
});

describe('free-text expectations not matched to a KPI', () => {
  it('say so instead of "not being worked on", and anyone of the team or a lead chooses the KPI they mean for all who wrote them', async () => {
    const ws = await makeWorkspace(t);
    const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    const rep = await addMember(t, ws, { role: 'member', team: 'sales' });
    const marketer = await addMember(t, ws, { role: 'member', team: 'marketing' });
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    const viewer = await addMember(t, ws, { role: 'viewer', team: 'sales' });
    await makeKpi(marketingLead.client, { team: 'marketing', name: 'MQLs', kind: 'mqls', rank: 1 });
    await publishTopThree(marketingLead.client, 'marketing');
    expectStatus(await putMine(rep.client, { items: [{ text: 'Webinars' }, { text: 'more leads' }] }), 200);
    expectStatus(await putMine(salesLead.client, { items: [{ text: 'webinars!' }] }), 200);
    // Marketing's "follow-up speed on leads" is lead response time, matched by its synonyms.
    expect(expectStatus(await putMine(marketer.client, { items: [{ text: 'Follow-up speed on leads' }] }), 200).items[0]?.kind).toBe('lead_response_time');

    const gapOf = async (): Promise<Gap> => expectStatus(await ws.admin.get<Gap>('/api/v1/goals/expectation-gap'), 200);
    let gap = await gapOf();
    const webinars = gap.rows.find((r) => r.holderTeam === 'sales' && r.kindId === null);
    // The label is the words as one of them wrote them.
    expect(webinars).toMatchObject({ label: expect.stringMatching(/^webinars!?$/i), holders: 2, matched: false, inTopThree: false });
    expect(webinars?.sentence).toBe(`2 of 2 sales members expect “${webinars?.label}” from marketing — not matched to a KPI yet; choose the KPI it means.`);
    expect(gap.held).toEqual({ met: 1, gaps: 1, unmatched: 2 });

    const match = (c: Client, body: object) => c.request<{ matched: number; kind: string; kindName: string }>('PUT', '/api/v1/goals/expectation-gap/match', { body });
    const body = { holderTeam: 'sales', aboutTeam: 'marketing', text: 'Webinars', kind: 'content_engagement' };
    // Viewers read only; marketing does not say what sales meant; a kind must be in the catalog.
    expect((await match(viewer.client, body)).status).toBe(403);
    expect((await match(marketer.client, body)).status).toBe(403);
    const unknown = await match(rep.client, { ...body, kind: 'vibes' });
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toBe('Unknown KPI kind "vibes". Pick one from the catalog, or add it there first.');

    expect(expectStatus(await match(rep.client, body), 200)).toEqual({ matched: 2, kind: 'content_engagement', kindName: 'Content engagement' });
    // Choosing again finds nothing left: a second click changes nothing.
    expect(expectStatus(await match(salesLead.client, body), 200).matched).toBe(0);
    gap = await gapOf();
    expect(gap.rows.find((r) => r.holderTeam === 'sales' && r.kindId === 'content_engagement')).toMatchObject({ holders: 2, matched: true, inTopThree: false });
    expect(gap.held).toEqual({ met: 1, gaps: 3, unmatched: 0 });
    // The words keep the kind chosen for them when someone else writes them later.
    const later = await addMember(t, ws, { role: 'member', team: 'sales' });
    expect(expectStatus(await putMine(later.client, { items: [{ text: 'WEBINARS' }] }), 200).items[0]).toMatchObject({ kind: 'content_engagement', text: 'WEBINARS' });
    const audit = (await ws.admin.get<{ items: Array<{ action: string }> }>('/api/v1/audit')).body.items;
    expect(audit.filter((e) => e.action === 'expectation.matched')).toHaveLength(1);
  });
});

describe('comp alignment gives no verdict without data, and one count', () => {
  it('an empty workspace has no pay plans entered, not "no conflicts"', async () => {
    const ws = await makeWorkspace(t);
    const comp = expectStatus(await ws.admin.get<Comp>('/api/v1/goals/comp-alignment'), 200);
    expect(comp.flags).toEqual([]);
    expect(comp.summary).toEqual({
      flags: { high: 0, medium: 0, low: 0, total: 0 },
      payPlans: 'none',
      headline: "No pay plans entered yet: mark which KPIs are in each team's pay plan, and with what weight.",
    });
    expect(expectStatus(await ws.admin.get<Overview>('/api/v1/goals/overview'), 200).comp.summary.payPlans).toBe('none');
  });

  it('the overview (the Goals page and the dashboard) and the alignment signal count the same flags', async () => {
    const ws = await makeWorkspace(t);
    const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    await makeKpi(marketingLead.client, { team: 'marketing', name: 'MQLs', kind: 'mqls', rank: 1, compensated: true, compWeight: 100 });
    await makeKpi(salesLead.client, { team: 'sales', name: 'Win rate', kind: 'win_rate', rank: 1, compensated: true, compWeight: 70 });
    await makeKpi(salesLead.client, { team: 'sales', name: 'SQLs', kind: 'sqls', compensated: true, compWeight: 30, measurement: 'Accepted by an AE.' });
    const overview = expectStatus(await ws.admin.get<Overview>('/api/v1/goals/overview'), 200);
    const { summary } = overview.comp;
    expect(summary.flags).toEqual({ high: 1, medium: 1, low: 1, total: 3 });
    expect(summary.headline).toBe('3 comp flags: 1 high, 2 medium or low.');
    expect(overview.comp.flags).toHaveLength(summary.flags.total);
    const signals = expectStatus(await ws.admin.get<{ signals: Array<{ key: string; detail: string }> }>('/api/v1/alignment/signals'), 200);
    expect(signals.signals.find((x) => x.key === 'goals.comp_alignment')?.detail).toMatch(/ 3 things pull apart\.$/);
  });
});

describe('the demo workspace', () => {
  it('the Goals overview shows both teams’ published top three and the gap the article warns about', async () => {
    await seedDemo(t.db);
    const priya = t.client();
    expectStatus(await priya.signIn('priya@northwind.example', DEMO_PASSWORD), 200);
    expect(DEMO_PASSWORD).toBe('lockstep-demo');
    const view = expectStatus(await priya.get<Overview>('/api/v1/goals/overview'), 200);
    expect(view.teams.map((x) => x.team)).toEqual(['sales', 'marketing']);
    for (const team of view.teams) {
      expect(team.latest?.items, team.team).toHaveLength(3);
      expect(team.topThree, team.team).toHaveLength(3);
      expect(team.freshness.state).toBe('fresh');
      expect(team.topThree.every((x) => x.current !== null)).toBe(true);
    }
    expect(view.gap.rows.length).toBeGreaterThan(0);
    expect(view.gap.rows[0]?.sentence).toMatch(/^6 of 7 sales members expect MQLs/);
    // "Follow-up speed on leads" is sales' #3, lead response time; events, webinars and case studies wait for a KPI.
    const marketing = view.gap.rows.filter((r) => r.holderTeam === 'marketing');
    expect(marketing.find((r) => r.kindId === 'lead_response_time')).toMatchObject({ inTopThree: true, holders: 3 });
    expect(view.gap.rows.filter((r) => !r.matched).map((r) => r.label).sort()).toEqual(['case studies for enterprise deals', 'events', 'webinars']);
    expect(view.gap.summary).toMatch(/^\d+ of \d+ expectations held are in the other team's top three \(\d+%\); 3 more are not matched to a KPI yet\.$/);
    expect(view.comp.summary.headline).toBe(`${view.comp.flags.length} comp ${view.comp.flags.length === 1 ? 'flag' : 'flags'}: ${view.comp.summary.flags.high} high, ${view.comp.summary.flags.medium + view.comp.summary.flags.low} medium or low.`);
    expect(view.shared.map((k) => k.kind)).toContain('marketing_sourced_pipeline');
    expect(view.awareness.every((a) => a.answered > 0)).toBe(true);
  });
});
