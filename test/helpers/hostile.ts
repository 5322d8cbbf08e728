// The hostile-input suite's machinery (test/api/hostile-input-*.test.ts): for each route under /api, a
// fast-check arbitrary of requests built from the route's own schemas (body, params, querystring, as JSON
// Schema), valid-ish first and then broken — wrong types, missing and extra keys, huge and deep values,
// control characters, odd Unicode, extreme numbers, malformed escapes, other workspaces' ids — sent as a
// signed-in admin of a workspace with data. Every answer must be < 500, in our error shape when >= 400,
// and a 4xx must leave the database as it was (a fingerprint of every table but rate_limits).
import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteEntry } from '../../src/server/app.js';
import type { Logger } from '../../src/server/logger.js';
import type { Database } from '../../src/db/database.js';
import { createTestApp, testDbKind, type TestApp } from './app.js';
import { expectStatus, type ApiResponse, type Client } from './client.js';
import {
  addMember,
  makeActionItem,
  makeAgendaItem,
  makeApiToken,
  makeDecision,
  makeFeed,
  makeInvite,
  makeKeyPlayers,
  makeKpi,
  makeNotification,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  PASSWORD,
  publishTopThree,
  uniqueEmail,
  utcDate,
  type TestWorkspace,
} from '../factories.js';

// ── JSON Schema → valid-ish values ────────────────────────────────────────────────────────────────────

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** A route's registered schema as JSON Schema: Zod through z.toJSONSchema (the input side), JSON Schema as is. */
export function toJsonSchema(schema: unknown): JsonSchema | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  if ('_zod' in schema) return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return schema as JsonSchema;
}

/** Tables whose rows have an `id` that some route or field takes. */
const ID_TABLES = ['members', 'invites', 'api_tokens', 'notifications', 'kpis', 'kpi_kinds', 'publications', 'meetings', 'agenda_items', 'decisions', 'action_items', 'checkin_series', 'workspaces', 'users', 'audit_log'] as const;
type IdTable = (typeof ID_TABLES)[number];

/** The table a path parameter's id is looked up in, by the segment before it (/goals/kpis/:id → kpis). */
const SEGMENT_TABLE: Record<string, IdTable> = {
  members: 'members',
  invites: 'invites',
  tokens: 'api_tokens',
  notifications: 'notifications',
  kpis: 'kpis',
  publications: 'publications',
  meetings: 'meetings',
  'agenda-items': 'agenda_items',
  decisions: 'decisions',
  'action-items': 'action_items',
  // An invitation is the caller's membership of another workspace that they have not joined yet.
  invitations: 'members',
};
/** The table a body or query field's ids come from, by its name. */
const FIELD_TABLE: Array<[RegExp, IdTable]> = [
  [/^(managerId|ownerMemberId|ownerId|attendeeIds|present|memberId|memberIds)$/, 'members'],
  [/^kpiIds?$/, 'kpis'],
  [/^workspaceId$/, 'workspaces'],
];

/** Values the world offers for fields that name what they hold (ids, emails, time zones…), by position. */
export interface Pools {
  /** Every id of every table in ID_TABLES, of both workspaces, and a few that exist nowhere. */
  ids: string[];
  idsByTable: Record<IdTable, string[]>;
  emails: string[];
  passwords: string[];
  inviteTokens: string[];
  feedFiles: string[];
  kinds: string[];
  /** Real page cursors of both workspaces' lists (nextCursor of a first page of one), to send to any list. */
  cursors: string[];
}

/** Picks from a pool that may grow while the property runs (rows made by earlier cases). */
const fromPool = (pool: string[]): fc.Arbitrary<string> => fc.nat().map((i) => pool[i % pool.length] ?? 'missing');

const isoDay = (offsetDays: number) => utcDate(offsetDays);

/** Mostly ids of the right table (own workspace or the other), sometimes any id at all. */
const idsOf = (table: IdTable | undefined, pools: Pools): fc.Arbitrary<string> =>
  table ? fc.oneof({ weight: 4, arbitrary: fromPool(pools.idsByTable[table]) }, { weight: 1, arbitrary: fromPool(pools.ids) }) : fromPool(pools.ids);

/** Hints by field name; a path parameter's name comes as `segment:param` (kpis:id). */
function hintFor(fullName: string, pools: Pools): fc.Arbitrary<string> | null {
  const [segment, name] = fullName.includes(':') ? (fullName.split(':') as [string, string]) : [undefined, fullName];
  if (name === 'id' && segment) return idsOf(SEGMENT_TABLE[segment], pools);
  const fieldTable = FIELD_TABLE.find(([pattern]) => pattern.test(name))?.[1];
  if (fieldTable) return idsOf(fieldTable, pools);
  if (/^(id|.*Id|.*Ids)$/.test(name)) return fromPool(pools.ids);
  if (/email/i.test(name)) {
    const fresh = fc.stringMatching(/^[a-z][a-z0-9.]{0,15}$/).map((local) => `${local}@example.test`);
    return fc.oneof({ weight: 2, arbitrary: fromPool(pools.emails) }, { weight: 3, arbitrary: fresh }, { weight: 1, arbitrary: fc.emailAddress() });
  }
  if (/password/i.test(name)) return fc.oneof(fromPool(pools.passwords), fc.string({ minLength: 10, maxLength: 40 }));
  if (name === 'timeZone') {
    return fc.oneof({ weight: 6, arbitrary: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe') }, { weight: 1, arbitrary: fc.constantFrom('Mars/Olympus_Mons', 'utc', 'GMT+5', 'Europe/../etc') });
  }
  if (name === 'kind' || name === 'kinds') return fromPool(pools.kinds);
  if (name === 'token') return fromPool(pools.inviteTokens);
  if (name === 'cursor') {
    // Another list's or workspace's cursor, one cut short or with a character changed, or made up.
    const tampered = fc.tuple(fromPool(pools.cursors), fc.nat()).map(([c, i]) => `${c.slice(0, i % c.length)}${c[i % c.length] === 'A' ? 'B' : 'A'}${c.slice((i % c.length) + 1)}`);
    const forged = fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify({ s: 'x', k: v })).toString('base64url'));
    return fc.oneof({ weight: 4, arbitrary: fromPool(pools.cursors) }, { weight: 2, arbitrary: tampered }, { weight: 1, arbitrary: forged }, { weight: 1, arbitrary: fc.constantFrom('', '=', 'e30', 'W10', 'bnVsbA', 'eyJzIjoxfQ') });
  }
  // A search: text with LIKE's wildcards and escape, quotes, or a name from the world.
  if (name === 'q') return fc.constantFrom('a', 'Ada', 'admin', '%', '_', '\\', '%_%', "O'Brien", '"', 'a%b', '\\%', 'ünï', 'MQL', ' ', 'x'.repeat(100));
  if (name === 'file') return fromPool(pools.feedFiles);
  if (name === '*') return fc.constantFrom('index.html', 'swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png', '../../package.json', '.env', 'nothing-here.js');
  if (name === 'rrule') {
    return fc.constantFrom('FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH', 'FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=XX', 'FREQ=WEEKLY;COUNT=99999999999', 'FREQ=WEEKLY;UNTIL=99991231T000000Z', 'RRULE:FREQ=WEEKLY;BYDAY=FR', 'FREQ=WEEKLY;BYDAY=MO;INTERVAL=0');
  }
  if (name === 'text') {
    // The paste box: lines of `YYYY-MM-DD,value`.
    const line = fc.tuple(fc.integer({ min: -800, max: 30 }), fc.oneof(fc.integer({ min: -1000, max: 1e6 }).map(String), fc.constantFrom('1,5', '1e308', 'NaN', '', '12%', '$1,000'))).map(([d, v]) => `${isoDay(d)},${v}`);
    return fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => ['date,value', ...lines].join('\n'));
  }
  return null;
}

const clip = (n: number | undefined, lo: number, hi: number, fallback: number) => Math.min(hi, Math.max(lo, n ?? fallback));

function stringArbitrary(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? 40, min + 40));
  if (s.format === 'date') return fc.oneof(fc.integer({ min: -400, max: 400 }).map(isoDay), fc.stringMatching(new RegExp(s.pattern ?? '^\\d{4}-\\d{2}-\\d{2}$')));
  if (s.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'uri') return fc.webUrl();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern));
    } catch {
      // fall through to plain text
    }
  }
  const words = fc.constantFrom('Pipeline review', 'Win rate', 'MQLs', 'Q3 plan', 'Ünïcødé ✓', 'Ada', 'x'.repeat(min || 1));
  return fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: min, maxLength: max }) }, { weight: 1, arbitrary: words });
}

function numberArbitrary(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 1e-9) : s.minimum;
  const hi = s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 1e-9) : s.maximum;
  const min = clip(lo, -1e6, 1e6, -1000);
  const max = Math.max(min, clip(hi, -1e6, 1e6, 1000));
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** A value the schema (mostly) accepts; `name` is the field's name, for hints. */
export function validValue(schema: JsonSchema | undefined, name: string, pools: Pools, root: JsonSchema | undefined = schema): fc.Arbitrary<unknown> {
  const s = schema ?? {};
  if (s.$ref) {
    const def = s.$ref.startsWith('#/$defs/') ? root?.$defs?.[s.$ref.slice('#/$defs/'.length)] : undefined;
    return validValue(def, name, pools, root);
  }
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => validValue(a, name, pools, root)));
  if (s.allOf && s.allOf.length > 0) return validValue(Object.assign({}, ...s.allOf) as JsonSchema, name, pools, root);
  const type = Array.isArray(s.type) ? s.type : s.type ? [s.type] : s.properties ? ['object'] : [];
  if (type.length > 1) return fc.oneof(...type.map((t) => validValue({ ...s, type: t }, name, pools, root)));
  switch (type[0]) {
    case 'string': {
      const hint = hintFor(name, pools);
      return hint ? fc.oneof({ weight: 4, arbitrary: hint }, { weight: 1, arbitrary: stringArbitrary(s) }) : stringArbitrary(s);
    }
    case 'integer':
      return numberArbitrary(s, true);
    case 'number':
      return numberArbitrary(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = s.minItems ?? 0;
      return fc.array(validValue(s.items, name, pools, root), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, minLength + 4)) });
    }
    case 'object': {
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) model[k] = validValue(props[k], k, pools, root);
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => keys.includes(k)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

// ── Breaking them ─────────────────────────────────────────────────────────────────────────────────────

/** JSON text spliced into the body as is (deeper than JSON.stringify can write, numbers JS cannot hold). */
export class RawJson {
  constructor(readonly text: string) {}
}

const DEPTH = 5000;
const HUGE = 100_000;

/** An object with an own `__proto__` key, as JSON.parse would make it (plain assignment would set the prototype). */
function withOwnKey(key: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> {
  const o = { ...base };
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}

const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f'];
const ODD_UNICODE = ['\ud800', '\udfff', 'a\ud800b', '\udc00\ud800', '\u202eevil\u202c', '\u200b', '\ufeff', '\uffff', '\ufffe', '\u2028\u2029', 'e\u0301\u0301\u0301', '👩‍👩‍👧‍👦', '🏳️‍🌈', '𝕳𝖊𝖑𝖑𝖔', 'İıß', '\u0085', '\u00a0', 'ﷺ', '𒐫'.repeat(1000), '٣٤٥', 'Z̴̡̛̖͓͈a̸l̷g̶o̵'];
const NUMBERS = [1e308, -1e308, -0, 2 ** 53 + 1, 2 ** 53, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER - 2, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 63, 2 ** 64, 1e21, 5e-324, 0.1, 1.5, -1.5, 1e15 + 1, -1e15 - 1];
const NUMERIC_STRINGS = ['NaN', 'Infinity', '-Infinity', '-0', '1e308', '1e999', '9007199254740993', '2147483648', '-2147483649', '0x10', ' 1', '1 ', '١٢٣', '1_000', '+1', '.5', '5.', ''];
const INJECTIONS = ["' or 1=1 --", '"; drop table users; --', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '../../../../etc/passwd', '%00', '\\', '\\u0000', 'null', 'undefined', 'true', '[object Object]'];

/** A value of the wrong kind, size or shape, for any place in a request. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, '', [], {}, [[]], [{}], [null]),
  fc.constantFrom(...NUMBERS),
  fc.constantFrom(...NUMERIC_STRINGS),
  fc.constantFrom(new RawJson('1e999'), new RawJson('-1e999'), new RawJson('123456789012345678901234567890'), new RawJson('1.0'), new RawJson('-0.0'), new RawJson('1E2'), new RawJson('0.0000000000000000000000001')),
  fc.constantFrom('a'.repeat(HUGE), '9'.repeat(HUGE), 'é'.repeat(HUGE / 2), '👍'.repeat(HUGE / 4), ' '.repeat(HUGE)),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROL), fc.string({ maxLength: 8 })).map(([a, c, b]) => a + c + b),
  fc.constantFrom(...ODD_UNICODE),
  fc.constantFrom(new RawJson(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`), new RawJson(`${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`)),
  fc.constantFrom(withOwnKey('__proto__', { polluted: true }), { constructor: { prototype: { polluted: true } } }, { prototype: { polluted: true } }),
  fc.constantFrom(...INJECTIONS),
  fc.jsonValue({ maxDepth: 3 }),
);

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '', ' ', 'a'.repeat(10_000), 'na\u0000me', '\ud800', '$where', 'id'];

/** Where in a request a mutation lands. */
type Part = 'body' | 'query' | 'params';

export interface Mutation {
  part: Part;
  /** Which node of that part (by position among its nodes). */
  at: number;
  op: 'replace' | 'delete' | 'addKey' | 'wrapArray' | 'wrapObject' | 'repeat' | 'injectControl' | 'appendOdd';
  key: string;
  leaf: unknown;
  control: string;
  odd: string;
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  part: fc.constantFrom<Part>('body', 'body', 'body', 'query', 'params'),
  at: fc.nat(),
  op: fc.constantFrom<Mutation['op']>('replace', 'replace', 'replace', 'delete', 'addKey', 'wrapArray', 'wrapObject', 'repeat', 'injectControl', 'appendOdd'),
  key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 12 })),
  leaf: hostileLeaf,
  control: fc.constantFrom(...CONTROL),
  odd: fc.constantFrom(...ODD_UNICODE),
});

type Path = Array<string | number>;

/** Every node of a value, the root first, each as the path to it. */
function nodesOf(value: unknown): Path[] {
  const out: Path[] = [];
  const stack: Array<{ v: unknown; path: Path }> = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    out.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push({ v: x, path: [...path, i] }));
    else if (v !== null && typeof v === 'object' && !(v instanceof RawJson)) for (const k of Object.keys(v)) stack.push({ v: (v as Record<string, unknown>)[k], path: [...path, k] });
  }
  return out;
}

/** A copy of value with the node at path changed (or removed, when change returns the REMOVE mark). */
const REMOVE = Symbol('remove');
function updateAt(value: unknown, path: Path, change: (old: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = updateAt(copy[head as number], rest, change);
    if (next === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const obj = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    if (k !== head) {
      Object.defineProperty(copy, k, { value: obj[k], enumerable: true, configurable: true, writable: true });
      continue;
    }
    const next = updateAt(obj[k], rest, change);
    if (next !== REMOVE) Object.defineProperty(copy, k, { value: next, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

function applyMutation(value: unknown, m: Mutation, stringsOnly: boolean): unknown {
  const nodes = nodesOf(value);
  const path = nodes[m.at % nodes.length]!;
  const asText = (v: unknown) => (stringsOnly && typeof v !== 'string' ? String(v instanceof RawJson ? v.text : JSON.stringify(v) ?? '') : v);
  return updateAt(value, path, (old) => {
    switch (m.op) {
      case 'replace':
        return asText(m.leaf);
      case 'delete':
        return path.length === 0 ? (stringsOnly ? {} : undefined) : REMOVE;
      case 'addKey':
        return old !== null && typeof old === 'object' && !Array.isArray(old) ? withOwnKey(m.key, asText(m.leaf), old as Record<string, unknown>) : asText(m.leaf);
      case 'wrapArray':
        return stringsOnly ? old : [old];
      case 'wrapObject':
        return stringsOnly ? old : withOwnKey(m.key || 'x', old);
      case 'repeat': {
        if (typeof old === 'string') return old.repeat(Math.max(1, Math.floor(HUGE / Math.max(1, old.length)))).slice(0, HUGE);
        if (stringsOnly) return old;
        // Up to 5,000 copies, kept near 2 MB: a body limit answer (413) is also a fine answer.
        const copies = Math.max(2, Math.min(5000, Math.floor(2_000_000 / Math.max(1, serialize(old).length))));
        return Array(copies).fill(old ?? 1);
      }
      case 'injectControl':
        return typeof old === 'string' ? old.slice(0, 1) + m.control + old.slice(1) : m.control;
      case 'appendOdd':
        return typeof old === 'string' ? old + m.odd : m.odd;
    }
  });
}

/** JSON.stringify, with RawJson spliced in as written. */
export function serialize(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => (v instanceof RawJson ? `\u0000hostile-raw-${raws.push(v.text) - 1}\u0000` : v)) ?? '';
  return text.replace(/"\\u0000hostile-raw-(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
}

// ── Requests ──────────────────────────────────────────────────────────────────────────────────────────

/** Path and query text that must reach the server as typed: broken percent-escapes and the like. */
const RAW_URL_PIECES = ['%E0%A4%A', '%', '%zz', '%00', '%2e%2e%2f%2e%2e%2f', '..', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%FF%FE', '%01', '%7F', '%0A%0D', '%25', '%u0041', 'a%', '%%32%65'];

const RAW_BODIES = ['', 'null', '"x"', '[]', '{', '{"a":1,"a":2}', '\u0000', '\ufeff{}', ' '.repeat(1000), 'tru', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '[1,2,'];
const CONTENT_TYPES = ['application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'text/plain', 'application/json, text/plain', 'multipart/form-data; boundary=x'];

export interface HostileRequest {
  caller: number;
  method: string;
  url: string;
  body: { kind: 'none' } | { kind: 'json'; text: string } | { kind: 'raw'; text: string; contentType: string | null };
  /** For the failure report: what was done to the valid-ish request. */
  mutations: string[];
}

const short = (text: string, n = 300) => (text.length > n ? `${text.slice(0, n)}… (${text.length} chars)` : text);

function describeRequest(r: HostileRequest): string {
  const body = r.body.kind === 'none' ? '' : ` body(${r.body.kind === 'raw' ? `raw, ${r.body.contentType ?? 'no content-type'}` : 'json'}): ${short(JSON.stringify(r.body.text), 600)}`;
  return `${r.method} ${short(r.url, 400)}${body} [caller ${r.caller}; ${r.mutations.join('; ') || 'unmutated'}]`;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as its WTF-8 bytes. */
function encodePiece(text: string): string {
  let out = '';
  for (const ch of text) {
    const cu = ch.charCodeAt(0);
    if (ch.length === 1 && cu >= 0xd800 && cu <= 0xdfff) {
      out += [0xe0 | (cu >> 12), 0x80 | ((cu >> 6) & 0x3f), 0x80 | (cu & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(ch);
    }
  }
  return out;
}

const encodeSegment = (v: unknown) => encodePiece(typeof v === 'string' ? v : v instanceof RawJson ? v.text : (JSON.stringify(v) ?? ''));

/** The arbitrary of hostile requests for one route. */
export function requestsFor(route: RouteEntry, pools: Pools, callers: number): fc.Arbitrary<HostileRequest> {
  const bodySchema = toJsonSchema(route.schema.body);
  const paramsSchema = toJsonSchema(route.schema.params);
  const querySchema = toJsonSchema(route.schema.querystring);
  const paramNames = [...route.url.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? '*');
  // A parameter's hint name says where it sits: /goals/kpis/:id → kpis:id.
  const hintName = (n: string) => `${route.url.split(`/:${n}`)[0]!.split('/').pop()}:${n}`;
  const paramsArb: fc.Arbitrary<Record<string, unknown>> =
    paramNames.length === 0
      ? fc.constant({})
      : fc.record(
          Object.fromEntries(
            paramNames.map((n) => [n, paramsSchema?.properties?.[n] ? validValue(paramsSchema.properties[n], hintName(n), pools, paramsSchema) : (hintFor(hintName(n), pools) ?? fc.string({ minLength: 1, maxLength: 20 }))]),
          ),
        );
  const queryArb: fc.Arbitrary<Record<string, unknown>> = querySchema ? (validValue(querySchema, 'query', pools) as fc.Arbitrary<Record<string, unknown>>) : fc.constant({});
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const bodyArb: fc.Arbitrary<unknown> = bodySchema ? validValue(bodySchema, 'body', pools) : fc.constant(undefined);
  // A body written by hand (sent as JSON, or with no content type), or the valid-ish body under an odd type.
  const rawArb = fc.oneof(
    fc.record({ text: fc.constantFrom(...RAW_BODIES), contentType: fc.constantFrom<string | null>('application/json', null) }),
    fc.record({ text: fc.constant(null), contentType: fc.constantFrom(...CONTENT_TYPES) }),
  );
  const rawUrlArb = fc.record({ where: fc.constantFrom<'param' | 'queryValue' | 'queryKey'>('param', 'queryValue', 'queryKey'), piece: fc.constantFrom(...RAW_URL_PIECES), at: fc.nat() });

  return fc
    .record({
      caller: fc.nat({ max: callers - 1 }),
      params: paramsArb,
      query: queryArb,
      body: bodyArb,
      // Three requests in ten are left valid-ish, so the cases also reach the handlers and the database.
      mutations: fc.oneof({ weight: 3, arbitrary: fc.constant<Mutation[]>([]) }, { weight: 7, arbitrary: fc.array(mutationArbitrary, { minLength: 1, maxLength: 3 }) }),
      // About one request in twelve has a raw body (or an odd content type), one in six a raw URL piece.
      raw: fc.oneof({ weight: 11, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rawArb }),
      rawUrl: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rawUrlArb }),
    })
    .map(({ caller, params, query, body, mutations, raw, rawUrl }) => {
      const notes: string[] = [];
      for (const m of mutations) {
        notes.push(`${m.op} in ${m.part}${m.op === 'replace' || m.op === 'addKey' ? ` with ${short(serialize(m.leaf) || String(m.leaf), 60)}` : ''}`);
        if (m.part === 'body') body = applyMutation(body, m, false);
        else if (m.part === 'query') query = applyMutation(query ?? {}, m, true) as Record<string, unknown>;
        else if (paramNames.length > 0) params = applyMutation(params, { ...m, at: m.at % paramNames.length + 1, op: m.op === 'delete' ? 'replace' : m.op }, true) as Record<string, unknown>;
      }
      // Path: each parameter percent-encoded, unless a raw piece goes there.
      const rawParam = rawUrl?.where === 'param' && paramNames.length > 0 ? paramNames[rawUrl.at % paramNames.length] : null;
      let url = route.url;
      for (const n of paramNames) {
        const value = n === rawParam ? `x${rawUrl!.piece}` : encodeSegment(params[n]);
        url = n === '*' ? url.replace('*', value) : url.replace(`:${n}`, value);
      }
      const pairs: string[] = [];
      if (query !== null && typeof query === 'object') {
        for (const [k, v] of Object.entries(query)) {
          for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) pairs.push(`${encodePiece(k)}=${encodeSegment(one)}`);
        }
      } else if (query !== undefined) {
        pairs.push(encodeSegment(query));
      }
      if (rawUrl?.where === 'queryValue') pairs.push(`${Object.keys(querySchema?.properties ?? { q: 1 })[rawUrl.at % Math.max(1, Object.keys(querySchema?.properties ?? {}).length)] ?? 'q'}=${rawUrl.piece}`);
      if (rawUrl?.where === 'queryKey') pairs.push(`${rawUrl.piece}=1`);
      if (rawUrl && (rawUrl.where !== 'param' || rawParam)) notes.push(`raw ${rawUrl.piece} in ${rawUrl.where === 'param' ? `param ${rawParam}` : rawUrl.where}`);
      if (pairs.length > 0) url += `?${pairs.join('&')}`;
      let requestBody: HostileRequest['body'] = { kind: 'none' };
      if (raw && hasBody && raw.text !== null) {
        requestBody = { kind: 'raw', text: raw.text, contentType: raw.contentType };
        notes.push(`raw body${raw.contentType ? '' : ' without a content type'}`);
      } else if (raw && hasBody) {
        requestBody = { kind: 'raw', text: serialize(body ?? {}), contentType: raw.contentType };
        notes.push(`content-type ${raw.contentType}`);
      } else if (hasBody && body !== undefined) {
        requestBody = { kind: 'json', text: serialize(body) };
      }
      const request: HostileRequest = { caller, method: route.method, url, body: requestBody, mutations: notes };
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
}

// ── The database, fingerprinted ───────────────────────────────────────────────────────────────────────

/** Columns a request may touch without changing anything a person sees: when a credential was last used. */
const VOLATILE_COLUMNS = ['last_seen_at', 'last_used_at', 'last_fetched_at'];
/**
 * Tables whose changes on a 4xx are the point (a refused sign-in still counts against its limit), and
 * the change detector's own counter.
 */
const UNFINGERPRINTED = ['rate_limits', 'hostile_writes'];

export type Fingerprint = Record<string, string>;

export interface ChangeDetector {
  /**
   * Cheap, and the same whenever no row was written since the last call: SQLite's total_changes() on the
   * app's own connection (it counts every row an INSERT, UPDATE or DELETE touched, even in a transaction
   * that rolled back), or on PostgreSQL a counter that a statement trigger on every table bumps inside
   * the writing transaction (so a rollback takes it back). A different token only says "look closer".
   */
  token(): Promise<string>;
  /** A hash of every row of every table but rate_limits, per table, without the VOLATILE_COLUMNS. */
  fingerprint(): Promise<Fingerprint>;
}

export async function changeDetectorOf(db: Database): Promise<ChangeDetector> {
  if (db.dialect === 'postgres') {
    const tables = (
      await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db.kysely)
    ).rows
      .map((r) => r.name)
      .filter((n) => !UNFINGERPRINTED.includes(n));
    // PL/pgSQL keeps the plan, which makes a call about four times cheaper than sending the union.
    const drop = `'{${VOLATILE_COLUMNS.join(',')}}'::text[]`;
    const union = tables
      .map((tname) => `select '${tname}'::text, md5(coalesce(string_agg(x, ',' order by x), '')) from (select (to_jsonb(r) - ${drop})::text as x from "${tname}" r) s`)
      .join(' union all ');
    await sql.raw(`create or replace function hostile_fingerprint() returns table(t text, h text) language plpgsql stable as $$ begin return query ${union}; end $$`).execute(db.kysely);
    await sql.raw('create table hostile_writes (n bigint not null)').execute(db.kysely);
    await sql.raw('insert into hostile_writes values (0)').execute(db.kysely);
    await sql.raw('create function hostile_count_write() returns trigger language plpgsql as $$ begin update hostile_writes set n = n + 1; return null; end $$').execute(db.kysely);
    for (const tname of tables) {
      await sql.raw(`create trigger hostile_count_write after insert or update or delete on "${tname}" for each statement execute function hostile_count_write()`).execute(db.kysely);
    }
    return {
      token: async () => String((await sql<{ n: string }>`select n from hostile_writes`.execute(db.kysely)).rows[0]?.n),
      fingerprint: async () => {
        const rows = (await sql<{ t: string; h: string }>`select t, h from hostile_fingerprint()`.execute(db.kysely)).rows;
        return Object.fromEntries(rows.map((r) => [r.t, r.h]));
      },
    };
  }
  const handle = db.sqlite!;
  const tables = (handle.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((n) => !UNFINGERPRINTED.includes(n));
  const statements = tables.map((tname) => ({ tname, stmt: handle.prepare(`select * from "${tname}"`) }));
  const changes = handle.prepare('select total_changes() as n');
  return {
    token: async () => String((changes.get() as { n: number }).n),
    fingerprint: async () => {
      const out: Fingerprint = {};
      for (const { tname, stmt } of statements) {
        const rows = (stmt.all() as Array<Record<string, unknown>>).map((row) => {
          for (const c of VOLATILE_COLUMNS) delete row[c];
          return JSON.stringify(row);
        });
        rows.sort();
        out[tname] = createHash('sha1').update(rows.join('\n')).digest('hex');
      }
      return out;
    },
  };
}

const changedTables = (a: Fingerprint, b: Fingerprint) => Object.keys({ ...a, ...b }).filter((k) => a[k] !== b[k]);

// ── The world the requests land in ────────────────────────────────────────────────────────────────────

export interface HostileWorld {
  t: TestApp;
  ws: TestWorkspace;
  /** The admins who call: the workspace's founder (leadership), a sales admin and a marketing admin. */
  callers: Client[];
  pools: Pools;
  /** Puts back what the harness relies on after a 2xx (the callers' sessions, memberships, passwords). */
  restore(): Promise<void>;
  /** Adds the ids of rows made since to the id pool. */
  refreshIds(): Promise<void>;
  /** Server errors logged since the last call (the 500's cause: the answer itself says only "internal"). */
  takeServerErrors(): string[];
}

/** A logger that keeps the errors the app logs, so a 500's cause can be reported. */
function capturingLogger(sink: string[]): Logger {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { type?: string; message?: string; code?: string } };
          if ((entry.level ?? 0) >= 50) sink.push(`${entry.err?.type ?? 'Error'}${entry.err?.code ? ` ${entry.err.code}` : ''}: ${(entry.err?.message ?? entry.msg ?? '').replace(/\s+/g, ' ').slice(0, 700)}`);
        } catch {
          sink.push(line);
        }
      }
      done();
    },
  });
  return pino({ level: 'error' }, stream);
}

async function rowsOf(db: Database, table: string, column: string, values: string[]): Promise<Array<Record<string, unknown>>> {
  if (values.length === 0) return [];
  const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(values)})`.execute(db.kysely);
  return rows.rows;
}

/** Puts rows back as they were: re-inserts the missing ones, rewrites the changed ones. */
async function putBack(db: Database, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  const now = await rowsOf(db, table, 'id', rows.map((r) => String(r.id)));
  for (const row of rows) {
    const id = row.id;
    const current = now.find((r) => r.id === id);
    const columns = Object.keys(row);
    if (!current) {
      await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values (${sql.join(columns.map((c) => row[c]))})`.execute(db.kysely);
    } else if (columns.some((c) => current[c] !== row[c])) {
      await sql`update ${sql.table(table)} set ${sql.join(columns.filter((c) => c !== 'id').map((c) => sql`${sql.ref(c)} = ${row[c]}`))} where id = ${id}`.execute(db.kysely);
    }
  }
}

/**
 * Two workspaces with data: A, where three admins call from (people of every role, KPIs with values and a
 * publication, a custom catalog kind, expectations, a weekly series with past meetings, an agenda item, a
 * decision and an action item, an invite, a token, a notification, a calendar feed), and B, whose ids the
 * requests also use (they must answer 404, never reach B's rows).
 */
export async function makeHostileWorld(): Promise<HostileWorld> {
  const serverErrors: string[] = [];
  const t = await createTestApp({ log: capturingLogger(serverErrors) });
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  const salesAdmin = await addMember(t, ws, { role: 'admin', team: 'sales', name: 'Sal Admin' });
  const marketingAdmin = await addMember(t, ws, { role: 'admin', team: 'marketing', name: 'Mar Admin' });
  const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Lead' });
  const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Member' });
  await addMember(t, ws, { role: 'viewer', team: 'sales', name: 'Vic Viewer' });
  await makeKeyPlayers(ws, [salesAdmin.member.id, marketingAdmin.member.id, salesLead.member.id, marketer.member.id]);

  const winRate = await makeKpi(salesAdmin.client, { team: 'sales', rank: 1, target: 30 });
  await makeKpi(salesAdmin.client, { team: 'sales', name: 'Pipeline', kind: 'pipeline_coverage', rank: 2 });
  await makeKpi(marketingAdmin.client, { team: 'marketing', rank: 1, target: 400 });
  await salesAdmin.client.post(`/api/v1/goals/kpis/${winRate.id}/values`, { values: [{ date: utcDate(-40), value: 25 }, { date: utcDate(-10), value: 28 }] });
  await publishTopThree(salesAdmin.client, 'sales', 'First cut');
  await salesAdmin.client.post('/api/v1/goals/catalog', { name: 'Demo calls', unit: 'count', direction: 'higher' });
  await marketer.client.request('PUT', '/api/v1/goals/expectations/mine', { body: { items: [{ kind: 'win_rate' }, { text: 'Faster follow-up' }] } });

  await makeWeeklySeries(ws.admin, { weeksBack: 3 });
  const { past, upcoming } = await meetingsAround(ws.admin);
  const meeting = upcoming[0] ?? past[past.length - 1];
  if (meeting) {
    await makeAgendaItem(ws.admin, meeting.id);
    await makeDecision(ws.admin, meeting.id);
    await makeActionItem(ws.admin, meeting.id, { ownerId: salesLead.member.id, dueDate: utcDate(7) });
  }
  const invite = await makeInvite(ws, { team: 'sales' });
  await makeApiToken(ws);
  await makeNotification(t, ws.id, ws.adminMemberId);
  const feed = await makeFeed(ws.admin);

  const other = await makeWorkspace(t, { adminName: 'Otto Other' });
  const otherMember = await addMember(t, other, { role: 'leader', team: 'sales' });
  const otherMarketer = await addMember(t, other, { role: 'member', team: 'marketing' });
  await makeKeyPlayers(other, [otherMember.member.id, otherMarketer.member.id]);
  await makeKpi(otherMember.client, { team: 'sales', rank: 1 });
  await makeWeeklySeries(other.admin, { weeksBack: 1 });
  const otherInvite = await makeInvite(other, { team: 'marketing' });
  const otherFeed = await makeFeed(other.admin);
  await makeNotification(t, other.id, other.adminMemberId);
  // B's admin adds two of A's admins: invitations they can accept or decline (put back after each 2xx).
  for (const c of [ws.admin, salesAdmin.client]) {
    expectStatus(await other.admin.post('/api/v1/members', { email: c.email, name: 'Invited Admin', team: 'marketing' }), 201);
  }

  const callers = [ws.admin, salesAdmin.client, marketingAdmin.client];
  const callerEmails = callers.map((c) => c.email!);
  const pools: Pools = {
    ids: ['no-such-id', 'a'.repeat(100), '00000000-0000-0000-0000-000000000000'],
    idsByTable: Object.fromEntries(ID_TABLES.map((table) => [table, ['no-such-id']])) as Record<IdTable, string[]>,
    emails: [...callerEmails, salesLead.email, other.admin.email!, uniqueEmail('new'), 'ADA@EXAMPLE.TEST'],
    passwords: [PASSWORD, 'a long and unusual passphrase 42', 'short'],
    inviteTokens: [invite.token, otherInvite.token, 'x'.repeat(43)],
    feedFiles: [`${feed.split('/').pop()!}`, `${otherFeed.split('/').pop()!}`, `${'A'.repeat(43)}.ics`],
    kinds: ['win_rate', 'mqls', 'pipeline_coverage', 'no_such_kind'],
    cursors: [],
  };
  // Every list's first page of one, in both workspaces: their cursors are sent to every list (each must refuse
  // the others' with a 400 and never answer another workspace's rows).
  for (const route of t.app.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes(':'))) {
    for (const caller of [ws.admin, other.admin]) {
      const page = await caller.get<{ nextCursor?: unknown }>(`${route.url}?limit=1`);
      if (page.status === 200 && typeof page.body?.nextCursor === 'string') pools.cursors.push(page.body.nextCursor);
    }
  }
  if (pools.cursors.length < 10) throw new Error(`the hostile world has only ${pools.cursors.length} list cursors; it should page most lists`);
  const seen = new Set(pools.ids);
  const allIds = sql.join(
    ID_TABLES.map((table) => sql`select cast(${table} as text) as t, id from ${sql.table(table)}`),
    sql` union all `,
  );
  const refreshIds = async () => {
    for (const row of (await sql<{ t: IdTable; id: string }>`${allIds}`.execute(t.db.kysely)).rows) {
      if (seen.has(`${row.t}|${row.id}`)) continue;
      seen.add(`${row.t}|${row.id}`);
      pools.ids.push(row.id);
      pools.idsByTable[row.t].push(row.id);
    }
  };
  await refreshIds();

  const secrets = callers.map((c) => c.cookie('lockstep_session')!);
  const users = await rowsOf(t.db, 'users', 'email', callerEmails);
  const userIds = users.map((u) => String(u.id));
  const members = await rowsOf(t.db, 'members', 'user_id', userIds);
  const sessions = await rowsOf(t.db, 'sessions', 'user_id', userIds);
  const restore = async () => {
    callers.forEach((c, i) => c.setCookie('lockstep_session', secrets[i]!));
    await putBack(t.db, 'users', users);
    await putBack(t.db, 'members', members);
    await putBack(t.db, 'sessions', sessions);
  };
  return {
    t,
    ws,
    callers,
    pools,
    restore,
    refreshIds,
    takeServerErrors: () => serverErrors.splice(0, serverErrors.length),
  };
}

// ── The property, route by route ──────────────────────────────────────────────────────────────────────

/** A 500 that the kernel cannot cure and a capability must fix, allowed until it is (see the test files). */
export interface Known500 {
  /** `METHOD /url` as registered, or a pattern over it. */
  route: string | RegExp;
  /** Matches the logged server error. */
  error: RegExp;
  why: string;
}

export const CASES_PER_ROUTE = 200;

const isErrorShape = (body: unknown): boolean => {
  if (typeof body !== 'object' || body === null || Object.keys(body).join() !== 'error') return false;
  const e = (body as { error: unknown }).error;
  if (typeof e !== 'object' || e === null) return false;
  const { code, message, ...rest } = e as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' && Object.keys(rest).every((k) => k === 'details');
};

/** SQL, driver or stack text in a message a person reads. */
const LEAKS = /\b(select|insert into|update \S+ set|delete from)\b|violates|SQLITE_|sqlite|syntax error|at \S+ \(.*:\d+:\d+\)|node_modules/i;

/** A random address per request, so no per-address limit decides the outcome of many cases at once. */
const anyAddress = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function send(client: Client, r: HostileRequest): Promise<ApiResponse<unknown>> {
  const headers: Record<string, string> = { 'x-forwarded-for': anyAddress() };
  if (r.body.kind === 'none') return client.request(r.method as 'GET', r.url, { headers });
  if (r.body.kind === 'raw' && r.body.contentType !== null) headers['content-type'] = r.body.contentType;
  if (r.body.kind === 'json') headers['content-type'] = 'application/json';
  return client.request(r.method as 'GET', r.url, { rawBody: r.body.text, headers });
}

/**
 * Registers one test per route: CASES_PER_ROUTE hostile requests each. The base seed is printed on
 * failure (HOSTILE_SEED=<n> runs the same inputs again; ids are then this run's, picked by position).
 */
export function describeHostileRoutes(world: HostileWorld, routes: RouteEntry[], known: Known500[] = []): void {
  const base = Number(process.env.HOSTILE_SEED) || Math.floor(Math.random() * 2 ** 31);
  const survey = Boolean(process.env.HOSTILE_SURVEY);
  const found: string[] = [];
  let detector: ChangeDetector | null = null;
  /** The database as the last 2xx left it (or as the suite found it), and the change token then. */
  let last: { token: string; fingerprint: Fingerprint } | null = null;

  afterAll(async () => {
    if (survey && found.length > 0) console.log(`Hostile-input survey (${testDbKind()}, HOSTILE_SEED=${base}), ${found.length} findings:\n${[...new Set(found)].join('\n')}`);
    await world.t.close();
  });

  // Reads first and removals last, so rows made and removed by earlier routes' cases do not leave a
  // later route with nothing to act on.
  const order = (r: RouteEntry) => (r.method === 'GET' ? 0 : r.method === 'DELETE' ? 2 : 1);
  const ordered = [...routes].sort((a, b) => order(a) - order(b));
  ordered.forEach((route, index) => {
    const name = `${route.method} ${route.url}`;
    it(name, { timeout: 120_000 }, async () => {
      detector ??= await changeDetectorOf(world.t.db);
      const d = detector;
      const requests = requestsFor(route, world.pools, world.callers.length);
      const seed = base + index;
      let reached = 0;
      const statuses: Record<number, number> = {};
      const messages: Record<string, number> = {};
      const check = async (r: HostileRequest) => {
        last ??= { token: await d.token(), fingerprint: await d.fingerprint() };
        world.takeServerErrors();
        const res = await send(world.callers[r.caller]!, r);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        if (survey && res.status >= 400 && res.error) {
          const m = `${res.status} ${res.error.message.slice(0, 90)}`;
          messages[m] = (messages[m] ?? 0) + 1;
        }
        const errors = world.takeServerErrors();
        if (!(res.status === 404 && res.error?.message.startsWith('No route'))) reached++;
        const problems: string[] = [];
        if (res.status >= 500) {
          const excused = known.some((k) => (typeof k.route === 'string' ? k.route === name : k.route.test(name)) && errors.some((e) => k.error.test(e)));
          if (!excused) problems.push(`answered ${res.status}; the server logged: ${errors.join(' | ') || 'nothing'}`);
        }
        if (res.status >= 400 && !isErrorShape(res.body)) problems.push(`answered ${res.status} outside our error shape: ${short(res.text, 300)}`);
        if (res.status >= 400 && res.error && LEAKS.test(res.error.message)) problems.push(`the message leaks internals: ${short(res.error.message, 300)}`);
        if (res.status === 429) await world.t.db.kysely.deleteFrom('rate_limits').execute();
        if (res.status >= 200 && res.status < 300) {
          // What a read changes (meetings scheduled ahead, a feed's last fetch) touches no caller.
          if (r.method !== 'GET') {
            await world.restore();
            await world.refreshIds();
          }
          const token = await d.token();
          if (token !== last.token) last = { token, fingerprint: await d.fingerprint() };
        } else if (res.status >= 400 && res.status < 500) {
          const token = await d.token();
          if (token !== last.token) {
            const now = await d.fingerprint();
            const changed = changedTables(last.fingerprint, now);
            if (changed.length > 0) problems.push(`answered ${res.status} (${res.error?.code ?? '?'}: ${short(res.error?.message ?? '', 120)}) but changed ${changed.join(', ')}`);
            last = { token, fingerprint: now };
          }
        } else {
          // A 5xx is reported above; whatever it wrote must not be blamed on the next 4xx.
          await world.restore();
          last = { token: await d.token(), fingerprint: await d.fingerprint() };
        }
        if (problems.length === 0) return;
        if (survey) {
          found.push(`${name} — ${problems.join('; ')}\n    e.g. ${describeRequest(r)}`);
          return;
        }
        throw new Error(problems.join('\n'));
      };
      try {
        await fc.assert(fc.asyncProperty(requests, check), { numRuns: CASES_PER_ROUTE, seed });
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new Error(`${name} failed on ${testDbKind()}. Reproduce: HOSTILE_SEED=${base} npx vitest run --project api-${testDbKind()} <this file>\n${why}`, { cause: err });
      }
      if (survey) {
        const top = Object.entries(messages).sort((a, b) => b[1] - a[1]).slice(0, 4).map(([m, n]) => `      ${n}× ${m}`);
        console.log(`${name}: ${JSON.stringify(statuses)}\n${top.join('\n')}`);
      }
      // Requests the router answers "No route" never reach the route: a property that only met those
      // would prove nothing about it.
      expect(reached, `no request reached ${name}`).toBeGreaterThan(0);
    });
  });
}

// ── Which file tests which routes ─────────────────────────────────────────────────────────────────────

export type HostileGroup = 'session' | 'people' | 'goals' | 'checkins' | 'system';

const CLAIMS: Array<[Exclude<HostileGroup, 'system'>, RegExp]> = [
  ['session', /^\/api\/v1\/(auth|me|workspaces?)(\/|$)/],
  ['people', /^\/api\/v1\/(members|invites|tokens|audit|notifications)(\/|$)/],
  ['goals', /^\/api\/v1\/goals\//],
  ['checkins', /^\/api\/v1\/(checkins|calendar)\//],
];

/** The file a route is tested in; routes no file claims (a new capability's) are tested by the system file. */
export function hostileGroupOf(route: Pick<RouteEntry, 'url'>): HostileGroup {
  return CLAIMS.find(([, pattern]) => pattern.test(route.url))?.[0] ?? 'system';
}
