// The streaming row reader for deal exports (issue 11, decision 038): the file is read in chunks and parsed by
// csv-parse as it arrives, so memory stays flat however large the file is. Before parsing, one quick pass over the
// bytes decides how to read them: empty, binary (NUL bytes), UTF-16 (Excel's "Unicode text", by its byte-order mark),
// UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (what Excel writes as "CSV" on Windows). The header
// line decides the delimiter (comma, semicolon or tab). Rows come out in batches with the row number a spreadsheet
// shows (the header is row 1; a quoted newline does not start a row).
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { Readable, Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
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
function parseErrorSentence(err: unknown, lineOffset = 0): string {
  const e = err as { code?: string; lines?: number };
  const at = typeof e.lines === 'number' ? `Line ${(e.lines + lineOffset).toLocaleString('en-US')}` : 'A line';
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
 * Opens the file for reading rows: its header row, then batches of records. A fatal CSV problem (a quote never
 * closed) throws UnreadableFile from the batch it is found in; callers roll back what they wrote.
 *
 * Records are read by a small scanner of our own while the file is regular CSV (decision 044): fields unquoted, or
 * quoted with doubled quotes inside and the closing quote followed by the delimiter or the end of the line, every
 * line ending as the first one does. That is what CRMs write, and it reads five times faster than csv-parse. At
 * the first record that is anything else (a stray quote after a closing one, a lone CR in a CRLF file, a quote
 * never closed, a record of a megabyte) csv-parse reads the file from that record on, with the same options and the
 * line delimiter already found, so every file reads exactly as csv-parse alone reads it — the tests compare both.
 */
export async function readRows(path: string, shape: FileShape, batchSize = 1000, scanner: 'fast' | 'csv-parse' = 'fast'): Promise<RowReader> {
  let bytesDone = 0;
  const utf8 = shape.encoding === 'utf-8';
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  file.on('data', (chunk) => (bytesDone += chunk.length));
  const decoder = decoderFor(shape.encoding);
  let source: Readable = file;
  if (decoder) {
    file.on('error', (err) => decoder.destroy(err));
    source = file.pipe(decoder);
  }
  const utf8Decoder = new StringDecoder('utf8');
  const csvOptions = (recordDelimiter: string | null) => ({
    delimiter: shape.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_ROW_BYTES,
    ...(recordDelimiter === null ? {} : { record_delimiter: recordDelimiter }),
  });

  let ended = false;
  let parser: Parser | null = null;
  /** Lines csv-parse would have counted before the record it started from. */
  let lineOffset = 0;
  const startParser = (from: Readable, recordDelimiter: string | null) => {
    const p = parse(csvOptions(recordDelimiter));
    from.on('error', (err) => p.destroy(err));
    from.pipe(p);
    parser = p;
  };

  const parserNext = async (p: Parser, out: string[][]): Promise<string[][]> => {
    for (;;) {
      let record: string[] | null;
      while (out.length < batchSize && (record = p.read() as string[] | null) !== null) out.push(record);
      if (out.length >= batchSize || ended) return out;
      try {
        if (p.errored) throw p.errored;
        if (p.readableEnded || (await readable(p)) === 'end') ended = true;
      } catch (err) {
        if (isFileError(err)) throw err;
        throw new UnreadableFile(parseErrorSentence(err, lineOffset));
      }
    }
  };

  // The scanner's state: the text read and not yet made into records, and the file's line delimiter once seen.
  let chunks: AsyncIterator<string | Buffer> | null = null;
  /** Lines (CRs and LFs) in the text already made into records and let go. */
  let linesLetGo = 0;
  let recordsRead = 0;
  let text = '';
  let pos = 0;
  let sourceDone = false;
  let firstChunk = true;
  const scan = new RecordScanner(shape.delimiter);
  const fastNext = async (out: string[][]): Promise<string[][]> => {
    while (out.length < batchSize) {
      if (pos >= text.length && sourceDone) {
        ended = true;
        return out;
      }
      const found = pos < text.length || sourceDone ? scan.record(text, pos, sourceDone) : null;
      if (found === IRREGULAR) {
        // csv-parse reads on from this record: what is left of the text, then the rest of the file.
        // csv-parse counts a line at each CR and each LF, a record's line ending once.
        lineOffset = linesLetGo + countLines(text, 0, pos) - ((scan.recordDelimiter?.length ?? 1) - 1) * recordsRead;
        const more = chunks!;
        const rest = text.slice(pos);
        text = '';
        pos = 0;
        const remaining = sourceDone
          ? Readable.from([rest])
          : Readable.from(
              (async function* () {
                yield rest;
                for (let c = await more.next(); !c.done; c = await more.next()) yield c.value;
              })(),
              { objectMode: false },
            );
        startParser(remaining, scan.recordDelimiter);
        return parserNext(parser!, out);
      }
      if (found !== null) {
        out.push(found);
        recordsRead++;
        pos = scan.end;
        continue;
      }
      // More text is needed for this record.
      chunks ??= source[Symbol.asyncIterator]() as AsyncIterator<string | Buffer>;
      const chunk = await chunks.next();
      if (chunk.done) {
        sourceDone = true;
        linesLetGo += countLines(text, 0, pos);
        text = text.slice(pos) + utf8Decoder.end();
        pos = 0;
        continue;
      }
      let piece = typeof chunk.value === 'string' ? chunk.value : utf8Decoder.write(chunk.value);
      if (firstChunk) {
        firstChunk = false;
        if (utf8 && piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
      }
      linesLetGo += countLines(text, 0, pos);
      text = pos >= text.length ? piece : text.slice(pos) + piece;
      pos = 0;
    }
    return out;
  };

  if (scanner === 'csv-parse') startParser(source, null);
  const next = (): Promise<string[][]> => (parser ? parserNext(parser, []) : fastNext([]));
  const destroy = () => {
    file.destroy();
    (parser as Parser | null)?.destroy();
  };

  const first = await next().catch((err: unknown) => {
    destroy();
    throw err;
  });
  const headerCells = first.shift();
  if (!headerCells || headerCells.every((h) => h.trim() === '')) {
    destroy();
    throw new UnreadableFile('The first line of this file is empty. The first line must name the columns (Record ID, Deal Name, …); remove the empty lines above it.');
  }
  const headers = headerCells.map((h) => h.trim());
  let row = 1;
  async function* batches(): AsyncGenerator<RowBatch> {
    try {
      let pending = first;
      for (;;) {
        if (pending.length > 0) yield { rows: pending.map((cells) => ({ row: ++row, cells })), bytesDone };
        if (ended && pending.length === 0) return;
        pending = await next();
        if (pending.length === 0 && ended) return;
      }
    } finally {
      destroy();
    }
  }
  return { headers, batches: batches() };
}

/** Lines in text[from, to) as csv-parse counts them: every CR and every LF. */
function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) n++;
  }
  return n;
}

const IRREGULAR = Symbol('irregular');
const QUOTE = 34;
const CR = 13;
const LF = 10;
/** A record this long (in UTF-16 units, up to 3 bytes each) could pass csv-parse's limit in bytes: csv-parse decides. */
const SCAN_MAX_RECORD = Math.floor(MAX_ROW_BYTES / 4);

/**
 * Reads one regular CSV record at a time (see readRows): the cells, null when the text ends before the record does
 * (more is needed), or IRREGULAR for csv-parse to read. Matches csv-parse with relax_quotes: a quote inside an
 * unquoted value is part of it.
 */
class RecordScanner {
  /** '\r\n', '\n' or '\r': the first line ending outside quotes, as csv-parse finds it. */
  recordDelimiter: string | null = null;
  /** Where the last record read ends (after its line ending). */
  end = 0;
  private readonly delimiter: number;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  record(t: string, start: number, final: boolean): string[] | null | typeof IRREGULAR {
    const cells: string[] = [];
    const len = t.length;
    const delimiter = this.delimiter;
    let i = start;
    for (;;) {
      if (i - start > SCAN_MAX_RECORD) return IRREGULAR;
      if (i < len && t.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        let j = from;
        for (;;) {
          const q = t.indexOf('"', j);
          if (q < 0) return final ? IRREGULAR : len - start > SCAN_MAX_RECORD ? IRREGULAR : null;
          if (q + 1 >= len) {
            if (!final) return null;
            value += t.slice(from, q);
            i = q + 1;
            break;
          }
          if (t.charCodeAt(q + 1) === QUOTE) {
            value += t.slice(from, q + 1);
            j = from = q + 2;
            continue;
          }
          value += t.slice(from, q);
          i = q + 1;
          break;
        }
        if (i >= len) {
          if (!final) return null;
          cells.push(value);
          this.end = i;
          return cells;
        }
        const c = t.charCodeAt(i);
        if (c === delimiter) {
          cells.push(value);
          i++;
          continue;
        }
        const ending = this.lineEnding(t, i, final);
        if (ending === null) return null;
        if (ending === 0) return IRREGULAR;
        cells.push(value);
        this.end = i + ending;
        return cells;
      }
      let j = i;
      let c = 0;
      while (j < len) {
        c = t.charCodeAt(j);
        if (c === delimiter || c === CR || c === LF) break;
        j++;
      }
      if (j >= len) {
        if (!final) return len - start > SCAN_MAX_RECORD ? IRREGULAR : null;
        cells.push(t.slice(i, j));
        this.end = j;
        return cells;
      }
      cells.push(t.slice(i, j));
      if (c === delimiter) {
        i = j + 1;
        continue;
      }
      const ending = this.lineEnding(t, j, final);
      if (ending === null) return null;
      if (ending === 0) return IRREGULAR;
      this.end = j + ending;
      return cells;
    }
  }

  /** The length of the line ending at `i` (finding the file's on the first line); 0 when it is another kind; null: more text needed. */
  private lineEnding(t: string, i: number, final: boolean): number | null {
    const c = t.charCodeAt(i);
    if (c !== CR && c !== LF) return 0;
    if (this.recordDelimiter === null) {
      if (c === CR && i + 1 >= t.length && !final) return null;
      this.recordDelimiter = c === LF ? '\n' : t.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
    }
    const rd = this.recordDelimiter;
    if (rd.length === 2) {
      if (c !== CR) return 0;
      if (i + 1 >= t.length) return final ? 0 : null;
      return t.charCodeAt(i + 1) === LF ? 2 : 0;
    }
    return c === rd.charCodeAt(0) ? 1 : 0;
  }
}

const isFileError = (err: unknown): boolean => typeof (err as { syscall?: unknown }).syscall === 'string';
