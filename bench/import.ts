// The deal import benchmark (issue 11 "Speed and memory"; decision 038): a generated HubSpot-format deals export of
// 1,000,000 rows (and one of 100,000), imported by the built `lockstep import` — parse, validate, match owners,
// upsert, recompute the computed KPIs — against the database's own bulk loader reading the same file into a plain
// table: the `sqlite3` command-line tool's `.import` on SQLite, `psql \copy` on PostgreSQL. Reported as ratios
// measured in one run, with the importing process's peak RSS (VmHWM) at both sizes. Not a test: nothing is asserted.
//
//   npm run bench:import                          # both databases, 1,000,000 and 100,000 rows
//   npm run bench:import -- --db sqlite --rows 200000 --small 20000
//
// Beside them, the floor under any importer: the same rows written by SQL alone into a copy of the deals table
// (its keys and indexes) after the tool's load — what the table itself costs, with no parsing or checking in Node.
// Targets: Lockstep ≤ 4 × the tool; peak RSS ≤ 300 MB and within 15 % between the two sizes.
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createThrowawayDatabase } from './throwaway-postgres.js';

const ROOT = resolve(import.meta.dirname, '..');
let CLI = join(ROOT, 'dist/cli/main.js');
const PG_SERVER = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const ROWS = Number(option('rows', '1000000'));
const SMALL = Number(option('small', '100000'));
const DBS = option('db', 'both') === 'both' ? (['sqlite', 'postgres'] as const) : ([option('db', 'both')] as Array<'sqlite' | 'postgres'>);

const HEADER = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Pipeline', 'Original Source Type', 'Closed Won Reason', 'Closed Lost Reason', 'Currency'];
const STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Presentation Scheduled', 'Decision Maker Bought-In', 'Contract Sent', 'Closed Won', 'Closed Lost'];
const SOURCES = ['Organic Search', 'Paid Search', 'Direct Traffic', 'Referrals', 'Paid Social', 'Email Marketing', 'Offline Sources', 'Other Campaigns'];
const OWNERS = ['Ada Admin', ...Array.from({ length: 39 }, (_, i) => `Rep Number ${i + 1}`)];
const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wide World', 'Adventure Works', 'Litware', 'Proseware', 'Woodgrove', 'Alpine Ski'];

/** A deterministic HubSpot export: quoted names with commas, $ amounts with thousands separators, ISO dates with times. */
async function generate(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${HEADER.join(',')}\r\n`);
  let chunk = '';
  const day = (n: number) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < rows; i++) {
    const stage = STAGES[(i * 7 + (i >> 3)) % STAGES.length]!;
    const created = (i * 13) % 1800;
    const amount = ((i * 7919) % 250_000) + 500;
    const won = stage === 'Closed Won';
    const lost = stage === 'Closed Lost';
    chunk +=
      `${10_000_000_000 + i},"${COMPANIES[i % COMPANIES.length]} ${i}, Inc. — ${i % 3 === 0 ? 'renewal' : 'new business'}",${stage},` +
      `"$${amount.toLocaleString('en-US')}.${String(i % 100).padStart(2, '0')}",${day(created + 20 + (i % 90))} 14:22,${day(created)} 09:${String(i % 60).padStart(2, '0')},` +
      `${OWNERS[i % OWNERS.length]},Sales Pipeline,${SOURCES[i % SOURCES.length]},${won ? '"Fast rollout, strong champion"' : ''},${lost ? 'Price' : ''},USD\r\n`;
    if (chunk.length >= 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
}

interface Run {
  seconds: number;
  peakRssMb: number | null;
  stdout: string;
}

/** Runs a command, timing it and sampling its VmHWM (peak resident set) from /proc while it runs. */
async function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let hwm: number | null = null;
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) hwm = Math.max(hwm ?? 0, Number(m[1]) / 1024);
    } catch {
      // the process has ended
    }
  };
  const timer = setInterval(sample, 50);
  const [code] = (await once(child, 'close')) as [number | null];
  clearInterval(timer);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${stderr}\n${stdout}`);
  return { seconds: (performance.now() - started) / 1000, peakRssMb: hwm, stdout };
}

const cliEnv = (db: Record<string, string>): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', JOBS: 'off', DEMO: 'off', ...db };
  if (!('DATABASE_URL' in db)) delete env.DATABASE_URL;
  return env;
};

async function lockstepImport(env: NodeJS.ProcessEnv, file: string): Promise<Run> {
  await timed(process.execPath, [CLI, 'create-admin', '--email', 'ada@bench.example', '--name', 'Ada Admin', '--password', 'correct horse battery', '--workspace', 'Bench'], env);
  return timed(process.execPath, [CLI, 'import', file, '--workspace', 'Bench', '--mode', 'valid-rows'], env);
}

function ensureSqlite3(): void {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
  } catch {
    console.log('Installing Debian’s sqlite3 command-line tool (apt-get install -y sqlite3)…');
    execFileSync('apt-get', ['install', '-y', 'sqlite3'], { stdio: 'inherit' });
  }
}

interface Figure {
  db: 'sqlite' | 'postgres';
  rows: number;
  lockstepSeconds: number;
  toolSeconds: number | null;
  ratio: number | null;
  peakRssMb: number | null;
  /** The same rows written by SQL alone into a copy of Lockstep's deals table (its keys and indexes), after the tool's load. */
  schemaSeconds: number | null;
}

/**
 * The floor under any importer (decision 062): the deals table's own writes for these rows — its text primary key,
 * the unique record id and the secondary indexes, built after the rows as the engine does — with the parsing done
 * by the database's own loader and the values converted in SQL. Nothing in Lockstep's code is timed here.
 */
const FLOOR_COLUMNS = (q: (h: string) => string, money: string, day: (c: string) => string) =>
  [
    `'w1'`,
    q('Record ID'),
    `'hubspot'`,
    q('Deal Name'),
    q('Deal Stage'),
    `case ${q('Deal Stage')} when 'Closed Won' then 'won' when 'Closed Lost' then 'lost' else 'open' end`,
    money,
    `'USD'`,
    day('Close Date'),
    day('Create Date'),
    q('Deal owner'),
    'null',
    q('Pipeline'),
    q('Original Source Type'),
    '0',
    `nullif(${q('Closed Won Reason')}, '')`,
    `nullif(${q('Closed Lost Reason')}, '')`,
    'null',
    `'2026-01-01T00:00:00.000Z'`,
    `'2026-01-01T00:00:00.000Z'`,
  ].join(', ');
const DEAL_COLUMN_NAMES = 'id, workspace_id, external_id, origin, name, stage, status, amount, currency, close_date, created_date, owner_name, owner_member_id, pipeline, source, marketing_sourced, win_reason, loss_reason, last_import_id, created_at, updated_at';

async function benchSqlite(work: string, files: Map<number, string>): Promise<Figure[]> {
  ensureSqlite3();
  const out: Figure[] = [];
  for (const [rows, file] of files) {
    const run = await lockstepImport(cliEnv({ SQLITE_PATH: join(work, `lockstep-${rows}.sqlite`) }), file);
    let tool: number | null = null;
    let schema: number | null = null;
    if (rows === ROWS) {
      // The same file into a plain table (its columns named by the header), in one transaction, as .import does.
      tool = (await timed('sqlite3', [join(work, `plain-${rows}.sqlite`), '.mode csv', `.import ${file} deals`], process.env)).seconds;
      schema = await sqliteSchemaFloor(join(work, `lockstep-${rows}.sqlite`), join(work, `plain-${rows}.sqlite`));
    }
    out.push({ db: 'sqlite', rows, lockstepSeconds: run.seconds, toolSeconds: tool, ratio: tool ? run.seconds / tool : null, peakRssMb: run.peakRssMb, schemaSeconds: schema });
  }
  return out;
}

async function benchPostgres(files: Map<number, string>): Promise<Figure[]> {
  const out: Figure[] = [];
  for (const [rows, file] of files) {
    const db = await createThrowawayDatabase(PG_SERVER);
    try {
      const run = await lockstepImport(cliEnv({ DATABASE_URL: db.url }), file);
      let tool: number | null = null;
      let schema: number | null = null;
      if (rows === ROWS) {
        const columns = HEADER.map((h) => `"${h}" text`).join(', ');
        execFileSync('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qc', `create table plain_deals (${columns})`]);
        tool = (await timed('psql', [db.url, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy plain_deals from '${file}' with (format csv, header true)`], process.env)).seconds;
        schema = await postgresSchemaFloor(db.url);
      }
      out.push({ db: 'postgres', rows, lockstepSeconds: run.seconds, toolSeconds: tool, ratio: tool ? run.seconds / tool : null, peakRssMb: run.peakRssMb, schemaSeconds: schema });
    } finally {
      await db.drop();
    }
  }
  return out;
}

/** SQLite: the plain table's rows into a copy of the deals table Lockstep's migrations made, indexes built after. */
async function sqliteSchemaFloor(lockstepDb: string, plainDb: string): Promise<number> {
  const ddl = execFileSync('sqlite3', [lockstepDb, "select type, replace(replace(sql, char(13), ' '), char(10), ' ') from sqlite_master where tbl_name = 'deals' and sql is not null order by type desc"], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => ({ type: line.slice(0, line.indexOf('|')), sql: line.slice(line.indexOf('|') + 1).replace(/"deals"/g, '"deals_floor"').replace(/\bdeals_(kpi|list|workspace)/g, 'floor_$1') }));
  const q = (h: string) => `"${h}"`;
  const money = `cast(round(cast(replace(replace(${q('Amount')}, '$', ''), ',', '') as real) * 100) as integer)`;
  const day = (c: string) => `substr(${q(c)}, 1, 10)`;
  const script = [
    'begin;',
    ...ddl.filter((d) => d.type === 'table').map((d) => `${d.sql};`),
    `insert into deals_floor (${DEAL_COLUMN_NAMES}) select printf('0190%028d', rowid), ${FLOOR_COLUMNS(q, money, day)} from deals order by rowid;`,
    ...ddl.filter((d) => d.type === 'index').map((d) => `${d.sql};`),
    'commit;',
  ].join('\n');
  const scriptFile = `${plainDb}.floor.sql`;
  writeFileSync(scriptFile, script);
  return (await timed('sqlite3', [plainDb, `.read ${scriptFile}`], process.env)).seconds;
}

/** PostgreSQL: the plain table's rows into a copy of the deals table (no indexes), then its keys and indexes added. */
async function postgresSchemaFloor(url: string): Promise<number> {
  const indexes = execFileSync('psql', [url, '-Atc', "select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'deals'::regclass"], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((d) => d.replace(/ ON (public\.)?deals /, ' ON deals_floor ').replace(/INDEX (\w+)/, 'INDEX floor_$1'));
  const q = (h: string) => `"${h}"`;
  const money = `round(replace(replace(${q('Amount')}, '$', ''), ',', '')::numeric * 100)::bigint`;
  const day = (c: string) => `substr(${q(c)}, 1, 10)`;
  const script = [
    'begin;',
    'create table deals_floor (like deals including defaults);',
    `insert into deals_floor (${DEAL_COLUMN_NAMES}) select lpad(n::text, 32, '0'), ${FLOOR_COLUMNS(q, money, day)} from (select *, row_number() over () as n from plain_deals) p;`,
    ...indexes.map((d) => `${d};`),
    'commit;',
  ].join('\n');
  return (await timed('psql', [url, '-v', 'ON_ERROR_STOP=1', '-qc', script], process.env)).seconds;
}

/**
 * The CLI measured is built from the last commit (git archive HEAD into a temporary folder), not from the working
 * tree, which others may be changing: a half-written room elsewhere must not break or colour the figure.
 */
function buildFromHead(into: string): string {
  const tree = join(into, 'tree');
  mkdirSync(tree);
  execFileSync('sh', ['-c', `git archive HEAD src package.json tsconfig.json tsconfig.build.json | tar -x -C '${tree}'`], { cwd: ROOT, stdio: 'inherit' });
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  console.log(`Building the server at ${commit} (git archive HEAD, tsc -p tsconfig.build.json)…`);
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(tree, 'tsconfig.build.json')], { cwd: tree, stdio: 'inherit' });
  return join(tree, 'dist/cli/main.js');
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-bench-import-'));
  try {
    CLI = buildFromHead(work);
    const files = new Map<number, string>();
    for (const rows of [SMALL, ROWS]) {
      const file = join(work, `hubspot-deals-${rows}.csv`);
      const t = performance.now();
      await generate(file, rows);
      console.log(`Generated ${file} (${rows.toLocaleString('en-US')} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      files.set(rows, file);
    }
    const figures: Figure[] = [];
    for (const db of DBS) figures.push(...(db === 'sqlite' ? await benchSqlite(work, files) : await benchPostgres(files)));

    const f = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
    console.log('\n| database | rows | Lockstep import | bulk tool | ratio (target ≤ 4) | peak RSS MB (target ≤ 300) | floor: tool + deals table by SQL | floor ratio |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const x of figures) {
      const floor = x.toolSeconds !== null && x.schemaSeconds !== null ? x.toolSeconds + x.schemaSeconds : null;
      console.log(
        `| ${x.db} | ${x.rows.toLocaleString('en-US')} | ${f(x.lockstepSeconds)} s | ${x.toolSeconds === null ? '—' : `${f(x.toolSeconds)} s`} | ${f(x.ratio, 2)} | ${f(x.peakRssMb, 0)} | ${floor === null ? '—' : `${f(floor)} s`} | ${floor === null ? '—' : f(floor / x.toolSeconds!, 2)} |`,
      );
    }
    const growth = DBS.map((db) => {
      const [small, large] = [figures.find((x) => x.db === db && x.rows === SMALL), figures.find((x) => x.db === db && x.rows === ROWS)];
      const ratio = small?.peakRssMb && large?.peakRssMb ? large.peakRssMb / small.peakRssMb : null;
      return { db, smallRows: SMALL, largeRows: ROWS, rssRatio: ratio };
    });
    for (const g of growth) console.log(`${g.db}: peak RSS at ${ROWS.toLocaleString('en-US')} rows is ${f(g.rssRatio, 2)} × that at ${SMALL.toLocaleString('en-US')} (target ≤ 1.15)`);
    const results = join(ROOT, 'bench/results/import.json');
    mkdirSync(dirname(results), { recursive: true });
    writeFileSync(results, `${JSON.stringify({ measuredAt: new Date().toISOString(), rows: ROWS, small: SMALL, figures, growth }, null, 2)}\n`);
    console.log(`\nWrote ${results}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
