// A workspace's pain index in memory (SPEC S3, decision record "pain analyzer matching"): its active pains with
// their synonyms and the evidence quotes linked to them, kept per process and brought up to date on each use.
//
// Correct across instances without a message between them: every use asks the database two cheap questions —
// how many pains and evidence entries the workspace has, and the latest `updated_at` of each. When nothing
// changed the index answers as it is. When something did, only the rows changed since the last look (with a
// minute's margin for a transaction that committed late with an earlier timestamp) are read: a new evidence
// entry is added to its pain's quotes, an edited entry or pain is read again with its quotes, a retired pain is
// removed. When the counts then disagree with what the index has seen (a row deleted, or one missed), the index
// is rebuilt from the database rather than answer wrong.
import { sql } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/database.js';
import { afterKeys, type SortKey } from '../../server/pagination.js';
import { analyzePiece, PainIndex, type Analysis, type PainDoc } from './analyzer/index.js';

/** Workspaces kept per database: the rest are read again when next used. */
const WORKSPACES_KEPT = 200;
/** How far before the last seen change a look reaches back, for a transaction that committed late. */
const LATE_COMMIT_MS = 60_000;

interface Mark {
  count: number;
  latest: string | null;
}

interface State {
  index: PainIndex;
  pains: Mark;
  evidence: Mark;
  /** Every pain of the workspace (any status) with the `updated_at` the index reflects. */
  painsSeen: Map<string, string>;
  /** Every evidence entry with its pain and `updated_at` as the index reflects them. */
  evidenceSeen: Map<string, { painId: string | null; updatedAt: string }>;
}

interface Slot {
  state: State | null;
  /** Looks run one after another per workspace, so two requests never add the same quote twice. */
  queue: Promise<unknown>;
}

const caches = new WeakMap<Db, LRUCache<string, Slot>>();

function slotFor(db: Db, workspaceId: string): Slot {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache<string, Slot>({ max: WORKSPACES_KEPT });
    caches.set(db, cache);
  }
  let slot = cache.get(workspaceId);
  if (!slot) {
    slot = { state: null, queue: Promise.resolve() };
    cache.set(workspaceId, slot);
  }
  return slot;
}

const sameMark = (a: Mark, b: Mark) => a.count === b.count && a.latest === b.latest;
const since = (latest: string | null) => (latest ? new Date(Date.parse(latest) - LATE_COMMIT_MS).toISOString() : '');

async function marks(db: Db, workspaceId: string): Promise<{ pains: Mark; evidence: Mark }> {
  const [p, e] = await Promise.all([
    db.selectFrom('pains').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')]).where('workspace_id', '=', workspaceId).executeTakeFirst(),
    db.selectFrom('evidence').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('latest')]).where('workspace_id', '=', workspaceId).executeTakeFirst(),
  ]);
  return { pains: { count: Number(p?.n ?? 0), latest: p?.latest ?? null }, evidence: { count: Number(e?.n ?? 0), latest: e?.latest ?? null } };
}

function parseSynonyms(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
  } catch {
    return [];
  }
}

/** Active pains as the analyzer reads them, with their quotes (all of the workspace's, or these pains' only). */
async function loadPainDocs(db: Db, workspaceId: string, painIds?: readonly string[]): Promise<{ docs: PainDoc[]; retired: string[] }> {
  if (painIds && painIds.length === 0) return { docs: [], retired: [] };
  let pq = db.selectFrom('pains').select(['id', 'statement', 'synonyms', 'status']).where('workspace_id', '=', workspaceId);
  if (painIds) pq = pq.where('id', 'in', [...painIds]);
  const pains = await pq.execute();
  const active = pains.filter((p) => p.status === 'active');
  const docs = new Map<string, PainDoc>(active.map((p) => [p.id, { id: p.id, statement: p.statement, synonyms: parseSynonyms(p.synonyms), quotes: [] }]));
  if (docs.size > 0) {
    let eq = db.selectFrom('evidence').select(['pain_id', 'quote', 'date']).where('workspace_id', '=', workspaceId).where('pain_id', 'is not', null);
    if (painIds) eq = eq.where('pain_id', 'in', [...docs.keys()]);
    for (const e of await eq.orderBy('date').orderBy('id').execute()) docs.get(e.pain_id!)?.quotes.push({ text: e.quote, date: e.date });
  }
  return { docs: [...docs.values()], retired: pains.filter((p) => p.status !== 'active').map((p) => p.id) };
}

/** Evidence rows read per query by a build: a page's rows die young instead of 50,000 of them living through it. */
const BUILD_PAGE = 2_000;
/** The order a build reads evidence in, along the (workspace_id, date, id) index. */
const EVIDENCE_ORDER: SortKey[] = [
  { by: sql.ref('date'), dir: 'asc', type: 'string' },
  { by: sql.ref('id'), dir: 'asc', type: 'string' },
];

async function build(db: Db, workspaceId: string): Promise<State> {
  // The marks first: a row written while the rest is read is then seen again next time, never missed.
  const m = await marks(db, workspaceId);
  const pains = await db.selectFrom('pains').select(['id', 'updated_at', 'statement', 'synonyms', 'status']).where('workspace_id', '=', workspaceId).execute();
  const painsSeen = new Map(pains.map((r) => [r.id, r.updated_at]));
  const painIdOf = new Map(pains.map((r) => [r.id, r.id]));
  /** Each active pain's quotes as they are read, text and date in turn, in the evidence's (date, id) order. */
  const quotesOf = new Map<string, string[]>(pains.filter((p) => p.status === 'active').map((p) => [p.id, []]));
  // Every evidence row once, a page at a time along the (workspace_id, date, id) index: what the index has seen of it,
  // and a linked one's quote for its pain. A pain id is kept as the one string painsSeen holds, not one per row.
  const evidenceSeen: State['evidenceSeen'] = new Map();
  // A quote or timestamp the library holds many times (one quote logged for several deals, rows written together)
  // is kept as one string, not one per row: the index holds every quote's text for as long as it lives.
  const strings = new Map<string, string>();
  const one = (s: string): string => {
    const seen = strings.get(s);
    if (seen !== undefined) return seen;
    strings.set(s, s);
    return s;
  };
  let after: readonly [string, string] | null = null;
  for (;;) {
    let q = db.selectFrom('evidence').select(['id', 'pain_id', 'updated_at', 'quote', 'date']).where('workspace_id', '=', workspaceId);
    if (after) q = q.where(afterKeys(EVIDENCE_ORDER, after));
    const rows = await q.orderBy('date').orderBy('id').limit(BUILD_PAGE).execute();
    for (const r of rows) {
      let painId: string | null = null;
      if (r.pain_id !== null) {
        painId = painIdOf.get(r.pain_id) ?? r.pain_id;
        quotesOf.get(r.pain_id)?.push(one(r.quote), r.date);
      }
      evidenceSeen.set(r.id, { painId, updatedAt: one(r.updated_at) });
    }
    if (rows.length < BUILD_PAGE) break;
    const last = rows[rows.length - 1]!;
    after = [last.date, last.id];
  }
  // Pain by pain, as PainIndex.build adds them: a pain's quote objects are garbage as soon as it is indexed.
  const index = PainIndex.build([]);
  for (const p of pains) {
    const flat = quotesOf.get(p.id);
    if (!flat) continue;
    const quotes: PainDoc['quotes'] = [];
    for (let i = 0; i < flat.length; i += 2) quotes.push({ text: flat[i]!, date: flat[i + 1]! });
    quotesOf.delete(p.id);
    index.upsertPain({ id: p.id, statement: p.statement, synonyms: parseSynonyms(p.synonyms), quotes });
  }
  return { index, pains: m.pains, evidence: m.evidence, painsSeen, evidenceSeen };
}

/** The state brought up to date: the same object changed in place, or a new one when a rebuild was needed. */
async function refresh(db: Db, workspaceId: string, state: State | null): Promise<State> {
  if (!state) return build(db, workspaceId);
  const m = await marks(db, workspaceId);
  if (sameMark(m.pains, state.pains) && sameMark(m.evidence, state.evidence)) return state;

  const changedPains = new Set<string>();
  const painsSeen = new Map(state.painsSeen);
  if (!sameMark(m.pains, state.pains)) {
    const rows = await db.selectFrom('pains').select(['id', 'updated_at']).where('workspace_id', '=', workspaceId).where('updated_at', '>=', since(state.pains.latest)).execute();
    for (const r of rows) {
      if (painsSeen.get(r.id) === r.updated_at) continue;
      changedPains.add(r.id);
      painsSeen.set(r.id, r.updated_at);
    }
    if (painsSeen.size !== m.pains.count) return build(db, workspaceId);
  }

  const evidenceSeen = new Map(state.evidenceSeen);
  const added: Array<{ painId: string; text: string; date: string }> = [];
  if (!sameMark(m.evidence, state.evidence)) {
    const rows = await db
      .selectFrom('evidence')
      .select(['id', 'pain_id', 'quote', 'date', 'updated_at'])
      .where('workspace_id', '=', workspaceId)
      .where('updated_at', '>=', since(state.evidence.latest))
      .orderBy('updated_at')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const seen = evidenceSeen.get(r.id);
      if (seen && seen.updatedAt === r.updated_at) continue;
      if (!seen) {
        if (r.pain_id) added.push({ painId: r.pain_id, text: r.quote, date: r.date });
      } else {
        // An edited entry may have changed its words, its date or its pain: both pains are read again.
        if (seen.painId) changedPains.add(seen.painId);
        if (r.pain_id) changedPains.add(r.pain_id);
      }
      evidenceSeen.set(r.id, { painId: r.pain_id, updatedAt: r.updated_at });
    }
    if (evidenceSeen.size !== m.evidence.count) return build(db, workspaceId);
  }

  const { docs, retired } = await loadPainDocs(db, workspaceId, [...changedPains]);
  const index = state.index;
  for (const id of retired) index.removePain(id);
  for (const doc of docs) index.upsertPain(doc);
  // A pain read again above already holds its new quotes; the others get theirs added, one by one.
  for (const q of added) if (!changedPains.has(q.painId)) index.addQuote(q.painId, { text: q.text, date: q.date });
  return { index, pains: m.pains, evidence: m.evidence, painsSeen, evidenceSeen };
}

/** The workspace's pain index, up to date with what the database holds now. */
export async function painIndexFor(db: Db, workspaceId: string): Promise<PainIndex> {
  const slot = slotFor(db, workspaceId);
  const run = slot.queue.then(async () => {
    try {
      slot.state = await refresh(db, workspaceId, slot.state);
    } catch (err) {
      // A look that failed half-way may have changed the index in place: the next one starts afresh.
      slot.state = null;
      throw err;
    }
    return slot.state.index;
  });
  slot.queue = run.catch(() => undefined);
  return run;
}

/** The analysis of a text against the workspace's pains and its pain threshold. */
export async function analyzeInWorkspace(db: Db, workspaceId: string, text: string): Promise<Analysis> {
  const ws = await db.selectFrom('workspaces').select('pain_threshold').where('id', '=', workspaceId).executeTakeFirst();
  const index = await painIndexFor(db, workspaceId);
  return analyzePiece(text, index, ws?.pain_threshold ?? 60);
}
