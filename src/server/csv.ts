// CSV for exports (RFC 4180): every cell quoted, quotes doubled, rows ended by CRLF. A cell that a spreadsheet would
// run as a formula (it starts with =, +, -, @, a tab or a carriage return) is prefixed with a single quote, as
// OWASP's "CSV injection" advice says, so an exported name like "=cmd|…" stays text.

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function csvRow(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
