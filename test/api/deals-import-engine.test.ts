// The deal import engine on both databases (issue 11), called directly through the app's database where no HTTP is
// involved (the routes have their own tests): vendor exports with nasty rows, per-row errors with row numbers and
// headers, all-or-nothing and valid-rows commits, idempotent re-imports, owner matching within the workspace only,
// bad files refused with nothing written, date order from the column, and the sweep of imports a restart stopped.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, createImport, failStalledImports, STOPPED_SENTENCE, validateImport } from '../../src/capabilities/deals/import/engine.js';
import { newId, nowIso } from '../../src/server/ids.js';
import { AppError } from '../../src/server/errors.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { addMember, makeWorkspace, uniqueEmail, type TestWorkspace } from '../factories.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/deals');
let t: TestApp;
let ws: TestWorkspace;
let sam: string;
let rae: string;
let dir: string;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  sam = (await addMember(t, ws, { name: 'Sam Seller', email: `sam.seller-${newId().slice(0, 6)}@northwind.example` })).member.id;
  rae = (await addMember(t, ws, { name: 'Rae Rep' })).member.id;
  dir = mkdtempSync(join(tmpdir(), 'deals-engine-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const k = () => t.db.kysely;

async function newImport(workspaceId: string, filename: string, extra: { mapping?: Record<string, string>; date_format?: 'auto' | 'mdy' | 'dmy' } = {}): Promise<string> {
  return newImportIn(t, workspaceId, filename, extra);
}

async function newImportIn(app: TestApp, workspaceId: string, filename = 'deals.csv', extra: { mapping?: Record<string, string>; date_format?: 'auto' | 'mdy' | 'dmy' } = {}): Promise<string> {
  return createImport(app.db.kysely, { workspaceId, filename, mapping: extra.mapping ?? null, dateFormat: extra.date_format ?? 'auto' });
}

const fixture = (name: string) => join(FIXTURES, name);
function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const errorsOf = (importId: string) =>
  k().selectFrom('deal_import_errors').select(['row_number', 'column_name', 'message']).where('import_id', '=', importId).orderBy('row_number').orderBy('column_name').execute();
const dealsOf = (workspaceId: string) => k().selectFrom('deals').selectAll().where('workspace_id', '=', workspaceId).orderBy('external_id').execute();

/** The Sam Seller email of the fixture (the member's own email differs per run, so the fixture is rewritten). */
async function hubspotFile(): Promise<string> {
  const email = await k().selectFrom('members').innerJoin('users', 'users.id', 'members.user_id').select('users.email').where('members.id', '=', sam).executeTakeFirstOrThrow();
  return write(`hubspot-${newId()}.csv`, readFileSync(fixture('hubspot-deals.csv'), 'utf8').replace('sam.seller@northwind.example', email.email));
}

describe('a HubSpot export with nasty rows', () => {
  let file: string;
  let first: string;
  beforeAll(async () => {
    file = await hubspotFile();
    first = await newImport(ws.id, 'hubspot-deals.csv');
  });

  it('validation finds the format, counts the rows, and reports each bad row by its spreadsheet row and header', async () => {
    const s = await validateImport(k(), first, file);
    expect(s).toMatchObject({ status: 'validated', format: 'hubspot', rowsTotal: 8, rowsValid: 4, rowsInvalid: 4, encoding: 'utf-8', error: null });
    expect(s.mapping).toMatchObject({ externalId: 'Record ID', amount: 'Amount in company currency' });
    expect(s.headers).toHaveLength(13);
    expect(s.unmatchedOwners).toEqual([{ name: 'Unknown Owner', rows: 1 }]);
    expect(await errorsOf(first)).toEqual([
      { row_number: 5, column_name: 'Close Date', message: '2026-02-30 is not a date: February 2026 has 28 days.' },
      { row_number: 6, column_name: 'Deal Name', message: 'Deal name is empty; every deal needs one.' },
      { row_number: 7, column_name: 'Record ID', message: 'The record ID 15102398442 is on an earlier row of this file too; each deal must appear once.' },
      { row_number: 8, column_name: 'Amount in company currency', message: 'A won deal needs an amount (revenue closed counts it); this row has none.' },
    ]);
    expect(await dealsOf(ws.id)).toEqual([]);
  });

  it('all or nothing refuses with a 409 sentence, writes no deal and keeps the report', async () => {
    const err = await commitImport(k(), first, file, 'all_or_nothing').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
    expect((err as AppError).message).toBe('4 rows have errors, so nothing was imported (all or nothing). Fix them and import the file again, or import the 4 valid rows only.');
    expect(await dealsOf(ws.id)).toEqual([]);
    expect(await errorsOf(first)).toHaveLength(4);
  });

  it('all or nothing without a validation first finds the errors as it writes, and still writes nothing', async () => {
    const id = await newImport(ws.id, 'hubspot-deals.csv');
    await expect(commitImport(k(), id, file, 'all_or_nothing')).rejects.toMatchObject({ status: 409 });
    expect(await dealsOf(ws.id)).toEqual([]);
    const row = await k().selectFrom('deal_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'validated', rows_invalid: 4, rows_valid: 4, rows_inserted: 0 });
    expect(await errorsOf(id)).toHaveLength(4);
  });

  it('valid rows writes the valid deals with their owners, status, cents, currency and marketing flag', async () => {
    const s = await commitImport(k(), first, file, 'valid_rows');
    expect(s).toMatchObject({ status: 'done', rowsInserted: 4, rowsUpdated: 0, rowsUnchanged: 0, rowsInvalid: 4 });
    const deals = await dealsOf(ws.id);
    expect(deals.map((d) => [d.external_id, d.status, d.amount === null ? null : Number(d.amount), d.currency, d.close_date, d.created_date, d.owner_member_id, d.marketing_sourced, d.origin])).toEqual([
      ['15102398441', 'won', 1250000, null, '2026-03-07', '2026-01-10', sam, 1, 'hubspot'],
      ['15102398442', 'lost', 480000, null, '2026-02-14', '2025-12-01', rae, 0, 'hubspot'],
      ['15102398443', 'open', null, null, '2026-06-30', '2026-03-01', null, 1, 'hubspot'],
      ['15102398447', 'open', 123450, null, null, '2026-03-05', sam, 1, 'hubspot'],
    ]);
    expect(deals[0]).toMatchObject({ name: 'Northwind Traders, Inc. — platform', stage: 'Closed Won', win_reason: 'Best fit, fast rollout', source: 'Paid Search', last_import_id: first, owner_name: 'Sam Seller' });
    expect(deals[1]!.loss_reason).toBe('Price; went with "cheaper" vendor');
    expect(deals[2]!.name).toBe('Fabrikam\nexpansion (two lines)');
    expect(deals[2]!.owner_name).toBe('Unknown Owner');
  });

  it('importing the same file again changes nothing, and says so', async () => {
    const before = await dealsOf(ws.id);
    const again = await newImport(ws.id, 'hubspot-deals.csv');
    const s = await commitImport(k(), again, file, 'valid_rows');
    expect(s).toMatchObject({ status: 'done', rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 4 });
    expect(await dealsOf(ws.id)).toEqual(before);
  });

  it('an updated export updates the changed deals only; a remembered owner mapping matches the unknown owner', async () => {
    await k().insertInto('deal_owner_mappings').values({ workspace_id: ws.id, owner_key: 'unknown owner', member_id: rae, created_at: nowIso() }).execute();
    const changed = readFileSync(file, 'utf8').replace('Contoso renewal,closedlost,4800', 'Contoso renewal,closedlost,5100').replace('"12,500.00"', '"12,500.00"');
    const path = write(`updated-${newId()}.csv`, changed);
    const id = await newImport(ws.id, 'updated.csv');
    const s = await commitImport(k(), id, path, 'valid_rows');
    // Contoso's amount column here is "Amount"; the company-currency one (still 4800) is what is read: unchanged.
    // Fabrikam's owner is now matched through the mapping: updated.
    expect(s).toMatchObject({ rowsInserted: 0, rowsUpdated: 1, rowsUnchanged: 3, unmatchedOwners: [] });
    const fabrikam = (await dealsOf(ws.id)).find((d) => d.external_id === '15102398443')!;
    expect(fabrikam).toMatchObject({ owner_member_id: rae, last_import_id: id });
  });
});

describe('other exports', () => {
  it('a Salesforce report: US dates, Won/Closed, and the lines a report adds after the data are not errors', async () => {
    const other = await makeWorkspace(t);
    const id = await newImport(other.id, 'salesforce-report.csv');
    const s = await commitImport(k(), id, fixture('salesforce-report.csv'), 'valid_rows');
    expect(s).toMatchObject({ status: 'done', format: 'salesforce', rowsTotal: 4, rowsValid: 3, rowsInvalid: 1, rowsInserted: 3, dateOrder: 'mdy' });
    expect(await errorsOf(id)).toEqual([{ row_number: 5, column_name: 'Close Date', message: '13/13/2026 is not a date: there is no month 13.' }]);
    const deals = await dealsOf(other.id);
    expect(deals.map((d) => [d.external_id, d.status, Number(d.amount), d.currency, d.close_date, d.created_date, d.origin])).toEqual([
      ['0065g00000A1b2cAAB', 'won', 4800000, 'USD', '2026-03-07', '2026-01-15', 'salesforce'],
      ['0065g00000A1b2dAAB', 'open', 999999, 'USD', '2026-04-30', '2026-02-02', 'salesforce'],
      ['0065g00000A1b2eAAB', 'lost', 1200000, 'USD', '2026-02-28', '2025-12-01', 'salesforce'],
    ]);
    expect(deals[2]!.loss_reason).toBe('Lost to competitor');
    // Another workspace's members are never matched, though this workspace has none named Sam Seller.
    expect(deals.every((d) => d.owner_member_id === null)).toBe(true);
    expect(s.unmatchedOwners).toEqual([
      { name: 'Rae Rep', rows: 2 },
      { name: 'Sam Seller', rows: 1 },
    ]);
  });

  it('a semicolon file with a BOM, euro amounts and dotted dates', async () => {
    const other = await makeWorkspace(t);
    const id = await newImport(other.id, 'semicolons.csv');
    const s = await commitImport(k(), id, fixture('hubspot-semicolon-bom.csv'), 'all_or_nothing');
    expect(s).toMatchObject({ status: 'done', format: 'hubspot', rowsInserted: 3, rowsInvalid: 0 });
    const row = await k().selectFrom('deal_imports').select(['delimiter', 'encoding']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ delimiter: ';', encoding: 'utf-8' });
    const deals = await dealsOf(other.id);
    expect(deals.map((d) => [d.name, Number(d.amount), d.currency, d.close_date, d.status])).toEqual([
      ['Müller GmbH', 123450, 'EUR', '2026-03-07', 'won'],
      ['Société Générale; pilote', 123450, 'EUR', '2026-03-15', 'lost'],
      ['Zürich Versicherung', 1000000, 'EUR', null, 'open'],
    ]);
  });

  it('an unknown header needs a mapping; with one, an early 03/07/2026 is read day first once 25/07/2026 shows the order', async () => {
    const other = await makeWorkspace(t);
    const id = await newImport(other.id, 'mapped.csv');
    const s = await validateImport(k(), id, fixture('mapped-generic.csv'));
    expect(s).toMatchObject({ status: 'needs_mapping', format: null, headers: ['crm_id', 'title', 'phase', 'value', 'closed_on', 'rep'] });
    expect(await dealsOf(other.id)).toEqual([]);
    const mapping = { externalId: 'crm_id', name: 'title', stage: 'phase', amount: 'value', closeDate: 'closed_on', owner: 'rep' };
    await k().updateTable('deal_imports').set({ mapping: JSON.stringify(mapping), format: 'mapped' }).where('id', '=', id).execute();
    const v = await validateImport(k(), id, fixture('mapped-generic.csv'));
    expect(v).toMatchObject({ status: 'validated', rowsValid: 2, rowsInvalid: 0, dateOrder: 'dmy' });
    const c = await commitImport(k(), id, fixture('mapped-generic.csv'), 'all_or_nothing');
    expect(c).toMatchObject({ status: 'done', rowsInserted: 2 });
    expect((await dealsOf(other.id)).map((d) => [d.external_id, d.close_date, d.status, d.origin])).toEqual([
      ['A-1', '2026-07-03', 'won', 'mapped'],
      ['A-2', '2026-07-25', 'open', 'mapped'],
    ]);
  });

  it('a chosen date format wins over the column: month first makes 25/07/2026 a row error', async () => {
    const other = await makeWorkspace(t);
    const mapping = { externalId: 'crm_id', name: 'title', stage: 'phase', amount: 'value', closeDate: 'closed_on' };
    const id = await newImport(other.id, 'mapped.csv', { mapping, date_format: 'mdy' });
    const v = await validateImport(k(), id, fixture('mapped-generic.csv'));
    expect(v).toMatchObject({ status: 'validated', rowsValid: 1, rowsInvalid: 1, dateOrder: 'mdy' });
    expect(await errorsOf(id)).toEqual([{ row_number: 3, column_name: 'closed_on', message: "25/07/2026 is not a date: there is no month 25 (this import reads dates month first, as chosen)." }]);
  });

  it('a Windows-1252 file is read as such and says so', async () => {
    const other = await makeWorkspace(t);
    const bytes = Buffer.concat([Buffer.from('Record ID,Deal Name,Deal Stage,Amount\r\n1,Caf'), Buffer.from([0xe9, 0x20, 0x93, 0x4e, 0x6f, 0x69, 0x72, 0x94]), Buffer.from(',Closed Lost,'), Buffer.from([0x80]), Buffer.from('12\r\n')]);
    const id = await newImport(other.id, 'cp1252.csv');
    const s = await commitImport(k(), id, write('cp1252.csv', bytes), 'all_or_nothing');
    expect(s).toMatchObject({ status: 'done', encoding: 'windows-1252', rowsInserted: 1 });
    expect((await dealsOf(other.id))[0]).toMatchObject({ name: 'Café “Noir”', currency: 'EUR', amount: 1200 });
  });
});

describe('bad files fail with a sentence and write nothing', () => {
  let other: TestWorkspace;
  beforeAll(async () => {
    other = await makeWorkspace(t);
  });

  it.each([
    ['an empty file', '', /^This file is empty/],
    ['a binary file', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0)]), /^This file is not text/],
    ['a file whose first line is data', '15102398441,Acme,Closed Won,1200,2026-03-07\n15102398442,Beta,Closed Lost,300,2026-03-08\n', /^The first line holds values \(15102398441, Acme, Closed Won\), not column names/],
    ['a quote never closed', 'Record ID,Deal Name,Deal Stage,Amount\n1,"Acme,Closed Won,5\n2,Beta,Closed Lost,3\n', /^Line \d+: a quoted value is never closed/],
  ])('%s', async (_what, content, sentence) => {
    for (const step of ['validate', 'commit'] as const) {
      const id = await newImport(other.id, 'bad.csv');
      const path = write(`bad-${newId()}.csv`, content);
      const s = step === 'validate' ? await validateImport(k(), id, path) : await commitImport(k(), id, path, 'valid_rows');
      expect(s.status).toBe('failed');
      expect(s.error).toMatch(sentence);
    }
    expect(await dealsOf(other.id)).toEqual([]);
  });

  it('a file that is gone fails with a sentence', async () => {
    const id = await newImport(other.id, 'gone.csv');
    const s = await validateImport(k(), id, join(dir, 'no-such-file.csv'));
    expect(s).toMatchObject({ status: 'failed', error: expect.stringMatching(/^The uploaded file is gone/) });
  });

  it('a row with the wrong number of fields, a blank line and a bad boolean are row errors', async () => {
    const id = await newImport(other.id, 'fields.csv');
    const path = write('fields.csv', 'Opportunity ID,Opportunity Name,Stage,Amount,Close Date,Won,Closed\n006A,One,Prospecting,5,3/7/2026,0,0\n\n006B,Two,Prospecting\n006C,Three,Closed Won,5,3/7/2026,maybe,1\n006D,"Four, with comma",Closed Won,5,3/7/2026,1,1,,\n');
    const s = await validateImport(k(), id, path);
    expect(s).toMatchObject({ status: 'validated', rowsTotal: 4, rowsValid: 2, rowsInvalid: 2 });
    expect(await errorsOf(id)).toEqual([
      { row_number: 4, column_name: null, message: 'This row has 3 fields where the header has 7; a value with a comma or a line break may be missing its quotes.' },
      { row_number: 5, column_name: 'Won', message: 'Won must be true or false (or 1/0, yes/no); this row has "maybe".' },
    ]);
  });

  it('an import done already cannot be run again (409), and a missing import is a 404', async () => {
    const id = await newImport(other.id, 'once.csv');
    const path = write('once.csv', 'Record ID,Deal Name,Deal Stage,Amount\n1,Acme,Closed Lost,5\n');
    await commitImport(k(), id, path, 'valid_rows');
    await expect(commitImport(k(), id, path, 'valid_rows')).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/^This import is done already/) });
    await expect(validateImport(k(), id, path)).rejects.toMatchObject({ status: 409 });
    await expect(validateImport(k(), newId(), path)).rejects.toMatchObject({ status: 404 });
  });
});

describe('owners and workspaces', () => {
  it('an owner matches only a member of the import’s workspace, by email or name, never a remembered mapping of another', async () => {
    const mine = await makeWorkspace(t);
    const theirs = await makeWorkspace(t);
    const email = uniqueEmail('lee');
    const lee = (await addMember(t, theirs, { name: 'Lee Closer', email })).member.id;
    // A mapping row of this workspace that points at another workspace's member is never used.
    await k().insertInto('deal_owner_mappings').values({ workspace_id: mine.id, owner_key: 'pat other', member_id: lee, created_at: nowIso() }).execute();
    const id = await newImport(mine.id, 'owners.csv');
    const path = write('owners.csv', `Record ID,Deal Name,Deal Stage,Amount,Deal owner,Deal owner email\n1,A,Closed Lost,5,Lee Closer,\n2,B,Closed Lost,5,Someone,${email}\n3,C,Closed Lost,5,Pat Other,\n`);
    const s = await commitImport(k(), id, path, 'valid_rows');
    expect(s.rowsInserted).toBe(3);
    expect((await dealsOf(mine.id)).map((d) => d.owner_member_id)).toEqual([null, null, null]);
    expect(s.unmatchedOwners.map((o) => o.name).sort()).toEqual(['Lee Closer', 'Pat Other', 'Someone']);
    expect(await dealsOf(theirs.id)).toEqual([]);
  });

  it('two workspaces may hold the same record id', async () => {
    const a = await makeWorkspace(t);
    const b = await makeWorkspace(t);
    const path = write('same-id.csv', 'Record ID,Deal Name,Deal Stage,Amount\n777,Shared,Closed Lost,5\n');
    await commitImport(k(), await newImport(a.id, 'x.csv'), path, 'valid_rows');
    const s = await commitImport(k(), await newImport(b.id, 'x.csv'), path, 'valid_rows');
    expect(s.rowsInserted).toBe(1);
    expect((await dealsOf(a.id)).length + (await dealsOf(b.id)).length).toBe(2);
  });
});

describe('interrupted and concurrent imports', () => {
  it('an import a restart left importing is marked failed by the sweep, and can then be run again', async () => {
    const other = await makeWorkspace(t);
    const id = await newImport(other.id, 'stuck.csv');
    const path = write('stuck.csv', 'Record ID,Deal Name,Deal Stage,Amount\n1,Acme,Closed Lost,5\n');
    const old = new Date(Date.now() - 10 * 60_000).toISOString();
    await k().updateTable('deal_imports').set({ status: 'importing', updated_at: old }).where('id', '=', id).execute();
    const fresh = await newImport(other.id, 'fresh.csv');
    await k().updateTable('deal_imports').set({ status: 'validating' }).where('id', '=', fresh).execute();
    expect(await failStalledImports(k())).toBeGreaterThanOrEqual(1);
    const rows = await k().selectFrom('deal_imports').select(['id', 'status', 'error']).where('id', 'in', [id, fresh]).execute();
    expect(rows.find((r) => r.id === id)).toMatchObject({ status: 'failed', error: STOPPED_SENTENCE });
    expect(rows.find((r) => r.id === fresh)).toMatchObject({ status: 'validating' });
    const s = await commitImport(k(), id, path, 'all_or_nothing');
    expect(s).toMatchObject({ status: 'done', rowsInserted: 1, error: null });
  });

  it('one rule for a stopped import (decision 044): after two minutes without progress the sweep fails the CLI\'s, never an upload\'s (the routes pick that up)', async () => {
    const other = await makeWorkspace(t);
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const cli = await newImport(other.id, 'cli.csv');
    const recent = await newImport(other.id, 'recent.csv');
    const upload = await createImport(k(), { workspaceId: other.id, filename: 'upload.csv', status: 'validating', createdBy: sam });
    await k().updateTable('deal_imports').set({ status: 'importing', updated_at: ago(3) }).where('id', '=', cli).execute();
    await k().updateTable('deal_imports').set({ status: 'importing', updated_at: ago(1) }).where('id', '=', recent).execute();
    await k().updateTable('deal_imports').set({ status: 'importing', updated_at: ago(30) }).where('id', '=', upload).execute();
    expect(await failStalledImports(k())).toBeGreaterThanOrEqual(1);
    const rows = await k().selectFrom('deal_imports').select(['id', 'status', 'error']).where('id', 'in', [cli, recent, upload]).execute();
    expect(rows.find((r) => r.id === cli)).toMatchObject({ status: 'failed', error: STOPPED_SENTENCE });
    expect(rows.find((r) => r.id === recent)).toMatchObject({ status: 'importing', error: null });
    expect(rows.find((r) => r.id === upload)).toMatchObject({ status: 'importing', error: null });
  });

  it('two imports of overlapping files at once both finish; every deal is there once', async () => {
    const other = await makeWorkspace(t);
    const rows = (from: number) => Array.from({ length: 1500 }, (_, i) => `${from + i},Deal ${from + i},Closed Lost,${i}`).join('\n');
    const a = write('race-a.csv', `Record ID,Deal Name,Deal Stage,Amount\n${rows(0)}\n`);
    const b = write('race-b.csv', `Record ID,Deal Name,Deal Stage,Amount\n${rows(1000)}\n`);
    const [ia, ib] = [await newImport(other.id, 'a.csv'), await newImport(other.id, 'b.csv')];
    const [sa, sb] = await Promise.all([commitImport(k(), ia, a, 'valid_rows'), commitImport(k(), ib, b, 'valid_rows')]);
    expect(sa.rowsInserted + sb.rowsInserted).toBe(2500);
    expect(sa.rowsInserted + sa.rowsUpdated + sa.rowsUnchanged + sb.rowsInserted + sb.rowsUpdated + sb.rowsUnchanged).toBe(3000);
    const n = await k().selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', other.id).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2500);
  });

  it('a file large enough to report progress commits, and its progress moves (PostgreSQL writes it outside the transaction)', async () => {
    const other = await makeWorkspace(t);
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},"Deal ${i}, Inc.",Closed Lost,"$${i}.50",2026-03-0${1 + (i % 9)}`).join('\n');
    const path = write('progress.csv', `Record ID,Deal Name,Deal Stage,Amount,Close Date\n${rows}\n`);
    const id = await newImport(other.id, 'progress.csv');
    const seen: number[] = [];
    const s = await commitImport(k(), id, path, 'all_or_nothing', { onProgress: (bytes) => seen.push(bytes) });
    expect(s).toMatchObject({ status: 'done', rowsInserted: 40_000, bytesDone: s.bytesTotal });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('the same import committed twice at once: one writes, the other is refused with a 409', async () => {
    const other = await makeWorkspace(t);
    const id = await newImport(other.id, 'twice.csv');
    const path = write('twice.csv', 'Record ID,Deal Name,Deal Stage,Amount\n1,Acme,Closed Lost,5\n');
    copyFileSync(path, `${path}.copy`);
    const results = await Promise.allSettled([commitImport(k(), id, path, 'valid_rows'), commitImport(k(), id, `${path}.copy`, 'valid_rows')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ status: 409 });
    expect(await dealsOf(other.id)).toHaveLength(1);
  });
});

describe('a bulk first load (the secondary indexes set aside and built again in the transaction)', () => {
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await createTestApp();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  const indexesOfDeals = async (): Promise<string[]> => {
    const db = fresh.db.kysely;
    const rows =
      fresh.kind === 'sqlite'
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'index' and tbl_name = 'deals' order by name`.execute(db)
        : await sql<{ name: string }>`select indexname as name from pg_indexes where tablename = 'deals' and schemaname = current_schema() order by indexname`.execute(db);
    return rows.rows.map((r) => r.name);
  };
  // Rows padded to the size of a real export's, so the file's size says "many rows".
  const bigFile = (name: string, rows: number, last = '') => {
    const pad = 'x'.repeat(90);
    const body = Array.from({ length: rows }, (_, i) => `${i},"Deal ${i} ${pad}",Closed Lost,${i},2026-03-0${1 + (i % 9)}`).join('\n');
    return write(name, `Record ID,Deal Name,Deal Stage,Amount,Close Date\n${body}\n${last}`);
  };

  it('writes every deal and leaves the indexes as they were; a refused load leaves them too, and no deal', async () => {
    const w = await makeWorkspace(fresh);
    const before = await indexesOfDeals();
    expect(before.length).toBeGreaterThan(3);
    const refusedId = await newImportIn(fresh, w.id);
    await expect(commitImport(fresh.db.kysely, refusedId, bigFile('bulk-bad.csv', 52_000, '99999999,,Closed Lost,1,2026-03-01\n'), 'all_or_nothing')).rejects.toMatchObject({ status: 409 });
    expect(await indexesOfDeals()).toEqual(before);
    expect(await fresh.db.kysely.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 0 });
    const id = await newImportIn(fresh, w.id);
    const s = await commitImport(fresh.db.kysely, id, bigFile('bulk.csv', 52_000), 'all_or_nothing');
    expect(s).toMatchObject({ status: 'done', rowsInserted: 52_000 });
    expect(await indexesOfDeals()).toEqual(before);
    const n = await fresh.db.kysely.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).where('close_date', '=', '2026-03-01').executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(Math.ceil(52_000 / 9));
  });
});
