// A sample value for each header of an uploaded file (issue 11), for the column-mapping step: the first non-empty
// value of each column in the first rows, read from the first 64 KB of the stored file with the encoding and
// delimiter the engine found. Nothing depends on it: a file it cannot read gives no samples.
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

const HEAD_BYTES = 64 * 1024;
const SAMPLE_ROWS = 5;
const SAMPLE_MAX = 80;

export async function headerSamples(path: string, encoding: string | null, delimiter: string | null): Promise<Record<string, string>> {
  let head: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      const buf = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(buf, 0, HEAD_BYTES, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return {};
  }
  try {
    const label = encoding === 'utf-16le' || encoding === 'windows-1252' ? encoding : 'utf-8';
    let text = new TextDecoder(label).decode(head).replace(/^\ufeff/, '');
    // Whole lines only: the 64 KB may end inside one.
    if (head.length === HEAD_BYTES) text = text.slice(0, Math.max(0, text.lastIndexOf('\n')));
    const records = parse(text, { delimiter: delimiter ?? ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to_line: 200 }) as string[][];
    const [header, ...rows] = records;
    if (!header) return {};
    const samples: Record<string, string> = {};
    for (const row of rows.slice(0, SAMPLE_ROWS)) {
      header.forEach((h, i) => {
        const v = (row[i] ?? '').trim();
        if (v !== '' && samples[h] === undefined) samples[h] = v.length > SAMPLE_MAX ? `${v.slice(0, SAMPLE_MAX - 1)}…` : v;
      });
    }
    return samples;
  } catch {
    return {};
  }
}
