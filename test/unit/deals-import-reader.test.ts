// The streaming row reader (issue 11): how a file's bytes are read (UTF-8 with or without a BOM, UTF-16 by its BOM,
// Windows-1252 when not UTF-8), refusals for empty and binary files, the delimiter from the header line, quoted
// commas and newlines, spreadsheet row numbers, and a broken quote as a sentence with its line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeWindows1252, delimiterOf, readRows, shapeOf, UnreadableFile } from '../../src/capabilities/deals/import/read-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'deals-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (content: string | Buffer) => {
  const path = join(dir, `f${++n}.csv`);
  writeFileSync(path, content);
  return path;
};

async function readAll(path: string, batchSize = 1000) {
  const shape = await shapeOf(path);
  const reader = await readRows(path, shape, batchSize);
  const rows: Array<{ row: number; cells: string[] }> = [];
  let bytes = 0;
  for await (const b of reader.batches) {
    rows.push(...b.rows);
    bytes = b.bytesDone;
  }
  return { shape, headers: reader.headers, rows, bytes };
}

describe('the shape of a file', () => {
  it('UTF-8 with a BOM, commas, quoted commas and newlines, row numbers as a spreadsheet shows them', async () => {
    const r = await readAll(file('\ufeffRecord ID,Deal Name\r\n1,"Acme, Inc."\r\n2,"two\r\nlines"\r\n3,"said ""hi"""\r\n'));
    expect(r.shape).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(r.headers).toEqual(['Record ID', 'Deal Name']);
    expect(r.rows).toEqual([
      { row: 2, cells: ['1', 'Acme, Inc.'] },
      { row: 3, cells: ['2', 'two\r\nlines'] },
      { row: 4, cells: ['3', 'said "hi"'] },
    ]);
  });

  it('semicolons and tabs are found from the header line, not from the data', () => {
    expect(delimiterOf('Record ID;Deal Name;Amount')).toBe(';');
    expect(delimiterOf('Record ID\tDeal Name\tAmount')).toBe('\t');
    expect(delimiterOf('"Name; with semicolons; inside",Amount,Stage')).toBe(',');
    expect(delimiterOf('OnlyOneColumn')).toBe(',');
  });

  it('a semicolon file with a BOM reads its cells whole', async () => {
    const r = await readAll(file('\ufeffRecord ID;Deal Name;Amount\n1;"A; B";1.234,50\n'));
    expect(r.shape.delimiter).toBe(';');
    expect(r.rows[0]!.cells).toEqual(['1', 'A; B', '1.234,50']);
  });

  it('bytes that are not UTF-8 are read as Windows-1252, as Excel writes them', async () => {
    const bytes = Buffer.concat([Buffer.from('Record ID,Deal Name,Amount\n1,'), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x93, 0x41, 0x47, 0x94]), Buffer.from(','), Buffer.from([0x80]), Buffer.from('5\n')]);
    const r = await readAll(file(bytes));
    expect(r.shape.encoding).toBe('windows-1252');
    expect(r.rows[0]!.cells).toEqual(['1', 'Müller “AG”', '€5']);
    expect(decodeWindows1252(Buffer.from([0x80, 0x99, 0xe9]))).toBe('€™é');
  });

  it('an invalid byte far into the file still makes it Windows-1252 (the whole file is checked)', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},Deal ${i}`).join('\n');
    const r = await readAll(file(Buffer.concat([Buffer.from(`Record ID,Deal Name\n${rows}\n9,Caf`), Buffer.from([0xe9]), Buffer.from('\n')])));
    expect(r.shape.encoding).toBe('windows-1252');
    expect(r.rows.at(-1)!.cells).toEqual(['9', 'Café']);
  });

  it('UTF-8 characters cut by the scan chunks are still UTF-8', async () => {
    const long = 'é'.repeat(600_000); // 1.2 MB of two-byte characters: a cut falls inside one
    const r = await readAll(file(`Record ID,Deal Name\n1,x${long}\n`));
    expect(r.shape.encoding).toBe('utf-8');
    expect(r.rows[0]!.cells[1]).toBe(`x${long}`);
  });

  it('UTF-16 little-endian with its BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = 'Record ID\tDeal Name\r\n1\tZürich €\r\n';
    const r = await readAll(file(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])));
    expect(r.shape).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(r.rows[0]!.cells).toEqual(['1', 'Zürich €']);
  });

  it('refuses an empty file, a file of blank lines and a binary file with sentences', async () => {
    await expect(shapeOf(file(''))).rejects.toThrow(/This file is empty: it has no header row and no deals/);
    await expect(shapeOf(file('\ufeff\r\n\r\n  \n'))).rejects.toThrow(/This file is empty/);
    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 0), Buffer.from('xl/workbook.xml')]);
    await expect(shapeOf(file(xlsx))).rejects.toThrow(/This file is not text \(it contains NUL bytes\)/);
    await expect(shapeOf(file(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a', 'utf16le')])))).rejects.toBeInstanceOf(UnreadableFile);
  });

  it('a quote never closed is a sentence naming the line', async () => {
    const path = file('Record ID,Deal Name\n1,ok\n2,"never closed\n3,more\n');
    await expect(readAll(path)).rejects.toThrow(/^Line \d+: a quoted value is never closed/);
  });

  it('streams in batches, counting the bytes read', async () => {
    const body = Array.from({ length: 2500 }, (_, i) => `${i},Deal ${i}`).join('\n');
    const path = file(`Record ID,Deal Name\n${body}\n`);
    const shape = await shapeOf(path);
    const reader = await readRows(path, shape, 1000);
    const sizes: number[] = [];
    let last = 0;
    for await (const b of reader.batches) {
      sizes.push(b.rows.length);
      expect(b.bytesDone).toBeGreaterThanOrEqual(last);
      last = b.bytesDone;
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(last).toBe(shape.bytes);
  });

  // The rows are parsed on a worker thread that parses a few batches ahead and then waits to be asked for more.
  const workers = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

  it('a reader put down after its header, or half way, stops its worker (else it would wait for ever)', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `${i},Deal ${i}`).join('\n');
    const path = file(`Record ID,Deal Name\n${body}\n`);
    const shape = await shapeOf(path);
    const before = workers();
    const unread = await readRows(path, shape, 100);
    expect(unread.headers).toEqual(['Record ID', 'Deal Name']);
    await unread.batches.return(undefined);
    const half = await readRows(path, shape, 100);
    for await (const b of half.batches) if (b.rows[0]!.row > 5_000) break;
    await settle();
    expect(workers()).toBe(before);
  });

  it('a worker parses only a few batches ahead of the reader, however large the file', async () => {
    const body = Array.from({ length: 200_000 }, (_, i) => `${i},Deal ${i}`).join('\n');
    const path = file(`Record ID,Deal Name\n${body}\n`);
    const reader = await readRows(path, await shapeOf(path), 100);
    const first = await reader.batches.next();
    await settle();
    // Had it run on, the bytes read by the time of the second batch would be the whole file.
    const second = await reader.batches.next();
    expect(first.done || second.done).toBe(false);
    expect((second.value as { bytesDone: number }).bytesDone).toBeLessThan((await shapeOf(path)).bytes / 2);
    await reader.batches.return(undefined);
  });
});
