// One cell of a deal export read as what it means (issue 11): amounts as CRMs and spreadsheets write money, dates in
// the formats exports use, Salesforce's booleans, and a deal's status from its stage. Pure functions: each returns
// the value or a sentence saying what is wrong, in words a person fixing the file reads.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** The largest amount stored: cents must stay exact in a double and fit PostgreSQL's bigint. */
export const MAX_AMOUNT_CENTS = Number.MAX_SAFE_INTEGER;

const SYMBOLS: Record<string, string> = { $: 'USD', US$: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'A$': 'AUD', 'C$': 'CAD', CHF: 'CHF', 'R$': 'BRL', kr: 'SEK', zł: 'PLN' };
const SYMBOL_PATTERN = /US\$|A\$|C\$|R\$|[$€£¥₹]|\bkr\b|zł/;
// Every space a spreadsheet puts in a number: ordinary, no-break, narrow no-break, thin.
const SPACES = /[\s\u00a0\u202f\u2009]+/g;

export interface Amount {
  cents: number;
  /** The currency the cell named by code or symbol, if it did. */
  currency: string | null;
}

/**
 * An amount as exports write it: `1234.5`, `$1,234.50`, `USD 1,234`, `€1.234,50`, `1 234,50 €`, `(1,200)` or `-1,200`
 * (negative), `1.2E+06` (a spreadsheet's scientific notation). Empty is null. The decimal separator is the last of
 * `.` and `,` when both appear; one kind appearing once before exactly three digits groups thousands (`1,234`,
 * `1.234`), anywhere else it is the decimal point (`12,5`). Cents are rounded half away from zero.
 */
export function parseAmount(raw: string): Parsed<Amount | null> {
  let s = raw.trim();
  if (s === '' || s === '-' || s === '—') return ok(null);
  let currency: string | null = null;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(s);
  if (code) {
    currency = code[1] ?? code[2] ?? null;
    s = s.slice(0, code.index) + s.slice(code.index + code[0].length);
  }
  const symbol = SYMBOL_PATTERN.exec(s);
  if (symbol) {
    currency ??= SYMBOLS[symbol[0]] ?? null;
    s = s.slice(0, symbol.index) + s.slice(symbol.index + symbol[0].length);
  }
  s = s.replace(SPACES, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  // A currency sign between the minus and the digits ("-$1,200").
  const inner = SYMBOL_PATTERN.exec(s);
  if (inner && inner.index === 0) {
    currency ??= SYMBOLS[inner[0]] ?? null;
    s = s.slice(inner[0].length);
  }
  const notAmount = bad(`"${clip(raw)}" is not an amount; write a number such as 1234.50 or $1,234.50.`);
  let value: number;
  if (/^\d+(\.\d+)?[eE][+-]?\d+$/.test(s)) {
    value = Number(s);
  } else {
    if (!/^[\d.,']+$/.test(s) || !/\d/.test(s)) return notAmount;
    s = s.replace(/'/g, ''); // Swiss thousands: 1'234.50
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    let decimal: '.' | ',' | null;
    if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
    else if (lastDot < 0 && lastComma < 0) decimal = null;
    else {
      const sep = lastDot >= 0 ? '.' : ',';
      const count = s.split(sep).length - 1;
      const after = s.length - s.lastIndexOf(sep) - 1;
      decimal = count > 1 || (after === 3 && !/^0+[.,]/.test(s)) ? null : sep;
    }
    const grouping = decimal === '.' ? ',' : decimal === ',' ? '.' : /[.,]/.exec(s)?.[0];
    const parts = decimal ? s.split(decimal) : [s];
    let whole = parts[0] ?? '';
    const fraction = parts[1] ?? '';
    if (parts.length > 2) return notAmount;
    if (grouping) {
      const groups = whole.split(grouping);
      // Thousands groups are three digits after the first: "1,2,3" or "12,34" is not a number anyone wrote.
      if (groups.length > 1 && (groups[0] === '' || groups.slice(1).some((g) => g.length !== 3))) return notAmount;
      whole = groups.join('');
    }
    if (whole === '' && fraction === '') return notAmount;
    if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return notAmount;
    value = Number(`${whole || '0'}.${fraction || '0'}`);
  }
  const cents = Math.round(value * 100);
  if (!Number.isFinite(value) || cents > MAX_AMOUNT_CENTS) return bad(`${clip(raw)} is larger than any amount Lockstep stores (${(MAX_AMOUNT_CENTS / 100).toLocaleString('en-US')}).`);
  return ok({ cents: negative && cents !== 0 ? -cents : cents, currency });
}

/** How a date written d/d/yyyy is read: month first (US, the default) or day first. */
export type DateOrder = 'mdy' | 'dmy';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar date, or why there is none (2026-02-30: "February 2026 has 28 days"). */
function calendarDate(raw: string, year: number, month: number, day: number): Parsed<string> {
  if (year < 1900 || year > 2200) return bad(`${clip(raw)} has the year ${year}; write a year between 1900 and 2200.`);
  if (month < 1 || month > 12) return bad(`${clip(raw)} is not a date: there is no month ${month}.`);
  const last = daysIn(year, month);
  if (day < 1 || day > last) return bad(`${clip(raw)} is not a date: ${MONTHS[month - 1]} ${year} has ${last} days.`);
  return ok(`${pad(year, 4)}-${pad(month)}-${pad(day)}`);
}

// A time after a date: 14:22, 14:22:05, 2:22 PM, T14:22:00Z, T14:22:00.000+01:00. Only the date is kept: dates are
// stored as the export gave them (the CRM's own day), never moved across a time zone.
const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4})${TIME}$`);

const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/**
 * A date as exports write it, as 'YYYY-MM-DD': ISO (`2026-03-07`, `2026-03-07 14:22`, `2026-03-07T14:22:00Z`),
 * slashed (`3/7/2026`, `03/07/2026 2:22 PM`, read by `order`; a two-digit year is 20yy) and dotted (`07.03.2026`,
 * always day first). Empty is null.
 */
export function parseDate(raw: string, order: DateOrder): Parsed<string | null> {
  const s = raw.trim();
  if (s === '') return ok(null);
  let m = ISO.exec(s);
  if (m) return calendarDate(s, Number(m[1]), Number(m[2]), Number(m[3]));
  m = SLASHED.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === 'mdy' ? calendarDate(s, fullYear(m[3]!), a, b) : calendarDate(s, fullYear(m[3]!), b, a);
  }
  m = DOTTED.exec(s);
  if (m) return calendarDate(s, Number(m[3]), Number(m[2]), Number(m[1]));
  return bad(`"${clip(raw)}" is not a date; write it as 2026-03-07 or 3/7/2026.`);
}

/**
 * What a slashed date says about the column's order: 'mdy' or 'dmy' when only that order makes it a date
 * (13/02/2026 is day first), null when both do (03/07/2026) or it is not slashed.
 */
export function dateOrderEvidence(raw: string): DateOrder | null {
  const m = SLASHED.exec(raw.trim());
  if (!m) return null;
  const year = fullYear(m[3]!);
  const asMdy = calendarDate(raw, year, Number(m[1]), Number(m[2])).ok;
  const asDmy = calendarDate(raw, year, Number(m[2]), Number(m[1])).ok;
  return asMdy === asDmy ? null : asMdy ? 'mdy' : 'dmy';
}

/** Salesforce's Won and Closed columns: true/false as reports, Data Loader and spreadsheets write them. Empty is null. */
export function parseBoolean(raw: string, label: string): Parsed<boolean | null> {
  const s = raw.trim().toLowerCase();
  if (s === '') return ok(null);
  if (['true', '1', 'yes', 'y', 'x', '✓', 'checked'].includes(s)) return ok(true);
  if (['false', '0', 'no', 'n', 'unchecked'].includes(s)) return ok(false);
  return bad(`${label} must be true or false (or 1/0, yes/no); this row has "${clip(raw)}".`);
}

export type Status = 'open' | 'won' | 'lost';

/**
 * A deal's status. Salesforce's booleans decide when present (won → won; closed and not won → lost; not closed →
 * open). Otherwise the stage: HubSpot's internal ids `closedwon`/`closedlost` and labels "Closed Won"/"Closed Lost",
 * Salesforce's "Closed Won"/"Closed Lost", and a custom pipeline's stage named "Won…"/"Lost…" or "Closed won…".
 */
export function statusOf(stage: string, won: boolean | null, closed: boolean | null): Status {
  if (won === true) return 'won';
  if (closed === true) return 'lost';
  if (closed === false) return 'open';
  const key = stage.toLowerCase().replace(/[^a-z]/g, '');
  if (key.startsWith('closedwon') || key === 'won' || key.startsWith('wonclosed')) return 'won';
  if (key.startsWith('closedlost') || key === 'lost' || key.startsWith('lostclosed')) return 'lost';
  return 'open';
}

/** A cell quoted in a message: long cells are cut, so one message stays one line a person reads. */
export function clip(raw: string, max = 40): string {
  const s = raw.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
