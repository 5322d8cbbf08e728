// Runs the `lockstep` command as a person would: a child process, from the source through tsx's loader,
// with only the environment the test gives it (SQLite at a temp path, never the parent's DATABASE_URL).
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const ENTRY = resolve(REPO_ROOT, 'src/cli/main.ts');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', JOBS: 'off', DEMO: 'off', ...overrides };
  if (!('DATABASE_URL' in overrides)) delete env.DATABASE_URL;
  return env;
}

/** Starts the CLI without waiting for it (for `start`). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return collect(spawnCli(args, env));
}

/** Resolves once an import's progress on stderr reads between 20 and 89 % of the file: well into it, not done. */
export function wellInto(child: ChildProcess, filename: string): Promise<void> {
  const at = new RegExp(`Importing ${filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ([2-8]\\d)%`);
  return new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stderr!.on('data', (d: Buffer) => {
      seen += d.toString();
      if (at.test(seen)) resolve();
    });
    child.on('exit', () => reject(new Error(`the import ended before it could be killed: ${seen}`)));
  });
}
