// What deal imports refuse (issue 11, SPEC S9), on SQLite and PostgreSQL: an upload over the configured limit (413,
// no file left), an empty or binary file, a client that goes away mid-upload (nothing kept), bad requests; another
// workspace gets 404 on every import route with this workspace's ids and cannot map an owner to a member it does not
// have; members and viewers cannot import (403); two commits or two mappings at once answer one 202 and one 409.
import { mkdtempSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failStalledImports } from '../../src/capabilities/deals/import/engine.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, SAME_ORIGIN } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';
import { commitAndWait, CUSTOM_MAPPING, customCsv, filesIn, HUBSPOT_DEALS, hubspotCsv, upload, uploadAndCheck, settle, dealsOf, type ImportView } from './deals-imports-fixtures.js';

/** Small, so the tests can go past it without sending megabytes. */
const LIMIT = 64 * 1024;

let t: TestApp;
let ws: TestWorkspace;
let lead: TestMember;

beforeAll(async () => {
  t = await createTestApp({ config: { uploadsDir: mkdtempSync(join(tmpdir(), 'lockstep-imports-')), importMaxBytes: LIMIT } });
  ws = await makeWorkspace(t);
  lead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Lead' });
  await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
});
afterAll(async () => {
  await t?.close();
});

const importCount = async (workspaceId = ws.id) =>
  Number((await t.db.kysely.selectFrom('deal_imports').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);

/** A HubSpot export of about `bytes` bytes. */
function bigExport(bytes: number): string {
  const deals = [];
  let file = hubspotCsv([]);
  for (let i = 0; Buffer.byteLength(file) < bytes; i++) {
    deals.push({ ...HUBSPOT_DEALS[0]!, id: String(100_000 + i), name: `Deal number ${i}` });
    if (i % 50 === 0) file = hubspotCsv(deals);
  }
  return hubspotCsv(deals);
}

describe('uploads the server refuses', () => {
  it('a file over the limit answers 413 naming the limit, and leaves no file and no import', async () => {
    const before = await importCount();
    const big = bigExport(LIMIT + 10_000);
    const res = await upload(lead.client, 'huge.csv', big);
    expect(res.status).toBe(413);
    expect(res.error?.code).toBe('payload_too_large');
    expect(res.error?.message).toMatch(/^The file is larger than 64 KB, the most this workspace imports at once\./);
    // Sent without a length (chunked), it is cut off as it streams past the limit.
    const streamed = await t.app.server.inject({
      method: 'POST',
      url: '/api/v1/deals/imports?filename=huge.csv',
      headers: { 'content-type': 'text/csv', origin: SAME_ORIGIN, cookie: `lockstep_session=${lead.client.cookie('lockstep_session')}` },
      payload: Readable.from([big.slice(0, 40_000), big.slice(40_000)]),
    });
    expect(streamed.statusCode).toBe(413);
    expect(filesIn(t)).toEqual([]);
    expect(await importCount()).toBe(before);
  });

  it('an empty file, a binary file and a spreadsheet answer 4xx in words, and leave nothing', async () => {
    const before = await importCount();
    const empty = await upload(lead.client, 'empty.csv', '');
    expect(empty.status).toBe(400);
    expect(empty.error?.message).toMatch(/^The file is empty\./);
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(500, 7)]);
    const binary = await upload(lead.client, 'deals.csv', png, 'application/octet-stream');
    expect(binary.status).toBe(415);
    expect(binary.error?.message).toMatch(/binary data, not text/);
    const xlsx = await upload(lead.client, 'deals.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]), 'application/vnd.ms-excel');
    expect(xlsx.status).toBe(415);
    expect(xlsx.error?.message).toMatch(/Excel workbook .*Save As/);
    expect(filesIn(t)).toEqual([]);
    expect(await importCount()).toBe(before);
  });

  it('a JSON body, a form upload or no file name answer 4xx in words', async () => {
    const json = await lead.client.post('/api/v1/deals/imports?filename=x.csv', { rows: [] });
    expect(json.status).toBe(415);
    expect(json.error?.message).toMatch(/Content-Type text\/csv/);
    const form = await upload(lead.client, 'x.csv', '--b\r\n\r\n--b--', 'multipart/form-data; boundary=b');
    expect(form.status).toBe(415);
    expect(form.error?.message).toMatch(/not as a form upload/);
    const unnamed = await lead.client.request('POST', '/api/v1/deals/imports', { rawBody: hubspotCsv(HUBSPOT_DEALS), headers: { 'content-type': 'text/csv' } });
    expect(unnamed.status).toBe(400);
    expect(unnamed.error?.code).toBe('validation_failed');
    expect(filesIn(t)).toEqual([]);
  });

  it('a client that goes away mid-upload leaves no file and no import', async () => {
    const before = await importCount();
    const address = await t.app.start();
    const url = new URL('/api/v1/deals/imports?filename=cut.csv', address.replace('0.0.0.0', '127.0.0.1'));
    const body = bigExport(LIMIT - 10_000);
    expect(Buffer.byteLength(body)).toBeLessThan(LIMIT);
    const ended = await new Promise<string>((resolve) => {
      const req = httpRequest(url, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'content-length': String(Buffer.byteLength(body)), origin: SAME_ORIGIN, cookie: `lockstep_session=${lead.client.cookie('lockstep_session')}` },
      });
      req.on('error', () => resolve('closed'));
      req.on('response', (res) => resolve(`answered ${res.statusCode}`));
      req.write(body.slice(0, 20_000), () => setTimeout(() => req.destroy(), 100));
    });
    expect(ended).toBe('closed');
    // The server notices the broken connection on its own time: wait for it to clean up.
    const until = Date.now() + 5000;
    while (filesIn(t).length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
    expect(filesIn(t)).toEqual([]);
    expect(await importCount()).toBe(before);
  });

  it('bad commit modes, mappings and ids answer 4xx, never 500', async () => {
    const checked = await uploadAndCheck(lead.client, 'ok.csv', hubspotCsv(HUBSPOT_DEALS));
    const mode = await lead.client.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'some' });
    expect(mode.status).toBe(400);
    const field = await lead.client.request('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: { ...CUSTOM_MAPPING, favouriteColour: 'Rep' } } });
    expect(field.status).toBe(400);
    expect(field.error?.message).toMatch(/"favouriteColour" is not a field Lockstep imports/);
    expect((await lead.client.get('/api/v1/deals/imports/no-such-import')).status).toBe(404);
    expect((await lead.client.post('/api/v1/deals/imports/no-such-import/commit', { mode: 'valid_rows' })).status).toBe(404);
    const cursor = await lead.client.get(`/api/v1/deals/imports/${checked.id}/errors?cursor=garbage`);
    expect(cursor.status).toBe(400);
    const twice = await lead.client.request('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'A', memberId: null }, { ownerName: ' a ', memberId: null }] } });
    expect(twice.status).toBe(400);
    const neither = await lead.client.request('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'A' }] } });
    expect(neither.status).toBe(400);
    await lead.client.delete(`/api/v1/deals/imports/${checked.id}`);
  });
});

describe('another workspace', () => {
  it('gets 404 on every import route with this workspace’s ids, and changes nothing', async () => {
    const checked = await uploadAndCheck(lead.client, 'ours.csv', hubspotCsv(HUBSPOT_DEALS));
    const preset = expectStatus(await lead.client.post<{ id: string }>('/api/v1/deals/column-presets', { name: 'Ours', mapping: CUSTOM_MAPPING }), 201);
    const other = await makeWorkspace(t, { name: 'Other Co' });
    const id = checked.id;
    const calls: Array<[string, Promise<{ status: number; text: string }>]> = [
      ['GET one', other.admin.get(`/api/v1/deals/imports/${id}`)],
      ['GET errors', other.admin.get(`/api/v1/deals/imports/${id}/errors`)],
      ['GET errors.csv', other.admin.get(`/api/v1/deals/imports/${id}/errors.csv`)],
      ['PUT mapping', other.admin.request('PUT', `/api/v1/deals/imports/${id}/mapping`, { body: { mapping: { externalId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage' } } })],
      ['POST commit', other.admin.post(`/api/v1/deals/imports/${id}/commit`, { mode: 'valid_rows' })],
      ['DELETE', other.admin.delete(`/api/v1/deals/imports/${id}`)],
      ['DELETE preset', other.admin.delete(`/api/v1/deals/column-presets/${preset.id}`)],
    ];
    for (const [name, call] of calls) {
      const res = await call;
      expect(res.status, name).toBe(404);
      expect(res.text).not.toContain('ours.csv');
    }
    const list = expectStatus(await other.admin.get<{ items: ImportView[] }>('/api/v1/deals/imports'), 200);
    expect(list.items).toEqual([]);
    expect(expectStatus(await other.admin.get<{ items: unknown[] }>('/api/v1/deals/column-presets'), 200).items).toEqual([]);
    expect(await settle(lead.client, id)).toMatchObject({ status: 'validated' });
    expect(filesIn(t)).toContain(`${id}.csv`);
    await lead.client.delete(`/api/v1/deals/imports/${id}`);
    await lead.client.delete(`/api/v1/deals/column-presets/${preset.id}`);
  });

  it('cannot map an owner to a member of this workspace, by id or by email', async () => {
    const other = await makeWorkspace(t, { name: 'Other Co' });
    const ours = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Only Ours' });
    const byId = await other.admin.request('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'Only Ours', memberId: ours.member.id }] } });
    expect(byId.status).toBe(400);
    expect(byId.error?.message).toMatch(/is not an active member of this workspace/);
    const byEmail = await other.admin.request('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'Only Ours', email: ours.email }] } });
    expect(byEmail.status).toBe(400);
    expect(await t.db.kysely.selectFrom('deal_owner_mappings').selectAll().where('workspace_id', '=', other.id).execute()).toEqual([]);
    expect(expectStatus(await other.admin.get<{ items: unknown[] }>('/api/v1/deals/owner-mappings'), 200).items).toEqual([]);
  });
});

describe('a server that went away mid-import', () => {
  it('leaves the import to be picked up again: it is checked again and can be committed, writing each deal once', async () => {
    const other = await makeWorkspace(t);
    const checked = await uploadAndCheck(other.admin, 'crash.csv', hubspotCsv(HUBSPOT_DEALS));
    // As a commit stands when its server was killed: importing, its progress stopped ten minutes ago, nothing written.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await t.db.kysely.updateTable('deal_imports').set({ status: 'importing', mode: 'valid_rows', updated_at: tenMinutesAgo }).where('id', '=', checked.id).execute();
    // The sweep leaves an upload's import to the routes (one rule, decision 044): it is still there to pick up.
    await failStalledImports(t.db.kysely);
    const picked = await settle(other.admin, checked.id);
    expect(picked).toMatchObject({ status: 'validated', rowsValid: 3, mode: null });
    expect(await commitAndWait(other.admin, checked.id)).toMatchObject({ status: 'done', rowsInserted: 3 });
    expect(await dealsOf(t, other.id)).toHaveLength(3);
  });
});

describe('roles', () => {
  it('members and viewers read imports but cannot upload, map, commit, cancel or save presets (403)', async () => {
    const checked = await uploadAndCheck(lead.client, 'roles.csv', hubspotCsv(HUBSPOT_DEALS));
    const member = await addMember(t, ws, { role: 'member', team: 'sales' });
    const viewer = await addMember(t, ws, { role: 'viewer', team: 'sales' });
    for (const who of [member, viewer]) {
      const c = who.client;
      expect((await c.get(`/api/v1/deals/imports/${checked.id}`)).status).toBe(200);
      expect((await c.get(`/api/v1/deals/imports/${checked.id}/errors`)).status).toBe(200);
      const refused = [
        await upload(c, 'mine.csv', hubspotCsv(HUBSPOT_DEALS)),
        await c.request('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: { externalId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage' } } }),
        await c.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'valid_rows' }),
        await c.delete(`/api/v1/deals/imports/${checked.id}`),
        await c.post('/api/v1/deals/column-presets', { name: 'Mine', mapping: CUSTOM_MAPPING }),
        await c.request('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'X', memberId: who.member.id }] } }),
      ];
      for (const r of refused) {
        expect(r.status).toBe(403);
        expect(r.error?.message).toBe('Only admins and leaders import deals.');
      }
    }
    expect(await settle(lead.client, checked.id)).toMatchObject({ status: 'validated' });
    // The admin may, as the leader did.
    expectStatus(await ws.admin.delete(`/api/v1/deals/imports/${checked.id}`), 200);
  });
});

describe('at the same moment', () => {
  it('two commits of one import: one 202 and one 409, and the rows are written once', async () => {
    const other = await makeWorkspace(t);
    const checked = await uploadAndCheck(other.admin, 'race.csv', hubspotCsv(HUBSPOT_DEALS));
    const tab = other.admin.clone();
    const answers = await Promise.all([other.admin.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'valid_rows' }), tab.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'valid_rows' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    expect(answers.find((a) => a.status === 409)?.error?.message).toMatch(/already being committed|being written/);
    expect(await settle(other.admin, checked.id)).toMatchObject({ status: 'done', rowsInserted: 3 });
    expect(await dealsOf(t, other.id)).toHaveLength(3);
  });

  it('two mappings of one file never check it twice at once; two presets of one name: one 201 and one 409', async () => {
    const checked = await uploadAndCheck(lead.client, 'race-map.csv', customCsv([['R-1', 'Race', 'Open', '1', '2026-03-02', '2026-01-05', 'Sam Seller']]));
    expect(checked.status).toBe('needs_mapping');
    const put = () => lead.client.request('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: CUSTOM_MAPPING } });
    const maps = await Promise.all([put(), put()]);
    // Never both checks at once: the second is refused while the first runs. Only when the first check is over before
    // the second request reads the import (a small file, a fast machine) is the second a remap that starts its own.
    const statuses = maps.map((a) => a.status).sort();
    expect([[202, 409], [202, 202]]).toContainEqual(statuses);
    if (statuses[1] === 409) expect(maps.find((m) => m.status === 409)?.error?.message).toMatch(/being checked right now|same moment/);
    expect(await settle(lead.client, checked.id)).toMatchObject({ status: 'validated', rowsValid: 1 });
    const name = `Same ${Date.now()}`;
    const presets = await Promise.all([lead.client.post('/api/v1/deals/column-presets', { name, mapping: CUSTOM_MAPPING }), lead.client.post('/api/v1/deals/column-presets', { name, mapping: CUSTOM_MAPPING })]);
    expect(presets.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(presets.find((p) => p.status === 409)?.error?.message).toMatch(/already exists/);
    await lead.client.delete(`/api/v1/deals/imports/${checked.id}`);
  });

  it('a commit while the file is still being checked answers 409', async () => {
    const checked = await uploadAndCheck(lead.client, 'busy.csv', hubspotCsv(HUBSPOT_DEALS));
    // As it stands while a server checks the file (its progress written just now).
    await t.db.kysely.updateTable('deal_imports').set({ status: 'validating', updated_at: new Date().toISOString() }).where('id', '=', checked.id).execute();
    const early = await lead.client.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'valid_rows' });
    expect(early.status).toBe(409);
    expect(early.error?.message).toMatch(/still being checked/);
    const cancel = await lead.client.delete(`/api/v1/deals/imports/${checked.id}`);
    expect(cancel.status).toBe(409);
    expect(cancel.error?.message).toMatch(/another server/);
    await t.db.kysely.updateTable('deal_imports').set({ status: 'validated' }).where('id', '=', checked.id).execute();
    await lead.client.delete(`/api/v1/deals/imports/${checked.id}`);
  });
});
