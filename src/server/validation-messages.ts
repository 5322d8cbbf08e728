/**
 * The words of a refused request (issue 10, STYLE "Words a person reads"): every Zod issue becomes a sentence that
 * names the field as a person would say it and what to do ("The title can be at most 120 characters; it has 5,000.").
 * The one place these are built for every route: `validationMessage` is installed as Zod's error map by the app
 * factory, and `presentError` uses `sentence` to finish a schema's own wording.
 *
 * A schema's own message is kept: a sentence (it starts with a capital) passes through unchanged, so a room writes its
 * range rules in its own words; a fragment in the older style ("must be a date as YYYY-MM-DD") is completed with the
 * field's name.
 */
import type { core } from 'zod';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
const count = (n: number | bigint): string => NUMBER.format(n);

/** Words for the short forms a camelCase field name holds, as the forms label them. */
const WORDS: Record<string, string> = { kpi: 'KPI', kpis: 'KPIs', url: 'URL', ics: 'ICS', id: 'id', ids: 'ids' };

/** `dueDate` → "due date", `kpiIds` → "KPIs", `ownerId` → "owner". */
export function fieldWords(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => w.toLowerCase());
  // An id names the thing it points at: "owner", not "owner id".
  const last = words.at(-1);
  if (words.length > 1 && (last === 'id' || last === 'ids')) {
    words.pop();
    if (last === 'ids') words.push(`${words.pop()!}s`);
  }
  return words.map((w) => WORDS[w] ?? w).join(' ');
}

/** "The title", "The value in item 2 of values", "The request" for the whole body or query. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const keys = path.map(String);
  const lastName = keys.findLastIndex((k) => !/^\d+$/.test(k));
  if (lastName === -1) return keys.length > 0 ? `Item ${Number(keys.at(-1)) + 1}` : 'The request';
  const name = fieldWords(keys[lastName]!);
  const index = keys.slice(0, lastName).findLastIndex((k) => /^\d+$/.test(k));
  if (index > 0) return `The ${name} in item ${Number(keys[index]) + 1} of ${fieldWords(keys[index - 1]!)}`;
  const own = keys.slice(lastName + 1).find((k) => /^\d+$/.test(k));
  if (own !== undefined) return `Item ${Number(own) + 1} of the ${name}`;
  return `The ${name}`;
}

/** A schema's message made a sentence: kept if it is one, else completed with the field's label. */
export function sentence(message: string, path: readonly PropertyKey[]): string {
  const text = message.trim();
  if (/^[A-Z0-9"'“]/.test(text)) return text;
  const end = /[.!?]$/.test(text) ? '' : '.';
  if (/^(must|can|is|are|has|have|should|needs?|contains?|does)\b/.test(text)) return `${fieldLabel(path)} ${text}${end}`;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${end}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  null: 'null',
};

const FORMAT_WORDS: Record<string, string> = {
  email: 'must be an email address',
  url: 'must be a web address such as https://example.com',
  uuid: 'must be an id (a UUID)',
  guid: 'must be an id (a UUID)',
  date: 'must be a date as YYYY-MM-DD',
  datetime: 'must be a date and time such as 2026-01-31T09:00:00Z',
  time: 'must be a time as HH:MM',
  regex: 'is not in the expected form',
};

function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number') return Number.isFinite(input) ? 'a number' : 'not a finite number';
  if (typeof input === 'boolean') return 'true or false';
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

function sizeOf(input: unknown): number | undefined {
  if (typeof input === 'string') return [...input].length;
  if (Array.isArray(input)) return input.length;
  if (input instanceof Set || input instanceof Map) return input.size;
  return undefined;
}

function bound(iss: { origin: string; input?: unknown }, limit: number | bigint, isMax: boolean, inclusive: boolean): string {
  const has = sizeOf(iss.input);
  const it = has === undefined ? '' : `; it has ${count(has)}`;
  switch (iss.origin) {
    case 'string':
      if (!isMax && Number(limit) === 1) return 'is required; it is empty';
      return `${isMax ? 'can be at most' : 'must be at least'} ${count(limit)} character${Number(limit) === 1 ? '' : 's'}${it}`;
    case 'array':
    case 'set':
      if (!isMax && Number(limit) === 1) return 'needs at least one entry; it is empty';
      return `${isMax ? 'can have at most' : 'needs at least'} ${count(limit)} entr${Number(limit) === 1 ? 'y' : 'ies'}${it}`;
    case 'date':
      return `must be ${isMax ? 'on or before' : 'on or after'} ${new Date(Number(limit)).toISOString().slice(0, 10)}`;
    default: {
      const is = typeof iss.input === 'number' || typeof iss.input === 'bigint' ? `; it is ${count(iss.input)}` : '';
      const words = isMax ? (inclusive ? 'can be at most' : 'must be less than') : inclusive ? 'must be at least' : 'must be more than';
      return `${words} ${count(limit)}${is}`;
    }
  }
}

/** The fragment after the field's label for one raw issue, or undefined to keep Zod's own. */
function describe(iss: core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${TYPE_WORDS[iss.expected] ?? iss.expected}; it is ${typeOf(iss.input)}`;
    case 'too_big':
      return bound(iss, iss.maximum, true, iss.inclusive !== false);
    case 'too_small':
      return bound(iss, iss.minimum, false, iss.inclusive !== false);
    case 'invalid_format':
      return FORMAT_WORDS[iss.format] ?? `must be in the ${iss.format} format`;
    case 'not_multiple_of':
      return Number(iss.divisor) === 1 ? 'must be a whole number' : `must be a multiple of ${count(iss.divisor)}`;
    case 'invalid_value':
      return iss.values.length === 1
        ? `must be ${JSON.stringify(iss.values[0])}`
        : `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys': {
      const keys = iss.keys.map((k) => `"${k}"`).join(', ');
      return `has ${iss.keys.length === 1 ? 'a field' : 'fields'} this endpoint does not take (${keys}); remove ${iss.keys.length === 1 ? 'it' : 'them'}`;
    }
    case 'invalid_union':
      return 'does not match any of the forms this field takes';
    case 'invalid_key':
      return 'has a field name that is not allowed';
    case 'invalid_element':
      return 'holds an entry that is not allowed';
    default:
      return 'is not valid';
  }
}

/** Zod's error map for every schema the server parses (installed once with `z.config`). */
export function validationMessage(iss: core.$ZodRawIssue): string | undefined {
  const fragment = describe(iss);
  return fragment === undefined ? undefined : sentence(fragment, iss.path ?? []);
}
