// `lockstep import` (issue 11, SPEC S7/S8/S9), run as a child process against a temporary SQLite file: a vendor export
// imported by workspace name, a second import that changes nothing, the per-row error report as CSV, refusals with
// sentences and exit codes, a preset for an unknown header, and the crash test — killed with SIGKILL mid-commit, the
// database holds none of that batch, and the same command run again completes.
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failStalledImports, STOPPED_SENTENCE } from '../../src/capabilities/deals/import/engine.js';
import { Database } from '../../src/db/database.js';
import { cliEnv, collect, runCli, spawnCli, wellInto } from './run-cli.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/deals');
let dir: string;
let dbPath: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lockstep-import-'));
  dbPath = join(dir, 'lockstep.sqlite');
  env = cliEnv({ SQLITE_PATH: dbPath });
  const r = await runCli(['create-admin', '--email', 'ada@acme.example', '--name', 'Ada Lovelace', '--password', 'correct horse battery', '--workspace', 'Acme Robotics'], env);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new SqliteDatabase(dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const dealCount = () => query<{ n: number }>('select count(*) as n from deals')[0]!.n;

describe('lockstep import', () => {
  it('is listed in the help with its options', async () => {
    const [top, own] = await Promise.all([runCli(['--help'], env), runCli(['import', '--help'], env)]);
    expect(top.stdout).toMatch(/^ {2}import \[options\] <file>/m);
    expect(own.code).toBe(0);
    for (const option of ['--workspace <name-or-id>', '--mode <mode>', '--preset <name>', '--errors <out.csv>']) expect(own.stdout).toContain(option);
  });

  it('imports a Salesforce report by workspace name, then the same file again changes nothing', async () => {
    const file = join(FIXTURES, 'salesforce-report.csv');
    const first = await runCli(['import', file, '--workspace', 'acme robotics', '--mode', 'valid-rows'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Imported salesforce-report\.csv into "Acme Robotics" \(Salesforce export\) in \d+\.\d s:$/m);
    expect(first.stdout).toContain('4 rows: 3 new, 0 updated, 0 unchanged, 1 with errors (not imported).');
    expect(first.stdout).toContain('Add --errors <file.csv> to get the rows with errors');
    expect(dealCount()).toBe(3);
    const again = await runCli(['import', file, '--workspace', 'acme-robotics', '--mode', 'valid-rows'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('4 rows: 0 new, 0 updated, 3 unchanged, 1 with errors (not imported).');
    expect(dealCount()).toBe(3);
  });

  it('all or nothing refuses a file with bad rows (exit 2), writes nothing, and writes the error report as CSV', async () => {
    const before = dealCount();
    const report = join(dir, 'errors.csv');
    const r = await runCli(['import', join(FIXTURES, 'hubspot-deals.csv'), '--workspace', 'Acme Robotics', '--errors', report], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('lockstep: 4 rows have errors, so nothing was imported (all or nothing).');
    expect(r.stderr).toContain(`The errors are in ${report} (4 lines). Run again with --mode valid-rows to import the valid rows only.`);
    expect(dealCount()).toBe(before);
    expect(readFileSync(report, 'utf8').split('\r\n')).toEqual([
      '"row","column","message"',
      '"5","Close Date","2026-02-30 is not a date: February 2026 has 28 days."',
      '"6","Deal Name","Deal name is empty; every deal needs one."',
      '"7","Record ID","The record ID 15102398442 is on an earlier row of this file too; each deal must appear once."',
      '"8","Amount in company currency","A won deal needs an amount (revenue closed counts it); this row has none."',
      '',
    ]);
  });

  it('refuses with a sentence: no workspace, an unknown one, a missing file, a binary file, an unknown header', async () => {
    const bin = join(dir, 'deals.xlsx');
    writeFileSync(bin, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 0)]));
    const cases: Array<[string[], RegExp]> = [
      [['import', join(FIXTURES, 'salesforce-report.csv')], /Say which workspace to import into: --workspace <name or id>\./],
      [['import', join(FIXTURES, 'salesforce-report.csv'), '--workspace', 'Globex'], /There is no workspace "Globex" \(by name or id\)\. The workspaces are:\n {2}\S+ {2}Acme Robotics/],
      [['import', join(dir, 'nope.csv'), '--workspace', 'Acme Robotics'], /There is no file at .*nope\.csv\./],
      [['import', bin, '--workspace', 'Acme Robotics'], /This file is not text \(it contains NUL bytes\).* Nothing was imported\./],
      [['import', join(FIXTURES, 'mapped-generic.csv'), '--workspace', 'Acme Robotics'], /does not recognise the columns of mapped-generic\.csv .* Its columns: "crm_id", "title", "phase", "value", "closed_on", "rep"\. .*--preset <name>\. Nothing was imported\./],
      [['import', join(FIXTURES, 'mapped-generic.csv'), '--workspace', 'Acme Robotics', '--preset', 'CRM'], /"Acme Robotics" has no column-mapping preset named "CRM"\. Save one on the Deals import page first\./],
      [['import', join(FIXTURES, 'mapped-generic.csv'), '--workspace', 'Acme Robotics', '--mode', 'some'], /argument 'some' is invalid\. Allowed choices are all-or-nothing, valid-rows\./],
    ];
    const before = dealCount();
    for (const [args, message] of cases) {
      const r = await runCli(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(dealCount()).toBe(before);
  });

  it('a saved preset maps an unknown header', async () => {
    const ws = query<{ id: string }>("select id from workspaces where name = 'Acme Robotics'")[0]!;
    const db = new SqliteDatabase(dbPath);
    db.prepare('insert into deal_column_presets (id, workspace_id, name, mapping, created_by, created_at) values (?, ?, ?, ?, null, ?)').run(
      'preset-1',
      ws.id,
      'Our CRM',
      JSON.stringify({ externalId: 'crm_id', name: 'title', stage: 'phase', amount: 'value', closeDate: 'closed_on', owner: 'rep' }),
      new Date().toISOString(),
    );
    db.close();
    const r = await runCli(['import', join(FIXTURES, 'mapped-generic.csv'), '--workspace', ws.id, '--preset', 'Our CRM'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('(mapped with a preset)');
    expect(r.stdout).toContain('2 rows: 2 new, 0 updated, 0 unchanged.');
    expect(query<{ close_date: string }>("select close_date from deals where external_id = 'A-1'")[0]!.close_date).toBe('2026-07-03');
  });
});

describe('the crash test', () => {
  const ROWS = 100_000;
  let big: string;
  beforeAll(async () => {
    big = join(dir, 'big-hubspot.csv');
    const out = createWriteStream(big);
    out.write('Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,Original Source Type\r\n');
    const stages = ['Appointment Scheduled', 'Closed Won', 'Closed Lost', 'Contract Sent'];
    let chunk = '';
    for (let i = 0; i < ROWS; i++) {
      chunk += `${5_000_000 + i},"Deal ${i}, Inc.",${stages[i % 4]},"$${(i % 9000) + 100}.00",2026-0${1 + (i % 9)}-1${i % 9},2025-0${1 + (i % 9)}-0${1 + (i % 8)},Owner ${i % 40},Sales Pipeline,Paid Search\r\n`;
      if (chunk.length > 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'close');
  });

  it('killed with SIGKILL mid-commit: none of the batch is written; run again, it completes', async () => {
    const before = dealCount();
    const child = spawnCli(['import', big, '--workspace', 'Acme Robotics'], env);
    const done = collect(child);
    // Wait until it is well into the file (its progress lines), then kill it without warning.
    await wellInto(child, 'big-hubspot.csv');
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');

    expect(dealCount()).toBe(before);
    const stuck = query<{ id: string; status: string }>("select id, status from deal_imports where filename = 'big-hubspot.csv'");
    expect(stuck).toEqual([{ id: expect.any(String), status: 'importing' }]);
    expect(query<{ n: number }>('select count(*) as n from deal_import_errors where import_id = ?', stuck[0]!.id)[0]!.n).toBe(0);
    const integrity = query<{ integrity_check: string }>('pragma integrity_check');
    expect(integrity).toEqual([{ integrity_check: 'ok' }]);

    // The sweep (a job on a running server) marks it failed once it has made no progress for minutes.
    const db = await Database.open({ kind: 'sqlite', path: dbPath });
    try {
      expect(await failStalledImports(db.kysely, new Date(Date.now() + 10 * 60_000))).toBe(1);
    } finally {
      await db.close();
    }
    expect(query<{ status: string; error: string }>('select status, error from deal_imports where id = ?', stuck[0]!.id)).toEqual([{ status: 'failed', error: STOPPED_SENTENCE }]);

    const again = await runCli(['import', big, '--workspace', 'Acme Robotics'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${ROWS.toLocaleString('en-US')} rows: ${ROWS.toLocaleString('en-US')} new, 0 updated, 0 unchanged.`);
    expect(dealCount()).toBe(before + ROWS);
  });
});
