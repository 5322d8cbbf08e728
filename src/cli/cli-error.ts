// How the `lockstep` command fails: a message a person can act on, never a stack trace for their mistakes.
// Exit codes: 0 done, 1 something failed while running, 2 the input or the database's state refused it.
import { loadConfig, type Config } from '../server/config.js';

export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A failure the person can fix (bad option, refused action): printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_USAGE,
  ) {
    super(message);
  }
}

/** loadConfig(), with an invalid environment reported as a user error. */
export function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    throw new CliError(err instanceof Error ? err.message : String(err));
  }
}

interface SystemError {
  code?: unknown;
  message?: unknown;
  address?: unknown;
  port?: unknown;
}

/**
 * Turns errors the environment causes (PostgreSQL down, a file that cannot be written, a port in use)
 * into one plain line; returns null for anything else, which is a bug and keeps its stack.
 */
export function describeSystemError(err: unknown): string | null {
  const e = (err ?? {}) as SystemError;
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : String(err);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return `Cannot reach the database server (${message}). Is PostgreSQL running, and is DATABASE_URL right?`;
    case 'EADDRINUSE':
      return `The port is already in use (${message}). Stop the other process or set PORT to a free port.`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOSPC':
    case 'ENOENT':
    case 'EISDIR':
    case 'ENOTDIR':
      return message;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the credentials in DATABASE_URL: ${message}`;
    case '3D000':
      return `PostgreSQL says: ${message}. Create it first (createdb) or fix DATABASE_URL.`;
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_NOTADB' || code === 'SQLITE_READONLY') {
    return `SQLite cannot use the database file (${code}): ${message}. Check SQLITE_PATH.`;
  }
  // Database.migrate rethrows a connection failure as a plain Error (no code) whose message carries it.
  const cause = message.replace(/^Migration\s+failed:\s*(error:\s*)?/i, '');
  if (/\b(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EHOSTUNREACH)\b/.test(cause)) {
    return `Cannot reach the database server (${cause}). Is PostgreSQL running, and is DATABASE_URL right?`;
  }
  if (/^database ".*" does not exist$/.test(cause)) return `PostgreSQL says: ${cause}. Create it first (createdb) or fix DATABASE_URL.`;
  if (/authentication failed|role ".*" does not exist/.test(cause)) return `PostgreSQL refused the credentials in DATABASE_URL: ${cause}`;
  return null;
}
