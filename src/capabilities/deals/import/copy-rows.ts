// PostgreSQL's COPY … FROM STDIN for a deal import's first load (decision 060): rows go to the server as COPY's text
// format through pg-copy-streams, on the import's own transaction, so a crash or a refusal still leaves nothing.
// COPY parses a row for a fraction of what an INSERT of unnested arrays costs, and it is one statement for the whole
// load instead of one per 500 rows.
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { Tx } from '../../../db/database.js';

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One value as a field of COPY's text format: null is `\N`; a backslash, tab, line feed or carriage return is
 * backslash-escaped (a tab ends a field and a line feed a row; a lone backslash would start an escape). Every other
 * character, emoji included, stands for itself. NUL cannot be stored in a PostgreSQL text at all: files with NUL
 * bytes are refused before any row is read, so one here is a bug, and says so.
 */
export function copyField(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (value.includes('\0')) throw new Error('A NUL character reached the COPY of deals; files with NUL bytes are refused before they are read.');
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPED[c]!) : value;
}

/** Rows as COPY text: fields joined by tabs, each row ended by a line feed. */
export function copyLines(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : '\t') + copyField(row[i]!);
    text += '\n';
  }
  return text;
}

/**
 * A COPY into one table that opens on the first write and ends when the transaction needs its connection for
 * anything else (an error report, a savepoint, the index builds): while COPY runs, every other statement on that
 * connection waits in pg's queue behind it, so `end()` must come first — and `abort()` on the way out of a failure,
 * or the rollback would wait for ever. Writes return at once unless the socket is full (then they wait for it to
 * drain): the server loads while this process reads the next rows.
 */
export class CopyRows {
  private stream: CopyStreamQuery | null = null;
  private failure: Error | null = null;
  /** Rows the server reported for the COPYs that ended. */
  rowCount = 0;

  constructor(
    private readonly tx: Tx,
    private readonly statement: string,
  ) {}

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream) this.stream = await this.open();
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  /** Ends the COPY in progress (if any) and waits for the server to have loaded every row of it. */
  async end(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.stream = null;
    stream.end();
    await finished(stream);
    this.rowCount += stream.rowCount;
  }

  /** Cancels the COPY in progress (CopyFail), so the connection is free for the rollback; never throws. */
  async abort(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    this.stream = null;
    stream.destroy(new Error('The import stopped; the COPY of its deals is cancelled.'));
    await finished(stream).catch(() => undefined);
  }

  /**
   * Kysely has no COPY and does not hand out its pg client, but its PostgreSQL driver passes a compiled query's
   * text to `client.query` as it is — and pg runs any object with a `submit` method there as a query of its own
   * (a Submittable, as pg-copy-streams is), on the transaction's connection. pg answers with the stream itself, so
   * the execute below returns at once; the COPY then runs until `end()`. Tested on both kinds of first load in
   * test/api/deals-import-copy.test.ts, which fails if a Kysely upgrade changes this.
   */
  private async open(): Promise<CopyStreamQuery> {
    const stream = copyFrom(this.statement);
    stream.on('error', (err: Error) => {
      this.failure ??= err;
    });
    await this.tx.executeQuery(CompiledQuery.raw(stream as unknown as string));
    return stream;
  }
}
