// The audit log as a person reads it (issue 10): only the fields that changed, before → after; each entry a
// sentence with names, not ids; filters by person, kind and date; and a CSV export that a spreadsheet cannot
// run as a formula.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AuditEntryView } from '../helpers/views.js';
import { addMember, makeActionItem, makeKeyPlayers, makeApiToken, makeWeeklySeries, makeWorkspace, meetingsAround, utcDate, type Page, type TestMember, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;
let lead: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Dana Whitfield' });
  lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Seller' });
  const marketer = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mia Marketing' });
  await makeKeyPlayers(ws, [lead.member.id, marketer.member.id]);
});
afterAll(async () => {
  await t?.close();
});

const audit = async (query = ''): Promise<AuditEntryView[]> =>
  expectStatus(await ws.admin.get<Page<AuditEntryView>>(`/api/v1/audit${query ? `?${query}` : ''}`), 200).items;

describe('the audit log', () => {
  it('records only what changed when an action item is marked done, and says so in a sentence', async () => {
    await makeWeeklySeries(ws.admin, { weeksBack: 1 });
    const { past } = await meetingsAround(ws.admin);
    const item = await makeActionItem(lead.client, past.at(-1)!.id, { title: 'Send the lost-deal list to marketing', ownerId: lead.member.id, dueDate: utcDate(7) });
    expectStatus(await lead.client.patch(`/api/v1/checkins/action-items/${item.id}`, { status: 'done' }), 200);
    const [entry] = (await audit('entityType=action_item')).filter((e) => e.action === 'action_item.changed');
    expect(entry!.before).toEqual({ status: 'open' });
    expect(entry!.after).toEqual({ status: 'done' });
    expect(entry!.summary).toBe("Sam Seller marked 'Send the lost-deal list to marketing' done");
    expect(entry!.actorMemberId).toBe(lead.member.id);
  });

  it('names people and things, never ids or codes', async () => {
    await makeApiToken(ws, 'CRM sync');
    const entries = await audit();
    const token = entries.find((e) => e.action === 'api_token.created')!;
    expect(token.summary).toBe("Dana Whitfield created the API token 'CRM sync'");
    expect(token.kind).toBe('API token');
    const keyPlayer = entries.find((e) => e.action === 'member.changed' && e.entityId === lead.member.id)!;
    expect(keyPlayer.summary).toBe('Dana Whitfield made Sam Seller a key player');
    const rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
    expectStatus(await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { role: 'leader' }), 200);
    expectStatus(await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { active: false }), 200);
    const about = (await audit(`entityType=member`)).filter((e) => e.entityId === rep.member.id).map((e) => e.summary);
    expect(about.slice(0, 2)).toEqual(['Dana Whitfield deactivated Rae Rep', 'Dana Whitfield made Rae Rep a leader (was a member)']);
    for (const e of entries) {
      expect(e.summary, e.action).not.toMatch(/[a-z]+\.[a-z_]+|[0-9a-f]{8}-[0-9a-f]{4}/);
    }
  });

  it("names the team an admin acted for, on a team's behalf", async () => {
    const kpi = expectStatus(await ws.admin.post<{ id: string }>('/api/v1/goals/kpis', { team: 'sales', name: 'SQLs accepted', kind: 'sqls', measurement: 'Accepted at discovery.' }), 201);
    const [entry] = (await audit('entityType=kpi')).filter((e) => e.entityId === kpi.id);
    expect(entry!.summary).toBe("Dana Whitfield for Sales created the KPI 'SQLs accepted'");
  });

  it('filters by person, kind and date', async () => {
    const bySam = await audit(`memberId=${lead.member.id}`);
    expect(bySam.length).toBeGreaterThan(0);
    expect(bySam.every((e) => e.actorMemberId === lead.member.id)).toBe(true);
    expect((await audit('entityType=api_token')).map((e) => e.action)).toEqual(['api_token.created']);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await audit(`from=${encodeURIComponent(tomorrow)}`)).toEqual([]);
    expect((await audit(`to=${encodeURIComponent(tomorrow)}`)).length).toBeGreaterThan(2);
    const bad = await ws.admin.get('/api/v1/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^The from /);
  });

  it('exports the filtered log as CSV with every cell quoted and formulas defused', async () => {
    const odd = await addMember(t, ws, { role: 'admin', team: 'leadership', name: '=cmd|"/C calc"!A0' });
    await makeApiToken(ws, 'Nightly "export", v2', odd.client);
    const res = await ws.admin.get('/api/v1/audit.csv?entityType=api_token');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Time","Person","What happened","Kind","Record","Before","After"');
    expect(lines).toHaveLength(3);
    // The person's name starts with "=": its cell begins with a quote mark, so no spreadsheet runs it as a formula.
    expect(lines[1]).toContain(',"\'=cmd|""/C calc""!A0",');
    expect(lines[1]).toContain('created the API token \'Nightly ""export"", v2\'');
    expect((await lead.client.get('/api/v1/audit.csv')).status).toBe(200);
    const member = await addMember(t, ws, { role: 'member', team: 'sales' });
    expect((await member.client.get('/api/v1/audit.csv')).status).toBe(403);
  });
});
