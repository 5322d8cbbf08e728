// A CSV sent as the request body (text/csv), kept as a stream for the handler, and its bytes checked as they arrive:
// counted against the route's limit and read as UTF-8 text, so a binary file is refused at its first bad byte, not
// after megabytes of it. The KPI values import and the evidence import read their files through this.
import type { IncomingMessage } from 'node:http';
import { AppError } from './errors.js';

/** The uploaded body. A private field: the control-character walk over request bodies sees no keys. */
export class CsvUpload {
  readonly #stream: IncomingMessage;
  constructor(stream: IncomingMessage) {
    this.#stream = stream;
  }
  get stream(): IncomingMessage {
    return this.#stream;
  }
}

/** The content types a CSV upload arrives as (browsers and spreadsheets label it differently). */
export const CSV_UPLOAD_TYPES = ['text/csv', 'text/plain', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'];

const notText = (why: string) => new AppError('bad_request', `This file is not a CSV of text: ${why}. Save the sheet as "CSV UTF-8" and upload that.`);

/** The body's chunks, each checked before it is passed on; `tooLarge` is the route's 413 past `maxBytes`. */
export async function* csvTextChunks(stream: AsyncIterable<Buffer | string>, maxBytes: number, tooLarge: () => AppError): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  for await (const piece of stream) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    bytes += chunk.length;
    if (bytes > maxBytes) throw tooLarge();
    if (chunk.includes(0)) throw notText('it holds zero bytes, as a spreadsheet or an image does');
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      throw notText('it is not UTF-8');
    }
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw notText('it ends in the middle of a character');
  }
}
