// The streaming row reader for deal exports (issue 11, decision 038): the file is read in chunks and parsed by
// csv-parse as it arrives, so memory stays flat however large the file is. Before parsing, one quick pass over the
// bytes decides how to read them: empty, binary (NUL bytes), UTF-16 (Excel's "Unicode text", by its byte-order mark),
// UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (what Excel writes as "CSV" on Windows). The header
// line decides the delimiter (comma, semicolon or tab). Rows come out in batches with the row number a spreadsheet
// shows (the header is row 1; a quoted newline does not start a row).
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Transform, type Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parse, type Parser } from 'csv-parse';
import type { DealImportEncoding } from '../../../db/schema/deals.js';

/** A file Lockstep cannot read as a CSV: the import fails with this sentence and nothing is written. */
export class UnreadableFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableFile';
  }
}

export interface FileShape {
  bytes: number;
  encoding: DealImportEncoding;
  delimiter: ',' | ';' | '\t';
}

/** A row longer than this (csv-parse counts bytes) is not a deal but a broken quote swallowing the file: the read stops. */
export const MAX_ROW_BYTES = 4 * 1024 * 1024;
const SNIFF_BYTES = 64 * 1024;
const SCAN_CHUNK = 1024 * 1024;

/** Windows-1252's 0x80–0x9F (Node's decoder reads them as Latin-1 control characters, which Excel never meant). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

export function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return /[\u0080-\u009f]/.test(latin1) ? latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : latin1;
}

/**
 * Reads the whole file once, fast (no parsing), to decide how to parse it: refuses an empty or binary file, and
 * finds the encoding and the delimiter.
 */
export async function shapeOf(path: string): Promise<FileShape> {
  const { size } = await stat(path);
  const handle = await open(path, 'r');
  let encoding: DealImportEncoding = 'utf-8';
  let head: Buffer;
  try {
    const first = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await handle.read(first, 0, first.length, 0);
    head = first;
    if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) throw new UnreadableFile('This file is UTF-16 big-endian text, which Lockstep does not read. Save it from the spreadsheet as "CSV UTF-8" and upload it again.');
    else {
      // NUL bytes and invalid UTF-8 can sit anywhere: the whole file is scanned (at disk speed).
      const chunk = Buffer.alloc(Math.min(size, SCAN_CHUNK) + 3);
      let carry = 0;
      let utf8 = true;
      for (let position = 0; position < size; ) {
        const { bytesRead } = await handle.read(chunk, carry, Math.min(SCAN_CHUNK, size - position), position);
        if (bytesRead === 0) break;
        position += bytesRead;
        const filled = carry + bytesRead;
        if (chunk.subarray(carry, filled).includes(0)) {
          throw new UnreadableFile('This file is not text (it contains NUL bytes): it looks like a spreadsheet or another binary file. Export it from the CRM or the spreadsheet as CSV and upload that.');
        }
        if (utf8) {
          // A character cut by the chunk's end is carried into the next check.
          const end = position >= size ? filled : completeUtf8End(chunk, filled);
          if (!isUtf8(chunk.subarray(0, end))) utf8 = false;
          carry = filled - end;
          chunk.copy(chunk, 0, end, filled);
        }
      }
      if (!utf8) encoding = 'windows-1252';
    }
  } finally {
    await handle.close();
  }
  const text = encoding === 'utf-16le' ? head.subarray(2).toString('utf16le') : encoding === 'windows-1252' ? decodeWindows1252(head) : head.toString('utf8').replace(/^\ufeff/, '');
  if (text.trim() === '') throw new UnreadableFile('This file is empty: it has no header row and no deals. Export the deals again and upload that file.');
  return { bytes: size, encoding, delimiter: delimiterOf(firstLine(text)) };
}

/** Where the last complete UTF-8 character in buf[0, filled) ends. */
function completeUtf8End(buf: Buffer, filled: number): number {
  for (let back = 1; back <= 3 && filled - back >= 0; back++) {
    const b = buf[filled - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? filled - back : filled;
  }
  return filled;
}

/** The header line: up to the first newline outside quotes. */
function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if ((c === '\n' || c === '\r') && !quoted) return text.slice(0, i);
  }
  return text;
}

/** The delimiter the header line uses most, outside quotes; a comma when it has none (a one-column file). */
export function delimiterOf(line: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const best = (Object.entries(counts) as Array<[',' | ';' | '\t', number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? ',' : best[0];
}

export interface RowBatch {
  /** Each record with the spreadsheet row number it starts on (the header is row 1). */
  rows: Array<{ row: number; cells: string[] }>;
  /** Bytes of the file read so far. */
  bytesDone: number;
}

export interface RowReader {
  headers: string[];
  batches: AsyncGenerator<RowBatch>;
}

function decoderFor(encoding: DealImportEncoding): Transform | null {
  if (encoding === 'utf-8') return null;
  if (encoding === 'windows-1252') {
    return new Transform({
      transform(chunk: Buffer, _enc, done) {
        done(null, decodeWindows1252(chunk));
      },
    });
  }
  const decoder = new TextDecoder('utf-16le');
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** csv-parse's refusals as sentences with the line they are on. */
function parseErrorSentence(err: unknown): string {
  const e = err as { code?: string; lines?: number };
  const at = typeof e.lines === 'number' ? `Line ${e.lines.toLocaleString('en-US')}` : 'A line';
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${at}: a quoted value is never closed, so the rest of the file reads as one value. Close the quote (or remove it) and upload the file again.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `${at}: a quote closes a value but more text follows it in the same field. Put quotes around the whole value and double the quotes inside it ("").`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${at}: one row is longer than 4 MB, which no deal is; a quote is probably not closed. Fix that line and upload the file again.`;
    default:
      return `${at} cannot be read as CSV (${e.code ?? 'unknown problem'}). Export the file again as CSV and upload it.`;
  }
}

/** Waits until the parser has something to read, has ended, or failed. */
function readable(parser: Parser): Promise<'readable' | 'end'> {
  return new Promise((resolve, reject) => {
    const onReadable = () => done('readable');
    const onEnd = () => done('end');
    const onError = (err: unknown) => {
      cleanup();
      reject(err);
    };
    const done = (what: 'readable' | 'end') => {
      cleanup();
      resolve(what);
    };
    const cleanup = () => {
      parser.off('readable', onReadable);
      parser.off('end', onEnd);
      parser.off('error', onError);
    };
    parser.once('readable', onReadable);
    parser.once('end', onEnd);
    parser.once('error', onError);
  });
}

/**
 * Parses the file here, in this thread: batches of records (string[][]) with the bytes read so far. A fatal CSV
 * problem (a quote never closed) throws UnreadableFile; a file error (gone, unreadable) is thrown as it is. The
 * parse worker runs this; readRows() reads its batches from there.
 */
export async function* parseBatches(path: string, shape: FileShape, batchSize: number): AsyncGenerator<{ records: string[][]; bytesDone: number }> {
  let bytesDone = 0;
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  file.on('data', (chunk) => (bytesDone += chunk.length));
  const parser = parse({
    delimiter: shape.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_ROW_BYTES,
  });
  const decoder = decoderFor(shape.encoding);
  let source: Readable = file;
  if (decoder) {
    file.on('error', (err) => decoder.destroy(err));
    source = file.pipe(decoder);
  }
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  let ended = false;
  const next = async (): Promise<string[][]> => {
    const out: string[][] = [];
    for (;;) {
      let record: string[] | null;
      while (out.length < batchSize && (record = parser.read() as string[] | null) !== null) out.push(record);
      if (out.length >= batchSize || ended) return out;
      try {
        if (parser.errored) throw parser.errored;
        if (parser.readableEnded || (await readable(parser)) === 'end') ended = true;
      } catch (err) {
        if (isFileError(err)) throw err;
        throw new UnreadableFile(parseErrorSentence(err));
      }
    }
  };
  try {
    for (;;) {
      const records = await next();
      if (records.length > 0) yield { records, bytesDone };
      if (ended) return;
    }
  } finally {
    file.destroy();
    parser.destroy();
  }
}

/** What the parse worker posts: a batch, the end, or why it stopped. */
export type ParseMessage =
  | { kind: 'batch'; records: string[][]; bytesDone: number }
  | { kind: 'end' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'failed'; message: string; code?: string; syscall?: string; path?: string };

/** Batches the worker may parse ahead of the reader: enough to keep both threads busy, few enough to keep memory flat. */
const AHEAD = 4;

/**
 * The parse worker (parse-worker.ts): csv-parse reads the file on another thread while this one checks and writes
 * the rows before, so a million-row import's parse (about 8 s of it) no longer waits on the database, nor the
 * database on it (decision 061). Built, it is the .js beside this file; from the sources (tests, `npm run dev`) it
 * is the .ts, read through tsx as the sources are.
 */
function startParseWorker(path: string, shape: FileShape, batchSize: number): Worker {
  const workerData = { path, shape, batchSize, ahead: AHEAD };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./parse-worker.js', import.meta.url), { workerData });
  // From the sources: the worker loads tsx's loader first, then the .ts entry through it.
  // require.resolve finds the CommonJS build of the api; its ES module build sits beside it.
  const tsx = createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(pathToFileURL(tsx).href)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Opens the file for reading rows: its header row, then batches of records, parsed by the parse worker. A fatal CSV
 * problem (a quote never closed) throws UnreadableFile from the batch it is found in; callers roll back what they
 * wrote. Ending the batches early (return()) stops the worker.
 */
export async function readRows(path: string, shape: FileShape, batchSize = 1000): Promise<RowReader> {
  const worker = startParseWorker(path, shape, batchSize);
  const waiting: ParseMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (m: ParseMessage) => {
    waiting.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => push({ kind: 'failed', message: err.message }));
  worker.on('exit', (code) => push(code === 0 ? { kind: 'end' } : { kind: 'failed', message: `The file reader stopped (exit ${code}).` }));
  const receive = async (): Promise<ParseMessage> => {
    while (waiting.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    return waiting.shift()!;
  };
  /** The next batch, or null at the end; throws what stopped the worker. */
  const next = async (): Promise<{ records: string[][]; bytesDone: number } | null> => {
    const m = await receive();
    if (m.kind === 'batch') {
      worker.postMessage('more');
      return m;
    }
    if (m.kind === 'end') return null;
    if (m.kind === 'unreadable') throw new UnreadableFile(m.message);
    throw Object.assign(new Error(m.message), { code: m.code, syscall: m.syscall, path: m.path });
  };
  const stop = () => void worker.terminate();

  let first: { records: string[][]; bytesDone: number } | null;
  try {
    first = await next();
  } catch (err) {
    stop();
    throw err;
  }
  const headerCells = first?.records.shift();
  if (!headerCells || headerCells.every((h) => h.trim() === '')) {
    stop();
    throw new UnreadableFile('The first line of this file is empty. The first line must name the columns (Record ID, Deal Name, …); remove the empty lines above it.');
  }
  const headers = headerCells.map((h) => h.trim());
  let row = 1;
  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      for (let pending = first; pending !== null; pending = await next()) {
        if (pending.records.length > 0) yield { rows: pending.records.map((cells) => ({ row: ++row, cells })), bytesDone: pending.bytesDone };
      }
    } finally {
      stop();
    }
  }
  // return() on batches that never started runs no finally: the worker is stopped here too, else it would wait for
  // 'more' for ever and keep the process alive.
  const reading = batches();
  const end = reading.return.bind(reading);
  reading.return = (value) => {
    stop();
    return end(value);
  };
  return { headers, batches: reading };
}

export const isFileError = (err: unknown): boolean => typeof (err as { syscall?: unknown }).syscall === 'string';
