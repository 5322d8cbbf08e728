// Cells of deal exports read as what they mean (issue 11): amounts as CRMs and spreadsheets write money, dates in
// export formats, impossible dates refused with a sentence, Salesforce's booleans, a deal's status from its stage.
import { describe, expect, it } from 'vitest';
import { DateOrderTracker } from '../../src/capabilities/deals/import/deal-row.js';
import { dateOrderEvidence, parseAmount, parseBoolean, parseDate, statusOf } from '../../src/capabilities/deals/import/values.js';

const cents = (raw: string) => {
  const r = parseAmount(raw);
  if (!r.ok) throw new Error(`${raw}: ${r.message}`);
  return r.value;
};

describe('amounts', () => {
  it.each([
    ['1234.5', 123450, null],
    ['$1,234.50', 123450, 'USD'],
    ['USD 1,234', 123400, 'USD'],
    ['1,234 USD', 123400, 'USD'],
    ['€1.234,50', 123450, 'EUR'],
    ['1 234,50 €', 123450, 'EUR'],
    ['1\u00a0234,50\u00a0€', 123450, 'EUR'],
    ['1\u202f234,50 €', 123450, 'EUR'],
    ['£999.99', 99999, 'GBP'],
    ['(1,200)', -120000, null],
    ['-$1,200.00', -120000, 'USD'],
    ['$(1,200.00)', -120000, 'USD'],
    ['1,234,567.89', 123456789, null],
    ['1.234.567,89', 123456789, null],
    ["1'234.50", 123450, null],
    ['12,5', 1250, null],
    ['0,125', 13, null],
    ['1.2E+06', 120000000, null],
    ['48000', 4800000, null],
    ['0', 0, null],
    ['.5', 50, null],
  ])('%s is %i cents', (raw, want, currency) => {
    expect(cents(raw)).toEqual({ cents: want, currency });
  });

  it('an empty cell is no amount', () => {
    expect(cents('')).toBeNull();
    expect(cents('   ')).toBeNull();
  });

  it.each(['abc', '12abc', '$', '1,2,3', '12,34,567', '1.2.3,4,5', '1..2', '--5', '1,234.5.6'])('%s is refused with a sentence', (raw) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/is not an amount; write a number such as 1234\.50/);
  });

  it('an amount past what cents can hold exactly is refused', () => {
    const r = parseAmount('999999999999999999999');
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/larger than any amount Lockstep stores/) });
  });
});

describe('dates', () => {
  it.each([
    ['2026-03-07', 'mdy', '2026-03-07'],
    ['2026-03-07 14:22', 'mdy', '2026-03-07'],
    ['2026-03-07T14:22:00Z', 'mdy', '2026-03-07'],
    ['2026-03-07T14:22:00.000+01:00', 'dmy', '2026-03-07'],
    ['2026/3/7', 'mdy', '2026-03-07'],
    ['3/7/2026', 'mdy', '2026-03-07'],
    ['03/07/2026 2:22 PM', 'mdy', '2026-03-07'],
    ['03/07/2026', 'dmy', '2026-07-03'],
    ['3/7/26', 'mdy', '2026-03-07'],
    ['07.03.2026', 'mdy', '2026-03-07'],
    ['2024-02-29', 'mdy', '2024-02-29'],
  ] as const)('%s (%s) is %s', (raw, order, want) => {
    expect(parseDate(raw, order)).toEqual({ ok: true, value: want });
  });

  it('an empty cell is no date', () => {
    expect(parseDate('', 'mdy')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['2026-02-30', 'is not a date: February 2026 has 28 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
    ['2026-04-31', 'April 2026 has 30 days'],
    ['13/13/2026', 'there is no month 13'],
    ['2026-00-10', 'there is no month 0'],
    ['0026-03-07', 'has the year 26; write a year between 1900 and 2200'],
    ['next tuesday', 'is not a date; write it as 2026-03-07 or 3/7/2026'],
    ['2026-03-07 25:99:99 banana', 'is not a date'],
  ])('%s is refused: %s', (raw, message) => {
    const r = parseDate(raw, 'mdy');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('only a date one order alone reads says which order the column uses', () => {
    expect(dateOrderEvidence('25/03/2026')).toBe('dmy');
    expect(dateOrderEvidence('03/25/2026')).toBe('mdy');
    expect(dateOrderEvidence('03/07/2026')).toBeNull();
    expect(dateOrderEvidence('2026-03-25')).toBeNull();
    expect(dateOrderEvidence('30/02/2026')).toBeNull(); // no order makes it a date
  });

  it('a column read in one pass turns day first at its first day-first date, or asks to start again', () => {
    const fresh = new DateOrderTracker(null);
    expect(fresh.see('25/03/2026')).toBe('ok');
    expect(fresh.order).toBe('dmy');
    const late = new DateOrderTracker(null);
    expect(late.see('03/07/2026')).toBe('ok');
    expect(late.order).toBe('mdy');
    expect(late.see('25/03/2026')).toBe('restart');
    expect(late.order).toBe('dmy');
    const chosen = new DateOrderTracker('mdy');
    expect(chosen.see('03/07/2026')).toBe('ok');
    expect(chosen.see('25/03/2026')).toBe('ok');
    expect(chosen.order).toBe('mdy');
  });
});

describe('booleans and status', () => {
  it('reads Salesforce booleans', () => {
    for (const t of ['true', 'TRUE', '1', 'Yes']) expect(parseBoolean(t, 'Won')).toEqual({ ok: true, value: true });
    for (const f of ['false', 'FALSE', '0', 'no']) expect(parseBoolean(f, 'Won')).toEqual({ ok: true, value: false });
    expect(parseBoolean('', 'Won')).toEqual({ ok: true, value: null });
    expect(parseBoolean('maybe', 'Won')).toEqual({ ok: false, message: 'Won must be true or false (or 1/0, yes/no); this row has "maybe".' });
  });

  it.each([
    ['closedwon', null, null, 'won'],
    ['Closed Won', null, null, 'won'],
    ['closedlost', null, null, 'lost'],
    ['Closed Lost', null, null, 'lost'],
    ['Closed won - renewal', null, null, 'won'],
    ['Won', null, null, 'won'],
    ['Appointment Scheduled', null, null, 'open'],
    ['Negotiation/Review', false, false, 'open'],
    ['Some Custom Won Stage', true, true, 'won'],
    ['Closed Lost', false, true, 'lost'],
    ['Closed Won', false, false, 'open'],
  ] as const)('stage %s (won %s, closed %s) is %s', (stage, won, closed, want) => {
    expect(statusOf(stage, won, closed)).toBe(want);
  });
});
