// One row of a deal export checked and read as a deal (issue 11): the mapped cells, each parsed (values.ts), the
// rules a deal must meet (an id, a name, a stage; a won deal has an amount and a close date), and what is wrong as
// one message per cell, naming the column as the file's header does. Pure: the engine owns the I/O.
import { DEAL_FIELD_NAMES, DEAL_FIELDS, type ColumnMapping, type DealField } from './fields.js';
import { headerKey } from './recognize.js';
import { clip, dateOrderEvidence, parseAmount, parseBoolean, parseDate, statusOf, type DateOrder, type Status } from './values.js';

export interface DealRow {
  externalId: string;
  name: string;
  stage: string;
  status: Status;
  amount: number | null;
  currency: string | null;
  closeDate: string | null;
  createdDate: string | null;
  owner: string | null;
  ownerEmail: string | null;
  pipeline: string | null;
  source: string | null;
  winReason: string | null;
  lossReason: string | null;
}

export interface CellError {
  column: string | null;
  message: string;
}

/** The longest text each field keeps: longer is a row error, never a silent cut. */
const MAX_CHARS: Record<DealField, number> = {
  externalId: 255,
  name: 500,
  stage: 200,
  amount: 100,
  currency: 10,
  closeDate: 100,
  createdDate: 100,
  owner: 320,
  ownerEmail: 320,
  pipeline: 200,
  source: 200,
  winReason: 2000,
  lossReason: 2000,
  won: 20,
  closed: 20,
};

/** Each mapped field's column index in the row; a header the file does not have leaves the field unmapped. */
export type ColumnIndexes = Partial<Record<DealField, number>>;

export function columnIndexes(headers: readonly string[], mapping: ColumnMapping): { indexes: ColumnIndexes; absent: Array<[DealField, string]> } {
  const indexes: ColumnIndexes = {};
  const absent: Array<[DealField, string]> = [];
  for (const field of DEAL_FIELD_NAMES) {
    const header = mapping[field];
    if (header === undefined) continue;
    let at = headers.indexOf(header);
    if (at < 0) at = headers.findIndex((h) => headerKey(h) === headerKey(header));
    if (at < 0) absent.push([field, header]);
    else indexes[field] = at;
  }
  return { indexes, absent };
}

/**
 * The date order as the file shows it, for a read in one pass: starts month first (or as chosen) and, while not
 * chosen, moves to day first at the first date only day first can read — unless a date both orders read was
 * already taken month first, when the read must start again knowing the order (`restart`).
 */
export class DateOrderTracker {
  order: DateOrder;
  readonly chosen: boolean;
  private settled: boolean;
  private ambiguousSeen = false;
  constructor(chosen: DateOrder | null) {
    this.order = chosen ?? 'mdy';
    this.chosen = this.settled = chosen !== null;
  }
  /** Sees a date before it is parsed; returns 'restart' when the rows read so far used the wrong order. */
  see(raw: string): 'ok' | 'restart' {
    if (this.settled || raw === '') return 'ok';
    const evidence = dateOrderEvidence(raw);
    if (evidence === null) {
      if (/\d\/\d/.test(raw)) this.ambiguousSeen = true;
      return 'ok';
    }
    this.settled = true;
    if (evidence === this.order) return 'ok';
    this.order = evidence;
    return this.ambiguousSeen ? 'restart' : 'ok';
  }
}

export class RestartWithDateOrder extends Error {
  constructor(readonly order: DateOrder) {
    super(`The file's dates are ${order === 'dmy' ? 'day' : 'month'} first; read it again.`);
  }
}

/** Reads one row; `errors` is empty when the row is a deal. Throws RestartWithDateOrder (see DateOrderTracker). */
export function readDealRow(cells: readonly string[], headers: readonly string[], cols: ColumnIndexes, dates: DateOrderTracker): { deal: DealRow | null; errors: CellError[] } {
  const errors: CellError[] = [];
  const header = (f: DealField) => headers[cols[f]!] ?? DEAL_FIELDS[f].label;
  const text = (f: DealField): string | null => {
    const at = cols[f];
    if (at === undefined) return null;
    const v = (cells[at] ?? '').trim();
    if (v === '') return null;
    if (v.length > MAX_CHARS[f]) {
      errors.push({ column: header(f), message: `${DEAL_FIELDS[f].label} can be at most ${MAX_CHARS[f].toLocaleString('en-US')} characters; this row has ${v.length.toLocaleString('en-US')}.` });
      return null;
    }
    return v;
  };
  const required = (f: DealField): string => {
    const v = text(f);
    if (v === null && !errors.some((e) => e.column === header(f))) errors.push({ column: header(f), message: `${DEAL_FIELDS[f].label} is empty; every deal needs one.` });
    return v ?? '';
  };
  const date = (f: 'closeDate' | 'createdDate'): string | null => {
    const raw = text(f);
    if (raw === null) return null;
    if (dates.see(raw) === 'restart') throw new RestartWithDateOrder(dates.order);
    const parsed = parseDate(raw, dates.order);
    if (parsed.ok) return parsed.value;
    const other = dateOrderEvidence(raw);
    const first = dates.order === 'mdy' ? 'month' : 'day';
    const why = dates.chosen ? `this import reads dates ${first} first, as chosen` : `this file's dates read ${first} first, as earlier rows show`;
    errors.push({ column: header(f), message: other && other !== dates.order ? `${parsed.message.replace(/\.$/, '')} (${why}).` : parsed.message });
    return null;
  };
  const bool = (f: 'won' | 'closed'): boolean | null => {
    const raw = text(f);
    if (raw === null) return null;
    const parsed = parseBoolean(raw, header(f));
    if (parsed.ok) return parsed.value;
    errors.push({ column: header(f), message: parsed.message });
    return null;
  };

  const externalId = required('externalId');
  const name = required('name');
  const stage = required('stage');
  let amount: number | null = null;
  let currency = text('currency');
  const rawAmount = text('amount');
  if (rawAmount !== null) {
    const parsed = parseAmount(rawAmount);
    if (parsed.ok) {
      amount = parsed.value?.cents ?? null;
      currency ??= parsed.value?.currency ?? null;
    } else errors.push({ column: header('amount'), message: parsed.message });
  }
  if (currency !== null) {
    if (/^[A-Za-z]{3}$/.test(currency)) currency = currency.toUpperCase();
    else {
      errors.push({ column: header('currency'), message: `"${clip(currency)}" is not a currency code; write three letters such as USD or EUR.` });
      currency = null;
    }
  }
  const closeDate = date('closeDate');
  const createdDate = date('createdDate');
  const won = bool('won');
  const closed = bool('closed');
  const status = statusOf(stage, won, closed);
  const cellBad = (f: DealField) => cols[f] !== undefined && errors.some((e) => e.column === header(f));
  // A closed deal counts in the period it closed: with a close date column, an empty one is an error.
  if (status !== 'open' && cols.closeDate !== undefined && closeDate === null && !cellBad('closeDate')) {
    errors.push({ column: header('closeDate'), message: `A ${status} deal needs a close date; this row has none.` });
  }
  if (status === 'won' && amount === null && !cellBad('amount')) {
    errors.push({ column: header('amount'), message: 'A won deal needs an amount (revenue closed counts it); this row has none.' });
  }
  let ownerEmail = text('ownerEmail');
  const owner = text('owner');
  if (ownerEmail !== null && !ownerEmail.includes('@')) {
    errors.push({ column: header('ownerEmail'), message: `"${clip(ownerEmail)}" is not an email address.` });
    ownerEmail = null;
  }
  const row: DealRow = {
    externalId,
    name,
    stage,
    status,
    amount,
    currency,
    closeDate,
    createdDate,
    owner,
    ownerEmail,
    pipeline: text('pipeline'),
    source: text('source'),
    winReason: text('winReason'),
    lossReason: text('lossReason'),
  };
  return { deal: errors.length === 0 ? row : null, errors };
}
