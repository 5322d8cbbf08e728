// Importing deal exports through the API (issue 11, SPEC S7), on SQLite and PostgreSQL: a HubSpot export and a
// Salesforce report end to end, re-imports that upsert, the error report as JSON and CSV, the two commit modes, a
// file whose header needs a mapping (saved as a preset and applied to the next file), and owner mappings remembered.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';
import {
  BAD_DEAL,
  commitAndWait,
  CUSTOM_HEADER,
  CUSTOM_MAPPING,
  customCsv,
  dealsOf,
  expectFileGone,
  filesIn,
  HUBSPOT_DEALS,
  hubspotCsv,
  salesforceReport,
  SALESFORCE_ROWS,
  settle,
  upload,
  uploadAndCheck,
  type ImportView,
} from './deals-imports-fixtures.js';

// Built while collecting, so a test can depend on what the app registered (the audit describers).
const t: TestApp = await createTestApp({ config: { uploadsDir: mkdtempSync(join(tmpdir(), 'lockstep-imports-')) } });
afterAll(async () => {
  await t?.close();
});

/** A workspace with the two owners the fixtures name, and a sales leader who imports. */
async function salesWorkspace(): Promise<{ ws: TestWorkspace; lead: TestMember; sam: TestMember; rae: TestMember }> {
  const ws = await makeWorkspace(t);
  const sam = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
  const rae = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  const lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Lee Lead' });
  return { ws, lead, sam, rae };
}

describe('a HubSpot deals export', () => {
  it('is recognised, checked with progress, committed, and re-importing it adds nothing new', async () => {
    const { ws, lead, sam } = await salesWorkspace();
    const file = hubspotCsv(HUBSPOT_DEALS);
    const started = expectStatus(await upload(lead.client, 'hubspot-deals.csv', file), 202);
    expect(started).toMatchObject({ filename: 'hubspot-deals.csv', bytesTotal: Buffer.byteLength(file), createdBy: { name: 'Lee Lead' } });

    const checked = await settle(lead.client, started.id);
    expect(checked).toMatchObject({ status: 'validated', format: 'hubspot', rowsTotal: 3, rowsValid: 3, rowsInvalid: 0, bytesDone: Buffer.byteLength(file), unmatchedOwners: [] });
    expect(checked.headers).toContain('Deal Name');
    expect(filesIn(t)).toContain(`${started.id}.csv`);

    const done = await commitAndWait(lead.client, started.id);
    expect(done).toMatchObject({ status: 'done', mode: 'valid_rows', rowsInserted: 3, rowsUpdated: 0 });
    expect(done.finishedAt).not.toBeNull();
    // The file is gone once the import is done.
    await expectFileGone(t, started.id);

    const deals = await dealsOf(t, ws.id);
    expect(deals.map((d) => [d.external_id, d.status, Number(d.amount)])).toEqual([
      ['9001', 'won', 1_250_000],
      ['9002', 'lost', 800_000],
      ['9003', 'open', 450_000],
    ]);
    expect(deals[0]!.owner_member_id).toBe(sam.member.id);

    const again = await uploadAndCheck(lead.client, 'hubspot-deals.csv', file);
    const redone = await commitAndWait(lead.client, again.id);
    expect(redone).toMatchObject({ status: 'done', rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 3 });
    expect(await dealsOf(t, ws.id)).toHaveLength(3);

    const list = expectStatus(await lead.client.get<{ items: ImportView[] }>('/api/v1/deals/imports'), 200);
    expect(list.items.map((i) => i.id)).toEqual([again.id, started.id]);
    // Members read imports too.
    expect((await sam.client.get(`/api/v1/deals/imports/${started.id}`)).status).toBe(200);
  });

  it('an updated export updates the deals it names and adds the new ones', async () => {
    const { ws, lead } = await salesWorkspace();
    await commitAndWait(lead.client, (await uploadAndCheck(lead.client, 'week-1.csv', hubspotCsv(HUBSPOT_DEALS))).id);
    const changed = [
      { ...HUBSPOT_DEALS[2]!, stage: 'Closed Won', amount: '$5,100', close: '2026-04-02', won: 'Champion' },
      { id: '9010', name: 'Umbrella', stage: 'Qualified To Buy', amount: '2,000', close: '2026-06-01', created: '2026-03-20', owner: 'Rae Rep' },
    ];
    const second = await commitAndWait(lead.client, (await uploadAndCheck(lead.client, 'week-2.csv', hubspotCsv(changed))).id);
    expect(second).toMatchObject({ rowsInserted: 1, rowsUpdated: 1, rowsUnchanged: 0 });
    const deals = await dealsOf(t, ws.id);
    expect(deals).toHaveLength(4);
    expect(deals.find((d) => d.external_id === '9003')).toMatchObject({ status: 'won', amount: 510_000, close_date: '2026-04-02', win_reason: 'Champion' });
  });
});

describe('a Salesforce opportunities report', () => {
  it('is recognised with its US dates, the footer lines are not rows, and it commits', async () => {
    const { ws, lead } = await salesWorkspace();
    const checked = await uploadAndCheck(lead.client, 'report1711234567890.csv', salesforceReport());
    expect(checked).toMatchObject({ status: 'validated', format: 'salesforce', rowsTotal: 2, rowsValid: 2, rowsInvalid: 0 });
    const done = await commitAndWait(lead.client, checked.id, 'all_or_nothing');
    expect(done).toMatchObject({ status: 'done', mode: 'all_or_nothing', rowsInserted: 2 });
    const deals = await dealsOf(t, ws.id);
    expect(deals.map((d) => [d.external_id, d.status, Number(d.amount), d.close_date])).toEqual([
      [SALESFORCE_ROWS[0]![0], 'won', 4_000_000, '2026-03-07'],
      [SALESFORCE_ROWS[1]![0], 'open', 1_525_050, '2026-04-30'],
    ]);
    const again = await commitAndWait(lead.client, (await uploadAndCheck(lead.client, 'report-again.csv', salesforceReport())).id);
    expect(again).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 2 });
  });
});

describe('rows with errors', () => {
  const withBadRow = () => hubspotCsv([HUBSPOT_DEALS[0]!, BAD_DEAL, HUBSPOT_DEALS[1]!]);

  it('the error report names the row and column, as JSON and as a CSV download', async () => {
    const { lead } = await salesWorkspace();
    const checked = await uploadAndCheck(lead.client, 'q1 deals.csv', withBadRow());
    expect(checked).toMatchObject({ status: 'validated', rowsTotal: 3, rowsValid: 2, rowsInvalid: 1 });
    const errors = expectStatus(await lead.client.get<{ items: Array<{ row: number; column: string | null; message: string }>; total: number; nextCursor: string | null }>(`/api/v1/deals/imports/${checked.id}/errors`), 200);
    expect(errors.total).toBeGreaterThanOrEqual(1);
    // The bad deal is the second data row: row 3 as a spreadsheet numbers it (the header is row 1).
    expect(new Set(errors.items.map((e) => e.row))).toEqual(new Set([3]));
    const columns = errors.items.map((e) => e.column);
    expect(columns.some((c) => c === 'Amount' || c === 'Close Date')).toBe(true);
    for (const e of errors.items) expect(e.message).toMatch(/^\S.{5,}[.)]$/);

    const csv = await lead.client.get(`/api/v1/deals/imports/${checked.id}/errors.csv`);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(csv.headers['content-disposition'])).toMatch(/attachment; filename="q1 deals - errors\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('"Row","Column","Problem"');
    expect(lines).toHaveLength(errors.total + 1);
    expect(lines[1]).toMatch(/^"3","(Amount|Close Date)","/);

    // A page at a time.
    const first = expectStatus(await lead.client.get<{ items: unknown[]; nextCursor: string | null }>(`/api/v1/deals/imports/${checked.id}/errors?limit=1`), 200);
    expect(first.items).toHaveLength(1);
    if (errors.total > 1) expect(first.nextCursor).not.toBeNull();
  });

  it('all or nothing is refused while a row has errors, and writes nothing', async () => {
    const { ws, lead } = await salesWorkspace();
    const checked = await uploadAndCheck(lead.client, 'bad.csv', withBadRow());
    const refused = await lead.client.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'all_or_nothing' });
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toMatch(/1 row has errors, so nothing was imported/);
    expect(await dealsOf(t, ws.id)).toEqual([]);
    expect(await settle(lead.client, checked.id)).toMatchObject({ status: 'validated' });
  });

  it('valid rows writes only the valid ones', async () => {
    const { ws, lead } = await salesWorkspace();
    const checked = await uploadAndCheck(lead.client, 'bad.csv', withBadRow());
    const done = await commitAndWait(lead.client, checked.id, 'valid_rows');
    expect(done).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect((await dealsOf(t, ws.id)).map((d) => d.external_id)).toEqual(['9001', '9002']);
    // The error rows stay with the import after it is done.
    expect(expectStatus(await lead.client.get<{ total: number }>(`/api/v1/deals/imports/${checked.id}/errors`), 200).total).toBeGreaterThan(0);
  });
});

describe('a file whose header is not recognised', () => {
  it('asks for a mapping; the mapping is saved as a preset and applied to the next file', async () => {
    const { ws, lead } = await salesWorkspace();
    const rows = [
      ['P-1', 'Acme', 'Closed Won', '1,000', '2026-03-02', '2026-01-05', 'Sam Seller'],
      ['P-2', 'Beta', 'Open', '2,500', '2026-04-10', '2026-02-05', 'Rae Rep'],
    ];
    const checked = await uploadAndCheck(lead.client, 'pipedrive.csv', customCsv(rows));
    expect(checked).toMatchObject({ status: 'needs_mapping', headers: CUSTOM_HEADER });
    // A sample of each column from the first rows, for the mapping step.
    expect(checked.samples).toMatchObject({ 'Deal Ref': 'P-1', Title: 'Acme', 'Value (USD)': '1,000' });
    const early = await lead.client.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'valid_rows' });
    expect(early.status).toBe(409);
    expect(early.error?.message).toMatch(/map them first/);

    const fields = expectStatus(await lead.client.get<{ fields: Array<{ field: string; required: boolean; label: string }> }>('/api/v1/deals/fields'), 200).fields;
    expect(fields.filter((f) => f.required).map((f) => f.field)).toEqual(expect.arrayContaining(['externalId', 'name']));

    // A header the file does not have, and a required field left out, are refused in words.
    const wrong = await lead.client.request('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: { ...CUSTOM_MAPPING, amount: 'Nope' } } });
    expect(wrong.status).toBe(400);
    expect(wrong.error?.message).toMatch(/The file has no column "Nope"/);
    const { externalId: _left, ...withoutId } = CUSTOM_MAPPING;
    const missing = await lead.client.request('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: withoutId } });
    expect(missing.status).toBe(400);
    expect(missing.error?.message).toMatch(/^Choose the column for .+ required\.$/);

    const mapped = await lead.client.request<ImportView>('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: CUSTOM_MAPPING, savePreset: 'Pipedrive' } });
    expect(mapped.status).toBe(202);
    const remapped = await settle(lead.client, checked.id);
    expect(remapped).toMatchObject({ status: 'validated', format: 'mapped', rowsValid: 2, mapping: CUSTOM_MAPPING });
    await commitAndWait(lead.client, checked.id);
    expect((await dealsOf(t, ws.id)).map((d) => d.external_id)).toEqual(['P-1', 'P-2']);

    const presets = expectStatus(await lead.client.get<{ items: Array<{ id: string; name: string; mapping: Record<string, string> }> }>('/api/v1/deals/column-presets'), 200).items;
    expect(presets).toEqual([expect.objectContaining({ name: 'Pipedrive', mapping: CUSTOM_MAPPING })]);
    const sameName = await lead.client.request('PUT', `/api/v1/deals/imports/${checked.id}/mapping`, { body: { mapping: CUSTOM_MAPPING, savePreset: 'Pipedrive' } });
    expect(sameName.status).toBe(409);

    // The next file from the same CRM: the preset's mapping applied as it is.
    const next = await uploadAndCheck(lead.client, 'pipedrive-2.csv', customCsv([['P-3', 'Gamma', 'Closed Lost', '700', '2026-03-20', '2026-03-01', 'Sam Seller']]));
    expect(next.status).toBe('needs_mapping');
    expectStatus(await lead.client.request('PUT', `/api/v1/deals/imports/${next.id}/mapping`, { body: { mapping: presets[0]!.mapping } }), 202);
    expect(await settle(lead.client, next.id)).toMatchObject({ status: 'validated', rowsValid: 1 });

    // Presets are deleted by id.
    expectStatus(await lead.client.delete(`/api/v1/deals/column-presets/${presets[0]!.id}`), 200);
    expect(expectStatus(await lead.client.get<{ items: unknown[] }>('/api/v1/deals/column-presets'), 200).items).toEqual([]);
  });
});

describe('owners no member matches', () => {
  it('are listed, mapped to a member, and the mapping is remembered for the next import', async () => {
    const { ws, lead, rae } = await salesWorkspace();
    const file = hubspotCsv([{ ...HUBSPOT_DEALS[0]!, owner: 'Jordan Smith' }, { ...HUBSPOT_DEALS[1]!, owner: 'Jordan Smith' }, HUBSPOT_DEALS[2]!]);
    const checked = await uploadAndCheck(lead.client, 'owners.csv', file);
    expect(checked.unmatchedOwners).toEqual([{ name: 'Jordan Smith', rows: 2 }]);

    const saved = expectStatus(await lead.client.request<{ saved: number }>('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'Jordan Smith', memberId: rae.member.id }] } }), 200);
    expect(saved.saved).toBe(1);
    expect(expectStatus(await lead.client.get<ImportView>(`/api/v1/deals/imports/${checked.id}`), 200).unmatchedOwners).toEqual([]);
    const remembered = expectStatus(await lead.client.get<{ items: Array<{ ownerName: string; member: { id: string; name: string } }> }>('/api/v1/deals/owner-mappings'), 200).items;
    expect(remembered).toEqual([expect.objectContaining({ ownerName: 'jordan smith', member: expect.objectContaining({ id: rae.member.id, name: 'Rae Rep' }) })]);

    await commitAndWait(lead.client, checked.id);
    const deals = await dealsOf(t, ws.id);
    expect(deals.filter((d) => d.owner_name === 'Jordan Smith').map((d) => d.owner_member_id)).toEqual([rae.member.id, rae.member.id]);

    // The next export names the same owner (spelled with other capitals): matched by the remembered mapping.
    const next = await uploadAndCheck(lead.client, 'owners-2.csv', hubspotCsv([{ ...HUBSPOT_DEALS[0]!, id: '9100', owner: 'JORDAN SMITH ' }]));
    expect(next.unmatchedOwners).toEqual([]);

    // Mapped by the member's email instead of the id; null forgets.
    expectStatus(await lead.client.request('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'Pat Partner', email: rae.email.toUpperCase() }] } }), 200);
    const forgot = expectStatus(await lead.client.request<{ removed: number }>('PUT', '/api/v1/deals/owner-mappings', { body: { mappings: [{ ownerName: 'pat partner', memberId: null }] } }), 200);
    expect(forgot.removed).toBe(1);
  });
});

describe('cancelling', () => {
  it('before the commit deletes the file and keeps the import as cancelled; a done import cannot be cancelled', async () => {
    const { ws, lead } = await salesWorkspace();
    const checked = await uploadAndCheck(lead.client, 'changed-my-mind.csv', hubspotCsv(HUBSPOT_DEALS));
    expect(filesIn(t)).toContain(`${checked.id}.csv`);
    const cancelled = expectStatus(await lead.client.delete<ImportView>(`/api/v1/deals/imports/${checked.id}`), 200);
    expect(cancelled.status).toBe('cancelled');
    await expectFileGone(t, checked.id);
    expect((await lead.client.post(`/api/v1/deals/imports/${checked.id}/commit`, { mode: 'valid_rows' })).status).toBe(409);
    expect(await dealsOf(t, ws.id)).toEqual([]);

    const done = await commitAndWait(lead.client, (await uploadAndCheck(lead.client, 'kept.csv', hubspotCsv(HUBSPOT_DEALS))).id);
    const late = await lead.client.delete(`/api/v1/deals/imports/${done.id}`);
    expect(late.status).toBe(409);
    expect(late.error?.message).toMatch(/already imported/);
  });
});

describe('the audit log', () => {
  // The deals room lists its describers in src/capabilities/deals/index.ts; this runs once importAuditDescriber is there.
  it.skipIf(!t.app.ctx.auditDescribers.some((d) => d.room === 'deal-imports'))('reads each import step as a sentence naming the file', async () => {
    const { ws, lead } = await salesWorkspace();
    const checked = await uploadAndCheck(lead.client, 'audited.csv', hubspotCsv([HUBSPOT_DEALS[0]!, BAD_DEAL]));
    await commitAndWait(lead.client, checked.id);
    const log = expectStatus(await ws.admin.get<{ items: Array<{ summary: string }> }>('/api/v1/audit?entityType=deal_import'), 200).items.map((e) => e.summary);
    expect(log).toEqual(["Lee Lead imported the 1 valid row of 'audited.csv', skipping 1 row with errors", "Lee Lead uploaded the deal export 'audited.csv'"]);
  });
});
