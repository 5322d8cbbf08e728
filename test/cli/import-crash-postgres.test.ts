// The crash test on PostgreSQL (decision 060): `lockstep import` of a first load streams its deals by COPY on its
// transaction; killed with SIGKILL mid-COPY, the database holds none of them (the server rolls the transaction back
// when the connection drops), and the same command run again completes. Its own throwaway database, dropped after.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../bench/throwaway-postgres.js';
import { cliEnv, collect, runCli, spawnCli, wellInto } from './run-cli.js';

const SERVER = process.env.LOCKSTEP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const skip = Boolean(process.env.LOCKSTEP_SKIP_PG) && !process.env.CI;
const ROWS = 100_000;
let dir: string;
let big: string;
let db: ThrowawayDatabase;
let env: NodeJS.ProcessEnv;

async function query<T>(text: string, ...params: unknown[]): Promise<T[]> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}
const dealCount = async () => Number((await query<{ n: string }>('select count(*) as n from deals'))[0]!.n);

describe.skipIf(skip)('the crash test on PostgreSQL (a first load by COPY)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lockstep-import-pg-'));
    db = await createThrowawayDatabase(SERVER);
    env = cliEnv({ DATABASE_URL: db.url });
    const r = await runCli(['create-admin', '--email', 'ada@acme.example', '--name', 'Ada Lovelace', '--password', 'correct horse battery', '--workspace', 'Acme Robotics'], env);
    expect(r.code, r.stderr).toBe(0);
    big = join(dir, 'big-hubspot.csv');
    const out = createWriteStream(big);
    out.write('Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner\r\n');
    let chunk = '';
    for (let i = 0; i < ROWS; i++) {
      chunk += `${5_000_000 + i},"Deal ${i}, ""Inc."" \\ 🎉",Closed Lost,"$${(i % 9000) + 100}.00",2026-0${1 + (i % 9)}-1${i % 9},Owner ${i % 40}\r\n`;
      if (chunk.length > 1 << 16) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'close');
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('killed with SIGKILL mid-COPY: none of the deals is written; run again, it completes', async () => {
    const child = spawnCli(['import', big, '--workspace', 'Acme Robotics'], env);
    const done = collect(child);
    await wellInto(child, 'big-hubspot.csv');
    // The COPY is running: its rows are on the server, uncommitted.
    expect(await query<{ query: string }>("select query from pg_stat_activity where datname = current_database() and query like 'copy deals%' and state = 'active'")).toHaveLength(1);
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');

    // The server notices the dropped connection and rolls its transaction back.
    for (let i = 0; i < 50 && (await query("select 1 from pg_stat_activity where datname = current_database() and query like 'copy deals%'")).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await dealCount()).toBe(0);
    expect(await query<{ status: string }>("select status from deal_imports where filename = 'big-hubspot.csv'")).toEqual([{ status: 'importing' }]);

    const again = await runCli(['import', big, '--workspace', 'Acme Robotics'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${ROWS.toLocaleString('en-US')} rows: ${ROWS.toLocaleString('en-US')} new, 0 updated, 0 unchanged.`);
    expect(await dealCount()).toBe(ROWS);
    expect(await query('select name from deals where external_id = $1', '5000007')).toEqual([{ name: 'Deal 7, "Inc." \\ 🎉' }]);
  });
});
