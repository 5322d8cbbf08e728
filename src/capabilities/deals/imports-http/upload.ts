// An uploaded deal export, streamed from the request straight to a file under the uploads directory (issue 11):
// never held in memory, cut off at the configured size, refused when it is empty or plainly not a CSV, and removed
// when the request ends early, so a broken upload leaves no file behind.
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, badRequest } from '../../../server/errors.js';

/** "200 MB", "1.5 GB", "512 KB": the limit in the words of the 413. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${shown} ${units[unit]}`;
}

export const tooLarge = (limit: number): AppError =>
  new AppError('payload_too_large', `The file is larger than ${formatBytes(limit)}, the most this workspace imports at once. Split the export into smaller files (by close date, for example) and upload each.`, { limitBytes: limit });

/**
 * What the first bytes say about a file that is not text: a spreadsheet saved in its own format, an archive, or
 * binary data. UTF-16 text (it has NUL bytes too) passes when it starts with its byte-order mark.
 */
export function notTextProblem(head: Buffer): string | null {
  if (head.length === 0) return null;
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return 'This file is an Excel workbook or another zipped file, not a CSV. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)", or in your CRM export as CSV, then upload that file.';
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return 'This file is an old Excel workbook (.xls), not a CSV. In Excel choose File → Save As → "CSV UTF-8 (Comma delimited)", then upload that file.';
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'This file is a PDF, not a CSV. Export the report from your CRM as CSV and upload that file.';
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) return null;
  const sample = head.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'This file holds binary data, not text: it is not a CSV. Export the deals from your CRM as CSV and upload that file.';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  // Text has almost no control characters besides tab and line breaks; an image or archive is full of them.
  if (control > sample.length / 20) return 'This file holds binary data, not text: it is not a CSV. Export the deals from your CRM as CSV and upload that file.';
  return null;
}

export interface StoredUpload {
  path: string;
  bytes: number;
}

/**
 * Writes the request body to `<dir>/<name>`, counting bytes as they pass: past `limit` it stops with the 413, an
 * empty or binary body is refused with a 400, and any failure (the client went away, the disk is full) removes the
 * partial file before the error goes on.
 */
export async function storeUpload(body: Readable, dir: string, name: string, limit: number): Promise<StoredUpload> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  let bytes = 0;
  let head: Buffer | null = null;
  const gate = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(tooLarge(limit));
      if (head === null) {
        head = chunk.subarray(0, 8192);
        const problem = notTextProblem(head);
        if (problem) return done(new AppError('unsupported_media_type', problem));
      }
      done(null, chunk);
    },
  });
  // The request is piped in, not part of the pipeline: past the limit (or on a refusal) the file is closed and
  // removed, but the request stays open so the 413 can still be answered; the rest of its body is read and dropped.
  const ended = new Promise<void>((resolve, reject) => {
    body.once('end', resolve);
    body.once('error', reject);
    // A client that went away: the request closes without ever ending.
    body.once('close', () => (body.readableEnded ? resolve() : reject(new Error('The upload ended before the whole file arrived.'))));
  });
  ended.catch((err: unknown) => gate.destroy(err instanceof Error ? err : new Error(String(err))));
  // Opened before anything is piped, so the file exists when a failure removes it (a stream opens it later), and
  // the pipeline listens for the gate's refusal before the first byte reaches it.
  const out = (await open(path, 'wx')).createWriteStream();
  const written = pipeline(gate, out);
  body.pipe(gate);
  try {
    await written;
    await ended;
  } catch (err) {
    body.unpipe(gate);
    body.resume();
    out.destroy();
    await rm(path, { force: true });
    throw err;
  }
  if (bytes === 0) {
    await rm(path, { force: true });
    throw badRequest('The file is empty. Export the deals from your CRM again (with the header row and at least one deal) and upload that file.');
  }
  return { path, bytes };
}
