// Keyset pagination for every list endpoint (docs/decisions/023-pagination.md). A list declares its order: sort
// keys ending in a unique column, so the order is total and a page never skips or repeats a row. The cursor is
// the last row's keys, with a fingerprint of the list it belongs to (its name, the workspace, its filters), as
// base64url JSON: opaque to clients, and refused with a 400 in plain words when it is malformed or belongs to
// another list. A cursor can only position a query that is still scoped to the actor's workspace, so it cannot
// reach another workspace's rows whatever it holds.
import { createHash } from 'node:crypto';
import { sql, type Expression, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { PageQuery } from '../shared/page.js';
import { badRequest } from './errors.js';

export type KeyValue = string | number;

export interface KeyOrder {
  dir: 'asc' | 'desc';
  /** What the cursor must hold for it. */
  type: 'string' | 'number';
}

export interface SortKey extends KeyOrder {
  /** A column (`sql.ref('audit_log.at')`) or an expression; never null, so comparisons hold. */
  by: Expression<unknown>;
}

export interface PageSpec<Row, K extends KeyOrder = SortKey> {
  /** What a cursor is good for: the list's name, the workspace, and every filter that shapes the list. */
  scope: readonly unknown[];
  /** The order, ending in a unique column. */
  order: readonly K[];
  /** A row's values for the sort keys, in order. */
  key: (row: Row) => readonly KeyValue[];
}

export interface Page<Row> {
  items: Row[];
  nextCursor: string | null;
}

const MALFORMED = 'The cursor is not one this list gave out: pass nextCursor exactly as it came, or leave cursor out to start from the first page.';
const OTHER_LIST = 'This cursor belongs to another list (another workspace, or other filters): leave cursor out to start this list from the first page.';

const refused = (message: string) => badRequest(message, [{ path: 'querystring.cursor', message }]);

function fingerprint(scope: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(scope)).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: readonly unknown[], key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify({ s: fingerprint(scope), k: key })).toString('base64url');
}

/** The keys a cursor holds; a 400 when it is not a cursor of this list. */
export function decodeCursor(cursor: string, scope: readonly unknown[], order: readonly KeyOrder[]): KeyValue[] {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw refused(MALFORMED);
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the exact text encodeCursor made: base64url would also read one with extra or missing characters.
  if (bytes.toString('base64url') !== cursor) throw refused(MALFORMED);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw refused(MALFORMED);
  }
  if (typeof parsed !== 'object' || parsed === null) throw refused(MALFORMED);
  const { s, k } = parsed as { s?: unknown; k?: unknown };
  if (typeof s !== 'string' || !Array.isArray(k)) throw refused(MALFORMED);
  if (s !== fingerprint(scope)) throw refused(OTHER_LIST);
  if (k.length !== order.length) throw refused(MALFORMED);
  const fits = (v: unknown, key: KeyOrder) => (key.type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string');
  if (!k.every((v, i) => fits(v, order[i]!))) throw refused(MALFORMED);
  return k as KeyValue[];
}

/** The order of a log (the audit log, notifications, invites…): newest first, the id breaking ties between rows of one instant. */
export function newestFirst(at: string, id: string): SortKey[] {
  return [
    { by: sql.ref(at), dir: 'desc', type: 'string' },
    { by: sql.ref(id), dir: 'desc', type: 'string' },
  ];
}

/**
 * Rows after `after` in this order. One row-value comparison when all keys run the same way (indexes use it). Also
 * for a reader that walks a table in batches itself (the pain index's build).
 */
export function afterKeys(order: readonly SortKey[], after: readonly KeyValue[]): Expression<SqlBool> {
  const op = (k: SortKey) => sql.raw(k.dir === 'asc' ? '>' : '<');
  const first = order[0]!;
  if (order.every((k) => k.dir === first.dir)) {
    // The first key's own bound says nothing the row value does not, but SQLite seeks an index with it where the
    // key is an expression (the Deals list's coalesce(close_date, '')): it does not seek by a row value over an
    // expression column, and without this every page read the index from the list's start (decision 059).
    const from = sql`${first.by} ${sql.raw(first.dir === 'asc' ? '>=' : '<=')} ${after[0]}`;
    return sql<SqlBool>`${from} and (${sql.join(order.map((k) => k.by))}) ${op(first)} (${sql.join(after)})`;
  }
  // Mixed directions: (a > x) or (a = x and b < y) or …
  const terms = order.map((k, i) => sql.join([...order.slice(0, i).map((p, j) => sql`${p.by} = ${after[j]}`), sql`${k.by} ${op(k)} ${after[i]}`], sql` and `));
  return sql<SqlBool>`(${sql.join(terms.map((t) => sql`(${t})`), sql` or `)})`;
}

/** Runs the query for one page: the rows after the cursor, in the spec's order, at most `limit`. */
export async function paginate<DB, TB extends keyof DB, O>(qb: SelectQueryBuilder<DB, TB, O>, page: PageQuery, spec: PageSpec<O>): Promise<Page<O>> {
  let q = qb;
  if (page.cursor !== undefined) q = q.where(afterKeys(spec.order, decodeCursor(page.cursor, spec.scope, spec.order)));
  for (const k of spec.order) q = q.orderBy(k.by, k.dir);
  // One row more than asked tells whether there is a next page without counting.
  const rows = await q.limit(page.limit + 1).execute();
  return pageFrom(rows, page.limit, spec);
}

/**
 * The same for a list already in memory (the catalog: built-in kinds and the workspace's own), sorted by the
 * spec's keys with JavaScript comparison.
 */
export function paginateInMemory<Row>(rows: readonly Row[], page: PageQuery, spec: PageSpec<Row, KeyOrder>): Page<Row> {
  const sign = spec.order.map((k) => (k.dir === 'asc' ? 1 : -1));
  const compare = (a: readonly KeyValue[], b: readonly KeyValue[]) => {
    for (let i = 0; i < a.length; i++) {
      const x = a[i]!;
      const y = b[i]!;
      if (x !== y) return (x < y ? -1 : 1) * sign[i]!;
    }
    return 0;
  };
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor, spec.scope, spec.order);
  const sorted = [...rows].sort((a, b) => compare(spec.key(a), spec.key(b)));
  const rest = after ? sorted.filter((r) => compare(spec.key(r), after) > 0) : sorted;
  return pageFrom(rest.slice(0, page.limit + 1), page.limit, spec);
}

function pageFrom<Row>(rows: readonly Row[], limit: number, spec: PageSpec<Row, KeyOrder>): Page<Row> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(spec.scope, spec.key(last)) : null };
}

/** `{ items, nextCursor }` with each item presented. */
export function presentPage<Row, View>(page: Page<Row>, present: (row: Row) => View): { items: View[]; nextCursor: string | null } {
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}
