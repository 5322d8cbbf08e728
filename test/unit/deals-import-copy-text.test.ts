// The COPY text format a PostgreSQL first load sends its deals in (decision 060): every hostile string comes back
// exactly as it went in when read by PostgreSQL's rules (a backslash escape, `\N` for null, a tab between fields and
// a line feed after each row), and a NUL, which no PostgreSQL text can hold, is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyField, copyLines } from '../../src/capabilities/deals/import/copy-rows.js';

/** COPY FROM's reading of one text-format line (PostgreSQL's copyfromparse.c, the escapes we send). */
function readLine(line: string): Array<string | null> {
  return line.split('\t').map((field) => {
    if (field === '\\N') return null;
    return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r' })[c] ?? c);
  });
}
const readText = (text: string) => {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map(readLine);
};

const HOSTILE = [
  'He said "hello", then left',
  'tab\there',
  'line\nbreak',
  'windows\r\nline',
  'back\\slash',
  'ends with a backslash\\',
  '\\N',
  '\\.',
  '\\t not a tab',
  '',
  ' ',
  '🎉 Café — naïve 日本',
  '"',
  "O'Brien; \"Acme\" \t\\\n\r",
];

describe('COPY text', () => {
  it('escapes the four characters COPY reads specially and leaves everything else as it is', () => {
    expect(copyField('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(copyField('🎉 "quoted", plain')).toBe('🎉 "quoted", plain');
    expect(copyField(null)).toBe('\\N');
    expect(copyField('\\N')).toBe('\\\\N');
    expect(copyField(123456789)).toBe('123456789');
    expect(copyField(0)).toBe('0');
  });

  it('hostile strings, nulls and numbers read back exactly, one row per line', () => {
    const rows = HOSTILE.map((s, i) => [s, null, i, `${s}${s}`]);
    expect(readText(copyLines(rows))).toEqual(rows.map((r) => r.map((v) => (typeof v === 'number' ? String(v) : v))));
  });

  it('any string reads back exactly (property)', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('\\', '\t', '\n', '\r', 'N', '.', 'a', '"', ',') }));
    fc.assert(
      fc.property(fc.array(fc.array(fc.option(text.filter((s) => !s.includes('\0'))), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0]!.length;
        const even = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
        expect(readText(copyLines(even))).toEqual(even);
      }),
    );
  });

  it('refuses a NUL: no PostgreSQL text can hold one', () => {
    expect(() => copyField('a\0b')).toThrow(/NUL/);
  });
});
