// The `lockstep` command (SPEC S8), run as a child process against a temporary SQLite file.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/lockstep.js';
import { testConfig } from '../../src/server/config.js';
import { spawn } from 'node:child_process';
import { cliEnv, collect, REPO_ROOT, runCli, spawnCli } from './run-cli.js';

const COMMANDS = ['start', 'migrate', 'seed-demo', 'create-admin', 'backup', 'import'];
const ADMIN = { email: 'ada@acme.example', name: 'Ada Lovelace', password: 'correct horse battery', workspace: 'Acme Robotics' };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lockstep-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh database file per test, so each test says what it starts from. */
function freshDb(name: string): { path: string; env: NodeJS.ProcessEnv } {
  const path = join(dir, name, 'lockstep.sqlite');
  return { path, env: cliEnv({ SQLITE_PATH: path }) };
}

function readWorkspaces(path: string): Array<{ name: string; is_demo: number; members: number }> {
  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select w.name, w.is_demo, (select count(*) from members m where m.workspace_id = w.id) as members
         from workspaces w order by w.name, w.created_at`,
      )
      .all() as Array<{ name: string; is_demo: number; members: number }>;
  } finally {
    db.close();
  }
}

/** What a scaled demo should hold: at least the first of each pair, less than the second. */
interface ScaledDemoWant {
  years: number;
  members: [number, number];
  kpiValues: [number, number];
  meetings: number;
  held: number;
}

/**
 * `seed-demo --size <size>` on an empty file: it succeeds and says what it made; the one workspace is that one,
 * with the shape every scaled demo shares (more sales than marketing than leadership, `years` of weekly KPI
 * values, a check-in room of 10–20 key players, every room's tables filled) and the counts of its size.
 */
async function expectScaledDemo(path: string, env: NodeJS.ProcessEnv, size: '10x' | 'large', want: ScaledDemoWant): Promise<void> {
  const r = await runCli(['seed-demo', '--size', size], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const name = `Northwind Analytics (${size})`;
  expect(r.stdout).toContain(`Created the demo workspace "${name}" with `);
  expect(r.stdout).toMatch(/with [\d,]+ members, [\d,]+ KPI values, [\d,]+ meetings .* in \d+\.\d s\./);
  const workspaces = readWorkspaces(path);
  expect(workspaces).toEqual([expect.objectContaining({ name, is_demo: 1 })]);
  const within = (n: number | undefined, [min, max]: [number, number]) => n !== undefined && n >= min && n < max;

  const db = new SqliteDatabase(path, { readonly: true, fileMustExist: true });
  try {
    const teams = db.prepare('select team, count(*) as n from members group by team').all() as Array<{ team: string; n: number }>;
    const n = (team: string) => teams.find((t) => t.team === team)?.n ?? 0;
    expect(n('sales')).toBeGreaterThan(n('marketing'));
    expect(n('marketing')).toBeGreaterThan(n('leadership'));
    expect(n('leadership')).toBeGreaterThan(0);
    const values = db.prepare('select min(date) as first, max(date) as last, count(*) as n from kpi_values').get() as { first: string; last: string; n: number };
    const years = (Date.parse(values.last) - Date.parse(values.first)) / (365 * 86_400_000);
    const meetings = db.prepare("select count(*) as n, sum(status = 'held') as held from meetings").get() as { n: number; held: number };
    const attendees = db.prepare('select count(*) as n from checkin_attendees').get() as { n: number };
    expect({
      members: within(workspaces[0]?.members, want.members),
      years: within(years, [want.years, want.years + 0.2]),
      kpiValues: within(values.n, want.kpiValues),
      meetings: meetings.n >= want.meetings && meetings.held >= want.held,
      attendees: within(attendees.n, [10, 21]),
    }).toEqual({ members: true, years: true, kpiValues: true, meetings: true, attendees: true });
    for (const table of ['meeting_attendance', 'decisions', 'action_items', 'publications', 'expectations', 'quiz_answers']) {
      expect((db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n, table).toBeGreaterThan(0);
    }
  } finally {
    db.close();
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => done(port));
    });
  });
}

describe('lockstep --help', () => {
  it('lists every command, and each command has its own help', async () => {
    const env = freshDb('help').env;
    const [top, ...each] = await Promise.all([runCli(['--help'], env), ...COMMANDS.map((c) => runCli([c, '--help'], env))]);
    expect(top.code).toBe(0);
    for (const c of COMMANDS) expect(top.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    each.forEach((r, i) => {
      expect(r.code, COMMANDS[i]).toBe(0);
      expect(r.stdout).toContain(`Usage: lockstep ${COMMANDS[i]}`);
    });
    expect(each[3]?.stdout).toContain('--email <address>');
    expect(each[4]?.stdout).toContain('<path>');
    expect(each[5]?.stdout).toContain('<file>');
    expect(each[5]?.stdout).toContain('--workspace');
  });

  // `npm test` builds before it tests, so this checks the entry point `npm start` and the bin use.
  it.skipIf(!existsSync(join(REPO_ROOT, 'dist/cli/main.js')))('runs from the build through bin/lockstep.js', async () => {
    const r = await collect(spawn(process.execPath, ['bin/lockstep.js', '--help'], { cwd: REPO_ROOT, env: freshDb('bin').env }));
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
  });

  it('answers an unknown command with a usage error, exit 2', async () => {
    const r = await runCli(['frobnicate'], freshDb('unknown').env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('lockstep migrate', () => {
  it('migrates an empty file, then reports it is up to date', async () => {
    const { path, env } = freshDb('migrate');
    const first = await runCli(['migrate'], env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Applied \d+ migrations? to SQLite/);
    expect(first.stdout).toContain('foundation');
    expect(existsSync(path)).toBe(true);
    expect(readWorkspaces(path)).toEqual([]);

    const second = await runCli(['migrate'], env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('up to date');
  });

  it('reports a bad configuration as a user error, without a stack trace', async () => {
    const r = await runCli(['migrate'], cliEnv({ DATABASE_URL: 'not a url' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_URL');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('lockstep create-admin', () => {
  it('creates a clean workspace whose admin can sign in', async () => {
    const { path, env } = freshDb('admin');
    const r = await runCli(
      ['create-admin', '--email', ' Ada@Acme.example ', '--name', ADMIN.name, '--password', ADMIN.password, '--workspace', ADMIN.workspace, '--time-zone', 'Europe/London'],
      env,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"${ADMIN.workspace}"`);
    expect(readWorkspaces(path)).toEqual([{ name: ADMIN.workspace, is_demo: 0, members: 1 }]);

    const app = await createApp(testConfig({ database: { kind: 'sqlite', path } }));
    try {
      const signin = await app.server.inject({
        method: 'POST',
        url: '/api/v1/auth/signin',
        headers: { origin: 'http://localhost:3000' },
        payload: { email: ADMIN.email, password: ADMIN.password },
      });
      expect(signin.statusCode).toBe(200);
      const me = signin.json<{ user: { name: string }; workspace: { name: string; timeZone: string; isDemo: boolean }; member: { role: string } }>();
      expect(me.user.name).toBe(ADMIN.name);
      expect(me.workspace).toMatchObject({ name: ADMIN.workspace, timeZone: 'Europe/London', isDemo: false });
      expect(me.member.role).toBe('admin');

      const cookie = signin.cookies.find((c) => c.name === 'lockstep_session');
      expect(cookie).toBeDefined();
      const audit = await app.server.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: `lockstep_session=${cookie?.value ?? ''}` } });
      expect(audit.statusCode).toBe(200);
      expect(JSON.stringify(audit.json())).toContain('workspace.created');
    } finally {
      await app.close();
    }

    // The same email twice is refused, and nothing is written.
    const again = await runCli(['create-admin', '--email', ADMIN.email, '--name', 'Other', '--password', ADMIN.password, '--workspace', 'Second'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
    expect(readWorkspaces(path)).toHaveLength(1);
  });

  it('refuses a bad email with exit 2 and a message naming the option', async () => {
    const { path, env } = freshDb('bad-email');
    const r = await runCli(['create-admin', '--email', 'not-an-email', '--name', 'Ada', '--password', ADMIN.password, '--workspace', 'Acme'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--email must be an email address');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path)).toBe(false);
  });

  it('lists every missing or invalid option at once', async () => {
    const r = await runCli(['create-admin', '--password', 'short', '--time-zone', 'Mars/Olympus'], freshDb('missing').env);
    expect(r.code).toBe(2);
    for (const line of ['--email is required', '--name is required', '--workspace is required', '--password must be at least 10 characters', '--time-zone must be an IANA time zone']) {
      expect(r.stderr).toContain(line);
    }
  });
});

describe('lockstep seed-demo and backup', () => {
  it('creates the demo workspace once, refuses a second time, and backs it up to a file that restores', async () => {
    const { path, env } = freshDb('demo');
    const seeded = await runCli(['seed-demo'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('dana@northwind.example / lockstep-demo');
    expect(readWorkspaces(path)).toEqual([{ name: 'Northwind Analytics', is_demo: 1, members: 15 }]);

    const twice = await runCli(['seed-demo'], env);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('A demo workspace already exists');
    expect(twice.stderr).toContain('--force');
    expect(readWorkspaces(path)).toHaveLength(1);

    const admin = await runCli(['create-admin', '--email', ADMIN.email, '--name', ADMIN.name, '--password', ADMIN.password, '--workspace', ADMIN.workspace], env);
    expect(admin.code).toBe(0);

    const target = join(dir, 'backups', 'nested', 'lockstep-backup.sqlite');
    const backup = await runCli(['backup', target], env);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/\(\d+(\.\d)? (B|KiB|MiB), 2 workspaces, integrity ok\)/);

    // Restore check: the copy is a SQLite database on its own, with the same workspaces and people.
    const copy = new SqliteDatabase(target, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    expect(readWorkspaces(target)).toEqual(readWorkspaces(path));
    const app = await createApp(testConfig({ database: { kind: 'sqlite', path: target } }));
    try {
      const signin = await app.server.inject({
        method: 'POST',
        url: '/api/v1/auth/signin',
        headers: { origin: 'http://localhost:3000' },
        payload: { email: 'dana@northwind.example', password: 'lockstep-demo' },
      });
      expect(signin.statusCode).toBe(200);
    } finally {
      await app.close();
    }

    // An existing file is kept unless --force says otherwise.
    const over = await runCli(['backup', target], env);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--force');
    expect((await runCli(['backup', target, '--force'], env)).code).toBe(0);
  });

  it('builds the large workspace with --size large, next to nothing else, and refuses an unknown size', async () => {
    const { path, env } = freshDb('large');
    await expectScaledDemo(path, env, 'large', { years: 5, members: [380, 450], kpiValues: [10_000, 20_000], meetings: 250, held: 200 });

    const bogus = await runCli(['seed-demo', '--size', 'bogus'], env);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toContain("'bogus' is invalid");
    expect(bogus.stderr).toContain('demo, 10x, large');
    expect(bogus.stderr).not.toMatch(/^\s+at /m);
    expect(readWorkspaces(path)).toHaveLength(1);
  });

  it('builds the 10x workspace with --size 10x: about ten times the demo, beside the others, each size refused once it exists', async () => {
    const { path, env } = freshDb('10x');
    // About ten times the demo's 15 people and 424 KPI values, well short of the large workspace.
    await expectScaledDemo(path, env, '10x', { years: 3, members: [120, 200], kpiValues: [4_000, 10_000], meetings: 150, held: 130 });

    // Refused once it exists, by its name; the large and the small demo still go beside it.
    const again = await runCli(['seed-demo', '--size', '10x'], env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('A 10x demo workspace already exists ("Northwind Analytics (10x)"');
    expect(again.stderr).toContain('lockstep seed-demo --size 10x --force');
    expect((await runCli(['seed-demo', '--size', 'large'], env)).code).toBe(0);
    expect((await runCli(['seed-demo'], env)).code).toBe(0);
    expect(readWorkspaces(path).map((w) => w.name)).toEqual(['Northwind Analytics', 'Northwind Analytics (10x)', 'Northwind Analytics (large)']);
  });

  it('refuses to back up a database that does not exist', async () => {
    const r = await runCli(['backup', join(dir, 'nothing.sqlite')], freshDb('absent').env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no database at');
  });

  it('prints the pg_dump command for PostgreSQL without connecting', async () => {
    const r = await runCli(['backup', '/backups/lockstep.dump'], cliEnv({ DATABASE_URL: 'postgres://lockstep@db.internal:5432/lockstep' }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('pg_dump --format=custom --no-owner --file=/backups/lockstep.dump --dbname=postgres://lockstep@db.internal:5432/lockstep');

    const secret = await runCli(['backup', 'out.dump'], cliEnv({ DATABASE_URL: 'postgres://lockstep:s3cret@db.internal:5432/lockstep' }));
    expect(secret.code).toBe(0);
    expect(secret.stdout).toContain('--dbname="$DATABASE_URL"');
    expect(secret.stdout).not.toContain('s3cret');
  });
});

describe('lockstep start', () => {
  it('serves /api/health on PORT and shuts down cleanly on SIGTERM', async () => {
    const port = await freePort();
    const { env } = freshDb('start');
    const child = spawnCli(['start'], { ...env, PORT: String(port), HOST: '127.0.0.1', DEMO: 'off', JOBS: 'on' });
    const result = collect(child);
    let stdout = '';
    await new Promise<void>((done, fail) => {
      child.stdout?.on('data', (d: Buffer | string) => {
        stdout += String(d);
        if (stdout.includes('Press Ctrl+C to stop.')) done();
      });
      child.on('close', (code) => fail(new Error(`start exited early with ${String(code)}: ${stdout}`)));
    });
    expect(stdout).toContain(`Lockstep is running at http://localhost:${port}`);
    expect(stdout).toContain('No workspace yet');

    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    child.kill('SIGTERM');
    const exit = await result;
    expect(exit.signal).toBeNull();
    expect(exit.code).toBe(0);
    expect(exit.stdout).toContain('Lockstep stopped.');
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  });
});
