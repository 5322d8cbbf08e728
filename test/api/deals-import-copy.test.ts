// A first load and a re-import on both databases (decision 060): on PostgreSQL the first load goes in by COPY, on
// the import's transaction. Hostile text (quotes, tabs, line breaks, backslashes, `\N`, emoji) must round-trip
// exactly; the counts must say what happened; a changed file must update only what changed; and a load stopped or
// refused part-way must leave no deal and a connection that still works.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitImport, createImport } from '../../src/capabilities/deals/import/engine.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeWorkspace } from '../factories.js';

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  dir = mkdtempSync(join(tmpdir(), 'deals-copy-'));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const k = () => t.db.kysely;
let files = 0;
function write(content: string): string {
  const path = join(dir, `deals-${++files}.csv`);
  writeFileSync(path, content);
  return path;
}
/** A CSV cell, quoted as a spreadsheet quotes it (doubled quotes; tabs and line breaks kept inside the quotes). */
const cell = (v: string) => `"${v.replace(/"/g, '""')}"`;
const HEADER = 'Record ID,Deal Name,Deal Stage,Amount,Pipeline,Closed Lost Reason\n';

// Each is kept inside a name (the import trims a cell's ends, not its middle).
const HOSTILE = [
  'He said "hello", then left',
  'tab\there',
  'line\nbreak and windows\r\nline',
  'back\\slash, and \\N, and \\t, and \\.',
  'ends with a backslash\\',
  '🎉 Café — naïve 日本 👩🏽‍💻',
  "O'Brien; \"Acme\" \t\\\n mixed",
];
const hostileFile = (suffix: (i: number) => string, amount: (i: number) => number) =>
  HEADER + HOSTILE.map((h, i) => `${100 + i},${cell(`${h}${suffix(i)}`)},Closed Lost,${amount(i)},${cell(`pipe\t${h}`)},${cell(h)}\n`).join('');

const dealsOf = (workspaceId: string) =>
  k().selectFrom('deals').select(['external_id', 'name', 'pipeline', 'loss_reason', 'amount', 'status', 'origin', 'last_import_id']).where('workspace_id', '=', workspaceId).orderBy('external_id').execute();
const countOf = async (workspaceId: string) =>
  Number((await k().selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow()).n);

describe('a first load and a re-import with hostile text', () => {
  it('round-trips every character exactly, and a changed file updates only what changed', async () => {
    const w = await makeWorkspace(t);
    const first = await createImport(k(), { workspaceId: w.id, filename: 'hostile.csv' });
    const s1 = await commitImport(k(), first, write(hostileFile(() => '', (i) => i + 1)), 'valid_rows');
    expect(s1).toMatchObject({ status: 'done', rowsValid: HOSTILE.length, rowsInserted: HOSTILE.length, rowsUpdated: 0, rowsUnchanged: 0 });
    const loaded = await dealsOf(w.id);
    expect(loaded.map((d) => d.name)).toEqual(HOSTILE);
    expect(loaded.map((d) => d.pipeline)).toEqual(HOSTILE.map((h) => `pipe\t${h}`));
    expect(loaded.map((d) => d.loss_reason)).toEqual(HOSTILE);
    expect(loaded.map((d) => Number(d.amount))).toEqual(HOSTILE.map((_, i) => (i + 1) * 100));
    expect(loaded.every((d) => d.status === 'lost' && d.last_import_id === first)).toBe(true);

    // The same deals again, two renamed (one to more hostile text), one with a new amount, and one new deal.
    const changed =
      hostileFile((i) => (i === 1 ? ' \\ renamed\t🎉' : i === 4 ? '\nrenamed' : ''), (i) => (i === 6 ? 999 : i + 1)) +
      `200,${cell('a new one \\N\t"x"')},Closed Lost,5,,\n`;
    const second = await createImport(k(), { workspaceId: w.id, filename: 'hostile-changed.csv' });
    const s2 = await commitImport(k(), second, write(changed), 'valid_rows');
    expect(s2).toMatchObject({ status: 'done', rowsValid: HOSTILE.length + 1, rowsInserted: 1, rowsUpdated: 3, rowsUnchanged: HOSTILE.length - 3 });
    const after = await dealsOf(w.id);
    expect(after.map((d) => d.name)).toEqual([...HOSTILE.map((h, i) => (i === 1 ? `${h} \\ renamed\t🎉` : i === 4 ? `${h}\nrenamed` : h)), 'a new one \\N\t"x"']);
    expect(after.find((d) => d.external_id === '106')).toMatchObject({ amount: 99_900, last_import_id: second });
    expect(after.find((d) => d.external_id === '100')).toMatchObject({ last_import_id: first });
    expect(after.find((d) => d.external_id === '200')).toMatchObject({ pipeline: null, loss_reason: null, last_import_id: second });

    // Once more, unchanged: nothing is written and the counts say so.
    const third = await createImport(k(), { workspaceId: w.id, filename: 'hostile-again.csv' });
    expect(await commitImport(k(), third, write(changed), 'valid_rows')).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: HOSTILE.length + 1 });
  });
});

describe('a first load stopped part-way leaves nothing', () => {
  const manyRows = (n: number, last = '') => HEADER + Array.from({ length: n }, (_, i) => `${i},${cell(`Deal ${i}\twith a tab`)},Closed Lost,${i},,\n`).join('') + last;

  it('a stop asked for while rows stream in cancels the import; no deal, and the database goes on working', async () => {
    const w = await makeWorkspace(t);
    const id = await createImport(k(), { workspaceId: w.id, filename: 'stopped.csv' });
    let calls = 0;
    const stop = new Error('stopped by the test');
    await expect(
      commitImport(k(), id, write(manyRows(30_000)), 'valid_rows', {
        onProgress: () => {
          if (++calls === 3) throw stop;
        },
      }),
    ).rejects.toBe(stop);
    expect(await countOf(w.id)).toBe(0);
    expect(await k().selectFrom('deal_imports').select('status').where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'cancelled' });
    // The same workspace loads in full afterwards (still a first load).
    const again = await createImport(k(), { workspaceId: w.id, filename: 'again.csv' });
    expect(await commitImport(k(), again, write(manyRows(3_000)), 'valid_rows')).toMatchObject({ status: 'done', rowsInserted: 3_000 });
    expect(await countOf(w.id)).toBe(3_000);
  });

  it('all or nothing with a bad row after thousands of good ones writes no deal and keeps the report', async () => {
    const w = await makeWorkspace(t);
    const id = await createImport(k(), { workspaceId: w.id, filename: 'refused.csv' });
    await expect(commitImport(k(), id, write(manyRows(12_000, '99999,,Closed Lost,1,,\n')), 'all_or_nothing')).rejects.toMatchObject({ status: 409 });
    expect(await countOf(w.id)).toBe(0);
    const errors = await k().selectFrom('deal_import_errors').select('row_number').where('import_id', '=', id).execute();
    expect(errors.map((e) => e.row_number)).toEqual([12_002]);
  });

  it('valid rows with errors spread through the file still writes every valid deal (the COPY pauses for each report)', async () => {
    const w = await makeWorkspace(t);
    const rows = Array.from({ length: 6_000 }, (_, i) => (i % 5 === 0 ? `${i},,Closed Lost,1,,\n` : `${i},${cell(`Deal ${i}\\`)},Closed Lost,${i},,\n`)).join('');
    const id = await createImport(k(), { workspaceId: w.id, filename: 'errors.csv' });
    expect(await commitImport(k(), id, write(HEADER + rows), 'valid_rows')).toMatchObject({ status: 'done', rowsInvalid: 1_200, rowsInserted: 4_800 });
    expect(await countOf(w.id)).toBe(4_800);
    expect(await k().selectFrom('deals').select('name').where('workspace_id', '=', w.id).where('external_id', '=', '5999').executeTakeFirstOrThrow()).toEqual({ name: 'Deal 5999\\' });
  });
});
