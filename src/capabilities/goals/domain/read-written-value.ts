// A KPI value as a person writes it in a spreadsheet or a webhook (SPEC S7 "KPI values from CSV"; docs/decisions
// on the KPI values CSV): "$1,234", "12.5%", "1.234,5", "(500)", "1 234". Returns the value in the KPI's stored
// unit (cents for money) or the sentence saying why it cannot be read. Rules:
// - Currency symbols ($ € £ ¥), a trailing %, spaces (also no-break and thin ones) and apostrophes (Swiss 1'234)
//   are dropped; "(500)" and "-500" are negative (the unit's domain then refuses them with its own sentence).
// - With both "," and ".", the last one is the decimal mark and the other must group digits by three.
// - One mark written more than once groups thousands ("1,234,567", "1.234.567").
// - One comma once followed by exactly three digits groups thousands ("1,234" is 1234, as the "$1,234");
//   with one, two or four and more digits it is the decimal mark ("12,5").
// - One point once is the decimal mark, except 1–3 digits, a point and exactly three ("1.234"): that reads as
//   1.234 in the US and 1234 in Europe, so it is refused as ambiguous rather than guessed.
// Money is written in currency units and stored in cents.
import type { KpiUnit } from './types.js';

export type WrittenValue = { ok: true; value: number } | { ok: false; message: string };

const DROP = /[$€£¥\s\u00a0\u2009\u202f']/g;
const GROUPED = (mark: string) => new RegExp(`^\\d{1,3}(\\${mark}\\d{3})+$`);

/** The digits with only a "." decimal mark, or null when the marks cannot be read. */
function normalise(text: string): string | null | 'ambiguous' {
  const hasComma = text.includes(',');
  const hasPoint = text.includes('.');
  if (hasComma && hasPoint) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const [whole = '', fraction = '', ...more] = text.split(decimal);
    if (more.length > 0 || !/^\d+$/.test(fraction) || !GROUPED(group).test(whole)) return null;
    return `${whole.split(group).join('')}.${fraction}`;
  }
  const mark = hasComma ? ',' : hasPoint ? '.' : null;
  if (!mark) return /^\d+$/.test(text) ? text : null;
  const parts = text.split(mark);
  if (parts.length > 2) return GROUPED(mark).test(text) ? parts.join('') : null;
  const [whole = '', fraction = ''] = parts;
  if (!/^\d*$/.test(whole) || !/^\d+$/.test(fraction)) return null;
  const looksGrouped = /^[1-9]\d{0,2}$/.test(whole) && fraction.length === 3;
  if (looksGrouped) return mark === ',' ? `${whole}${fraction}` : 'ambiguous';
  return `${whole || '0'}.${fraction}`;
}

/** Reads what a person wrote as a value of a KPI in `unit`. */
export function readWrittenValue(written: string | number, unit: KpiUnit): WrittenValue {
  const scale = unit === 'currency' ? 100 : 1;
  if (typeof written === 'number') {
    if (!Number.isFinite(written)) return { ok: false, message: 'The value must be a number.' };
    return { ok: true, value: scale === 1 ? written : Math.round(written * scale) };
  }
  const raw = written.trim();
  if (raw === '') return { ok: false, message: 'The value is empty; write a number such as 1250 or $1,250.50.' };
  let text = raw.replace(DROP, '');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (/^[-\u2212]/.test(text)) {
    negative = !negative;
    text = text.slice(1);
  }
  text = text.replace(DROP, '');
  if (text.endsWith('%')) text = text.slice(0, -1);
  const shown = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  const digits = normalise(text);
  if (digits === 'ambiguous') {
    return { ok: false, message: `"${shown}" could mean ${text.replace('.', '')} or ${text}; write ${text.replace('.', '')} for the first, ${text}0 for the second.` };
  }
  if (digits === null) return { ok: false, message: `"${shown}" is not a number; write it like 1250, 1,250.50, $1,250 or 12.5%.` };
  const value = Number(digits) * (negative ? -1 : 1);
  if (!Number.isFinite(value * scale)) return { ok: false, message: `"${shown}" is larger than a KPI value can be.` };
  return { ok: true, value: scale === 1 ? value : Math.round(value * scale) };
}
