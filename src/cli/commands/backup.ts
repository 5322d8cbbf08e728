// `lockstep backup <path>` (SPEC S8, S9 "backups restore"). SQLite: an online backup through SQLite's
// backup API, consistent while Lockstep keeps serving. PostgreSQL: pg_dump is the right tool, so we
// print the exact command rather than reimplement it.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Config } from '../../server/config.js';
import { CliError, readConfig } from '../cli-error.js';
import { withDatabase } from '../open-database.js';

export async function backupCommand(target: string, opts: { force?: boolean }): Promise<void> {
  const config = readConfig();
  if (config.database.kind === 'postgres') {
    printPgDump(config.database.url, target);
    return;
  }
  await backupSqlite(config, config.database.path, target, opts.force === true);
}

async function backupSqlite(config: Config, source: string, target: string, force: boolean): Promise<void> {
  if (source === ':memory:') throw new CliError('SQLITE_PATH is :memory:, so there is nothing on disk to back up.');
  if (!existsSync(source)) throw new CliError(`There is no database at ${resolve(source)} (SQLITE_PATH), so there is nothing to back up.`);
  const dest = resolve(target);
  if (dest === resolve(source)) throw new CliError('The backup path is the database itself; choose another path.');
  if (existsSync(dest)) {
    if (statSync(dest).isDirectory()) throw new CliError(`${dest} is a folder; give the path of the backup file, e.g. ${dest}/lockstep.sqlite`);
    if (!force) throw new CliError(`${dest} already exists. Choose another path, or add --force to replace it.`);
    for (const f of [dest, `${dest}-wal`, `${dest}-shm`]) rmSync(f, { force: true });
  }
  mkdirSync(dirname(dest), { recursive: true });

  await withDatabase(config, async (db) => {
    if (!db.sqlite) throw new Error('SQLite handle missing');
    await db.sqlite.backup(dest);
  });

  // Open the copy on its own to prove it restores: integrity check and the workspaces it holds. The copy
  // inherits WAL mode; switching it to a rollback journal leaves one self-contained file to keep.
  const copy = new SqliteDatabase(dest, { fileMustExist: true });
  let check: string;
  let workspaces: number;
  try {
    copy.pragma('journal_mode = DELETE');
    check = String(copy.pragma('quick_check', { simple: true }));
    workspaces = Number((copy.prepare('select count(*) as n from workspaces').get() as { n: number }).n);
  } finally {
    copy.close();
  }
  if (check !== 'ok') throw new CliError(`The backup at ${dest} failed SQLite's check (${check}); do not rely on it.`, 1);
  console.log(`Backed up ${resolve(source)} to ${dest} (${formatBytes(statSync(dest).size)}, ${workspaces} workspace${workspaces === 1 ? '' : 's'}, integrity ok).`);
  console.log(`To restore: stop Lockstep, delete the -wal and -shm files beside ${source}, copy the backup over it, and start again.`);
}

function printPgDump(url: string, target: string): void {
  let hasPassword = false;
  try {
    hasPassword = new URL(url).password !== '';
  } catch {
    // loadConfig has validated it as a URL already
  }
  // Never print a password: when the URL holds one, the command reads it from the environment.
  const dbname = hasPassword ? '"$DATABASE_URL"' : shellQuote(url);
  console.log('This instance uses PostgreSQL. Back it up with pg_dump, which takes a consistent snapshot while Lockstep keeps running:');
  console.log('');
  console.log(`  pg_dump --format=custom --no-owner --file=${shellQuote(target)} --dbname=${dbname}`);
  console.log('');
  console.log('Restore it into an empty database with:');
  console.log('');
  console.log(`  pg_restore --no-owner --exit-on-error --dbname=${dbname} ${shellQuote(target)}`);
  if (hasPassword) console.log('\n(DATABASE_URL holds a password, so these commands read it from the environment instead of printing it.)');
}

/** Quotes a word for a POSIX shell only when it needs it. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_/.:@%+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
