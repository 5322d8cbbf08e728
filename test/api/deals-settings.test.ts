// The marketing-source rule through HTTP on both databases (issue 11): everyone reads it, admins change it; a change
// is validated (trimmed, non-empty, at most 100 values of at most 100 characters, repeats kept once), audited as a
// sentence, rewrites every deal's marketing-sourced flag and the marketing-sourced pipeline KPI; another workspace
// neither sees nor changes it; two changes at once both land in some order with the flags matching the final rule;
// and a failure inside the change leaves the old rule and the old flags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DealSettingsChangedView, DealSettingsView, DealView } from '../../src/capabilities/deals/schemas.js';
import { DEFAULT_MARKETING_SOURCES, marketingSourceMatcher } from '../../src/capabilities/deals/domain/marketing-source.js';
import { applyMarketingRule } from '../../src/capabilities/deals/recompute.js';
import { newId } from '../../src/server/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, allPages, changedInDb, makeKpi, makeWorkspace, type KpiView, type TestMember, type TestWorkspace } from '../factories.js';

type Settings = z.infer<typeof DealSettingsView>;
type Changed = z.infer<typeof DealSettingsChangedView>;

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let member: TestMember;
let leader: TestMember;
let msp: KpiView;

// This quarter's deals, by source: the marketing-sourced pipeline KPI sums the amounts whose source the rule counts.
const DEALS: Array<[source: string | null, cents: number]> = [
  ['Paid Search', 10_000_00],
  ['paid search ', 1_000_00],
  ['Partner Referral', 20_000_00],
  ['Cold Call', 40_000_00],
  ['Web', 2_000_00],
  [null, 80_000_00],
];
const today = new Date().toISOString().slice(0, 10);

async function insertDeals(workspaceId: string): Promise<void> {
  const now = new Date().toISOString();
  const matches = marketingSourceMatcher(DEFAULT_MARKETING_SOURCES);
  await t.db.kysely
    .insertInto('deals')
    .values(
      DEALS.map(([source, amount], i) => ({
        id: newId(),
        workspace_id: workspaceId,
        external_id: `rule-${i}`,
        origin: 'demo' as const,
        name: `Deal ${i}`,
        stage: 'Qualified',
        status: 'open' as const,
        amount,
        currency: 'USD',
        close_date: null,
        created_date: today,
        owner_name: null,
        owner_member_id: null,
        pipeline: null,
        source,
        marketing_sourced: matches(source) ? 1 : 0,
        win_reason: null,
        loss_reason: null,
        last_import_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await changedInDb(t);
}

const expectedMarketing = (rule: readonly string[]) => {
  const m = marketingSourceMatcher(rule);
  return DEALS.filter(([s]) => m(s)).map(([s]) => s).sort();
};
const flagged = async (by = ws.admin) => (await allPages<z.infer<typeof DealView>>(by, '/api/v1/deals?marketingSourced=true')).map((d) => d.source).sort();
const currentMsp = async () => (await allPages<{ date: string; value: number }>(ws.admin, `/api/v1/goals/kpis/${msp.id}/values`)).at(0)?.value;
const put = (by = ws.admin, body: unknown) => by.request<Changed>('PUT', '/api/v1/deals/settings', { body });

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Dana Whitfield' });
  other = await makeWorkspace(t);
  member = await addMember(t, ws, { role: 'member', team: 'sales' });
  leader = await addMember(t, ws, { role: 'leader', team: 'marketing' });
  msp = await makeKpi(leader.client, { team: 'marketing', name: 'Marketing-sourced pipeline', kind: 'marketing_sourced_pipeline', dataSource: 'deals', period: 'quarter', measurement: 'From the CRM.' });
  await insertDeals(ws.id);
  await insertDeals(other.id);
});
afterAll(async () => {
  await t?.close();
});

describe('reading the rule', () => {
  it('everyone in the workspace reads the default rule until an admin sets one', async () => {
    for (const by of [ws.admin, member.client, leader.client]) {
      const s = expectStatus(await by.get<Settings>('/api/v1/deals/settings'), 200);
      expect(s).toEqual({ marketingSources: [...DEFAULT_MARKETING_SOURCES], isDefault: true, updatedAt: null, updatedByName: null });
    }
  });
});

describe('changing the rule', () => {
  it('trims, keeps repeats once, flips the flags, recomputes the KPI and is audited as a sentence', async () => {
    expect(await flagged()).toEqual(expectedMarketing(DEFAULT_MARKETING_SOURCES));
    const s = expectStatus(await put(ws.admin, { marketingSources: ['  Paid Search ', 'Partner   Referral', 'PAID SEARCH', 'partner referral'] }), 200);
    expect(s).toMatchObject({ marketingSources: ['Paid Search', 'Partner Referral'], isDefault: false, updatedByName: 'Dana Whitfield', marketingSourcedDeals: 3, kpisRecomputed: 1 });
    expect(await flagged()).toEqual(['Paid Search', 'Partner Referral', 'paid search ']);
    expect(await currentMsp()).toBe(31_000_00);
    expect(expectStatus(await member.client.get<Settings>('/api/v1/deals/settings'), 200).marketingSources).toEqual(['Paid Search', 'Partner Referral']);

    const audit = expectStatus(await ws.admin.get<{ items: Array<{ summary: string; entityType: string }> }>('/api/v1/audit?entityType=deal_settings'), 200);
    expect(audit.items[0]?.summary).toBe("Dana Whitfield changed which sources count as marketing: added 'Partner Referral'; removed 'Organic Search', 'Paid Social', 'Organic Social', 'Social Media', 'Email Marketing', 'Referrals', 'Web', 'Advertisement', 'Trade Show', 'Webinar', 'Seminar - Internal' and 'Seminar - Partner'");

    // Sources the deals carry say whether they count now.
    const sources = expectStatus(await member.client.get<{ items: Array<{ source: string; marketing: boolean }> }>('/api/v1/deals/sources'), 200);
    expect(Object.fromEntries(sources.items.map((i) => [i.source, i.marketing]))).toEqual({ 'Paid Search': true, 'paid search ': true, 'Partner Referral': true, 'Cold Call': false, Web: false });
  });

  it('an empty rule counts nothing as marketing; the same rule again changes nothing and records nothing', async () => {
    expectStatus(await put(ws.admin, { marketingSources: [] }), 200);
    expect(await flagged()).toEqual([]);
    expect(await currentMsp()).toBe(0);
    expectStatus(await put(ws.admin, { marketingSources: ['Cold Call'] }), 200);
    const before = expectStatus(await ws.admin.get<{ items: unknown[] }>('/api/v1/audit?entityType=deal_settings'), 200).items.length;
    expect(expectStatus(await put(ws.admin, { marketingSources: ['Cold Call'] }), 200)).toMatchObject({ marketingSourcedDeals: 1, kpisRecomputed: 0 });
    expect(expectStatus(await ws.admin.get<{ items: unknown[] }>('/api/v1/audit?entityType=deal_settings'), 200).items).toHaveLength(before);
    expect(await currentMsp()).toBe(40_000_00);
  });

  it('members and leaders cannot change it (403) and nothing changes', async () => {
    for (const by of [member.client, leader.client]) {
      const res = await put(by, { marketingSources: ['Web'] });
      expect(res.status).toBe(403);
      expect(res.error?.message).toBe('Only admins change which sources count as marketing.');
    }
    expect(await flagged()).toEqual(['Cold Call']);
  });

  const bad: Array<[string, unknown]> = [
    ['101 values', { marketingSources: Array.from({ length: 101 }, (_, i) => `Source ${i}`) }],
    ['a value of 101 characters', { marketingSources: ['x'.repeat(101)] }],
    ['an empty value', { marketingSources: ['Web', '   '] }],
    ['a number', { marketingSources: ['Web', 7] }],
    ['not a list', { marketingSources: 'Web' }],
    ['no list', {}],
    ['an extra field', { marketingSources: ['Web'], marketing: true }],
    ['null', null],
  ];
  for (const [what, body] of bad) {
    it(`${what} is refused with 400 and nothing changes`, async () => {
      const res = await put(ws.admin, body);
      expect(res.status).toBe(400);
      expect(res.error?.message.length).toBeGreaterThan(10);
      expect(expectStatus(await ws.admin.get<Settings>('/api/v1/deals/settings'), 200).marketingSources).toEqual(['Cold Call']);
    });
  }
});

describe('another workspace', () => {
  it('reads its own rule and its change touches only its own deals', async () => {
    expect(expectStatus(await other.admin.get<Settings>('/api/v1/deals/settings'), 200).isDefault).toBe(true);
    expectStatus(await put(other.admin, { marketingSources: ['Web'] }), 200);
    expect(await flagged(other.admin)).toEqual(['Web']);
    expect(expectStatus(await ws.admin.get<Settings>('/api/v1/deals/settings'), 200).marketingSources).toEqual(['Cold Call']);
    expect(await flagged()).toEqual(['Cold Call']);
  });
});

describe('two changes at once', () => {
  it('both land in some order (or one answers 409), never 500, and the flags match the final rule', async () => {
    const rules = [['Paid Search'], ['Web', 'Partner Referral'], ['Cold Call'], ['Organic Search', 'Web']];
    const answers = await Promise.all(rules.map((r) => put(ws.admin.clone(), { marketingSources: r })));
    for (const a of answers) expect([200, 409]).toContain(a.status);
    expect(answers.some((a) => a.status === 200)).toBe(true);
    const final = expectStatus(await ws.admin.get<Settings>('/api/v1/deals/settings'), 200).marketingSources;
    expect(rules).toContainEqual(final);
    expect(await flagged()).toEqual(expectedMarketing(final));
    expect(await currentMsp()).toBe(DEALS.filter(([s]) => marketingSourceMatcher(final)(s)).reduce((a, [, c]) => a + c, 0));
  });
});

describe('a failure inside the change', () => {
  it('leaves the old rule and the old flags', async () => {
    const rule = expectStatus(await ws.admin.get<Settings>('/api/v1/deals/settings'), 200).marketingSources;
    const flags = await flagged();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.updateTable('deal_settings').set({ marketing_sources: JSON.stringify(['Cold Call', 'Web', 'Paid Search']) }).where('workspace_id', '=', ws.id).execute();
        expect(await applyMarketingRule(tx, ws.id)).toBe(4);
        throw new Error('the disk filled up');
      }),
    ).rejects.toThrow('the disk filled up');
    await changedInDb(t);
    expect(expectStatus(await ws.admin.get<Settings>('/api/v1/deals/settings'), 200).marketingSources).toEqual(rule);
    expect(await flagged()).toEqual(flags);
  });
});
