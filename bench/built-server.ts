// The built server (`node bin/lockstep.js start`) as a child process of its own, as an operator runs it:
// the load generator and this harness never share its event loop or its heap. Started on a free port with
// JOBS=off and LOG_LEVEL=warn; its RSS is read from /proc/<pid>/status.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/capabilities/workspaces/demo.js';
import { freePort } from './free-port.js';

const BIN = new URL('../bin/lockstep.js', import.meta.url).pathname;

export interface ServerDatabase {
  /** SQLITE_PATH or DATABASE_URL, exactly one. */
  env: { SQLITE_PATH: string } | { DATABASE_URL: string };
}

export interface StartedServer {
  pid: number;
  baseUrl: string;
  /** The demo admin's session, as a Cookie header value. */
  cookie: string;
  /** The workspace that session reads. */
  workspace: { id: string; name: string };
  /** Resident set size of the server process now, in bytes (VmRSS), or null off Linux. */
  rss(): number | null;
  stop(): Promise<void>;
}

/** Runs a `lockstep` command to completion with the same environment the server gets. */
export function runLockstep(args: string[], env: NodeJS.ProcessEnv): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

export function serverEnv(database: ServerDatabase, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, JOBS: 'off', LOG_LEVEL: 'warn', DEMO: 'on', ...database.env, ...extra };
  // The SQLite run must not pick up a DATABASE_URL from the caller's shell.
  if (!('DATABASE_URL' in database.env)) delete env.DATABASE_URL;
  return env;
}

function readRss(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

async function waitForReady(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode} before it was ready:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`The server was not ready after 120 s:\n${log()}`);
}

async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/signin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email: DEMO_EMAIL, password: DEMO_PASSWORD }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('lockstep_session='));
  if (res.status !== 200 || !session) throw new Error(`Demo sign-in as ${DEMO_EMAIL} failed (${res.status}): ${(await res.text()).slice(0, 300)}`);
  return session;
}

/** The session's workspace, as GET /api/v1/me names it. */
async function currentWorkspace(baseUrl: string, cookie: string): Promise<{ id: string; name: string }> {
  const res = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie } });
  const { workspace } = (await res.json()) as { workspace: { id: string; name: string } | null };
  if (res.status !== 200 || !workspace) throw new Error(`GET /api/v1/me names no workspace for ${DEMO_EMAIL} (${res.status})`);
  return { id: workspace.id, name: workspace.name };
}

/** Moves the session to the signed-in person's workspace of that name (the scaled ones sit next to the demo). */
async function switchWorkspace(baseUrl: string, cookie: string, name: string): Promise<void> {
  const me = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie } });
  const { workspaces } = (await me.json()) as { workspaces: Array<{ id: string; name: string }> };
  const target = workspaces.find((w) => w.name === name);
  if (!target) throw new Error(`${DEMO_EMAIL} has no workspace "${name}" (has: ${workspaces.map((w) => w.name).join(', ')})`);
  const res = await fetch(`${baseUrl}/api/v1/me/workspace`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl, cookie },
    body: JSON.stringify({ workspaceId: target.id }),
  });
  if (res.status !== 200) throw new Error(`Switching to "${name}" failed (${res.status}): ${(await res.text()).slice(0, 300)}`);
}

/** Starts the server and signs in; with `workspaceName`, the session is moved to that workspace. */
export async function startBuiltServer(env: NodeJS.ProcessEnv, workspaceName?: string): Promise<StartedServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Keep the last lines of its output for an error message; at LOG_LEVEL=warn there are few.
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await waitForReady(baseUrl, child, () => tail);
    const cookie = await signIn(baseUrl);
    if (workspaceName) await switchWorkspace(baseUrl, cookie, workspaceName);
    const workspace = await currentWorkspace(baseUrl, cookie);
    const pid = child.pid!;
    return { pid, baseUrl, cookie, workspace, rss: () => readRss(pid), stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
