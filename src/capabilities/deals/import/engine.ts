// The deal import engine (SPEC S7, issue 11, decision 038). validateImport reads an uploaded export once and
// records what it found (header, format, per-row errors, unmatched owners, counts); commitImport reads it again and
// writes every valid deal in ONE transaction — upserts by (workspace, external id) in multi-row chunks — so a crash
// or a refusal leaves no partial batch; then the computed KPIs are recomputed. commitImport also validates every
// row as it goes, so the CLI imports in a single pass. Both stream the file: memory does not grow with its size.
import { CompiledQuery, sql } from 'kysely';
import type { Db, Dialect, Tx } from '../../../db/database.js';
import { lockForUpdate, lockKey } from '../../../db/locks.js';
import { bumpReadVersions } from '../../../db/read-versions.js';
import type { DealImportsTable } from '../../../db/schema/deals.js';
import { AppError, conflict, databaseErrorCode, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import type { Job } from '../../../server/jobs.js';
import { marketingSourceMatcher } from '../domain/marketing-source.js';
import { dealKpisLock, dialectOf, marketingRuleOf, recomputeDealKpis } from '../recompute.js';
import { DealIds } from './deal-ids.js';
import { copyLines, CopyRows } from './copy-rows.js';
import { columnIndexes, DateOrderTracker, readDealRow, RestartWithDateOrder, type CellError, type DealRow } from './deal-row.js';
import { DEAL_FIELDS, type ColumnMapping, type DealField } from './fields.js';
import { ownerMatcher, UnmatchedOwners } from './owners.js';
import { readRows, shapeOf, UnreadableFile, type FileShape } from './read-rows.js';
import { recognizeHeaders } from './recognize.js';
import { SeenIds } from './seen-ids.js';
import { clip, parseAmount, parseDate, type DateOrder } from './values.js';

export type ImportMode = 'all_or_nothing' | 'valid_rows';

/** The import as the engine presents it (the contract between the engine, the routes and the CLI). */
export interface ImportSummary {
  id: string;
  filename: string;
  format: string | null;
  status: DealImportsTable['status'];
  bytesTotal: number | null;
  bytesDone: number;
  rowsTotal: number;
  rowsValid: number;
  rowsInvalid: number;
  rowsInserted: number;
  rowsUpdated: number;
  /** Valid rows whose deal already held exactly these values (nothing written for them). */
  rowsUnchanged: number;
  headers: string[] | null;
  mapping: ColumnMapping | null;
  unmatchedOwners: Array<{ name: string; rows: number }>;
  /** How the bytes were read, and the order slashed dates were read in (decision 038). */
  encoding: string | null;
  dateOrder: DateOrder | null;
  error: string | null;
}

export interface EngineOptions {
  /** Called as the file is read (every batch of rows); what it throws stops the import, which then writes nothing. */
  onProgress?(bytesDone: number, rowsDone: number): void;
}

/** What the sweep writes on an import a restart interrupted (nothing of it was written). */
export const STOPPED_SENTENCE = 'The import stopped before it finished (the server restarted). Run it again.';
/**
 * The one rule for an import whose process went away (decision 044): without a progress write for this long, a
 * validating or importing import has stopped (a running one writes its progress every quarter of a second on
 * PostgreSQL and while checking; a SQLite commit holds the write lock, so nothing can mark it meanwhile). An
 * upload's import (created over HTTP, by a member, its file kept) is then picked up again by the next read of it:
 * checked again, committable again. One nobody can pick up (the CLI's: no member, no stored file) is failed by the
 * sweep with STOPPED_SENTENCE. The sweep and the routes read this same constant.
 */
export const STALLED_AFTER_MS = 2 * 60_000;

/** The per-row errors kept for one import; later rows are counted, and one last line says how many more. */
export const MAX_STORED_ERRORS = 100_000;
const PROGRESS_EVERY_MS = 250;
/** Rows per upsert statement: 21 parameters each, far below SQLite's 32,766 and PostgreSQL's 65,535. */
const UPSERT_ROWS = 500;
/**
 * PostgreSQL's upsert sends one array per column, so a statement could take many more rows; 5,000 kept the rows
 * alive long enough to be promoted and raised peak RSS by ~50 MB at 200,000 rows (decision 044), so 500 it is.
 */
const PG_UPSERT_ROWS = 500;
const ERROR_ROWS = 500;

const parseJson = <T>(text: string | null, fallback: T): T => {
  if (text === null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

export function presentImportRow(row: DealImportsTable): ImportSummary {
  return {
    id: row.id,
    filename: row.filename,
    format: row.format,
    status: row.status,
    bytesTotal: row.bytes_total === null ? null : Number(row.bytes_total),
    bytesDone: Number(row.bytes_done),
    rowsTotal: row.rows_total,
    rowsValid: row.rows_valid,
    rowsInvalid: row.rows_invalid,
    rowsInserted: row.rows_inserted,
    rowsUpdated: row.rows_updated,
    rowsUnchanged: row.rows_unchanged ?? 0,
    headers: parseJson<string[] | null>(row.headers, null),
    mapping: parseJson<ColumnMapping | null>(row.mapping, null),
    unmatchedOwners: parseJson<Array<{ name: string; rows: number }>>(row.unmatched_owners, []),
    encoding: row.encoding,
    dateOrder: row.date_order,
    error: row.error,
  };
}

export interface NewImport {
  /** The id to use (the upload route names the stored file after it first); a new one otherwise. */
  id?: string;
  /** 'uploading' while the file is still to come (the CLI), 'validating' when it is stored and its check starts. */
  status?: 'uploading' | 'validating';
  workspaceId: string;
  filename: string;
  bytesTotal?: number | null;
  /** A column mapping (a preset's) for a file no vendor wrote: the import is then 'mapped'. */
  mapping?: ColumnMapping | null;
  dateFormat?: 'auto' | 'mdy' | 'dmy';
  createdBy?: string | null;
}

/** A new import, waiting for its file to be checked or committed: the CLI's, and the upload route's (in its transaction). */
export async function createImport(db: Db | Tx, input: NewImport): Promise<string> {
  const id = input.id ?? newId();
  const at = nowIso();
  const mapped = input.mapping && Object.keys(input.mapping).length > 0;
  await db
    .insertInto('deal_imports')
    .values({
      id,
      workspace_id: input.workspaceId,
      filename: input.filename,
      format: mapped ? 'mapped' : null,
      mapping: mapped ? JSON.stringify(input.mapping) : null,
      mode: null,
      status: input.status ?? 'uploading',
      bytes_total: input.bytesTotal ?? null,
      bytes_done: 0,
      rows_total: 0,
      rows_valid: 0,
      rows_invalid: 0,
      rows_inserted: 0,
      rows_updated: 0,
      error: null,
      created_by: input.createdBy ?? null,
      created_at: at,
      updated_at: at,
      finished_at: null,
      date_format: input.dateFormat ?? 'auto',
    })
    .execute();
  return id;
}

async function importRow(db: Db | Tx, importId: string): Promise<DealImportsTable> {
  const row = await db.selectFrom('deal_imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!row) throw notFound('Import');
  return row;
}

export async function importSummary(db: Db | Tx, importId: string): Promise<ImportSummary> {
  return presentImportRow(await importRow(db, importId));
}

// ---------------------------------------------------------------------------------------------------------------
// One read of the file

interface ReadCounts {
  rowsTotal: number;
  rowsValid: number;
  rowsInvalid: number;
  bytesDone: number;
}

interface FileFacts {
  shape: FileShape;
  headers: string[];
  format: string;
  mapping: ColumnMapping;
}

/** A deal ready to write, with the row it came from. */
export interface ReadyDeal extends DealRow {
  row: number;
  ownerMemberId: string | null;
  marketingSourced: boolean;
}

interface PassHooks {
  /** The file's facts, once its header is read (before any row). */
  facts(facts: FileFacts): Promise<void>;
  deals(deals: ReadyDeal[], counts: ReadCounts): Promise<void>;
  errors(errors: Array<{ row: number; column: string | null; message: string }>): Promise<void>;
  progress(counts: ReadCounts): Promise<void>;
}

type PassOutcome =
  | { kind: 'read'; facts: FileFacts; counts: ReadCounts; unmatched: UnmatchedOwners; dateOrder: DateOrder }
  | { kind: 'needs_mapping'; shape: FileShape; headers: string[]; suggestion: ColumnMapping; error: string | null };

// What Salesforce's report export adds after the data: a blank line, then "Grand Totals (n records)", a
// confidentiality notice and a copyright line, each a row of one cell.
const REPORT_LINE = /^(grand totals?\b|total\b|subtotal\b|confidential information|copyright \(c\)|generated by\b|filtered by\b)|salesforce\.com, inc/i;

/** Errors the caller's onProgress threw to stop the import (a cancel): theirs to record, never "our failure". */
const stoppedByCaller = new WeakSet<Error>();
const isCallerStop = (err: unknown): boolean => err instanceof Error && stoppedByCaller.has(err);

const GRAND_TOTALS = /^grand totals?\b/i;

/** How many cells hold something other than spaces (without copying the row). */
function filledCells(cells: readonly string[]): number {
  let filled = 0;
  for (const c of cells) if (c !== '' && c.trim() !== '') filled++;
  return filled;
}

const fieldsList = (fields: DealField[]) => fields.map((f) => DEAL_FIELDS[f].label).join(', ');

/** A header row that is really data (numbers, dates, amounts): the file has no header. */
function looksLikeData(headers: string[]): boolean {
  const filled = headers.filter((h) => h !== '');
  const values = filled.filter((h) => /^\d/.test(h) && (parseAmount(h).ok || parseDate(h, 'mdy').ok));
  return filled.length > 0 && values.length * 2 >= filled.length;
}

async function readPass(
  db: Db | Tx,
  imp: DealImportsTable,
  filePath: string,
  dateChoice: DateOrder | null,
  hooks: PassHooks,
  opts: EngineOptions,
): Promise<PassOutcome> {
  const shape = await shapeOf(filePath);
  const reader = await readRows(filePath, shape);
  const { headers } = reader;
  let mapping: ColumnMapping;
  let format: string;
  const stored = parseJson<ColumnMapping | null>(imp.mapping, null);
  if (stored && Object.keys(stored).length > 0) {
    mapping = stored;
    format = imp.format ?? 'mapped';
  } else {
    const recognised = recognizeHeaders(headers);
    if (recognised.format === null) {
      await reader.batches.return(undefined);
      if (looksLikeData(headers)) {
        throw new UnreadableFile(
          `The first line holds values (${headers.slice(0, 3).map((h) => clip(h, 20)).join(', ')}), not column names. Add a header row naming the columns (Record ID, Deal Name, Deal Stage, Amount, …) and upload the file again.`,
        );
      }
      return { kind: 'needs_mapping', shape, headers, suggestion: recognised.mapping, error: null };
    }
    mapping = recognised.mapping;
    format = recognised.format;
  }
  const { indexes, absent } = columnIndexes(headers, mapping);
  if (absent.length > 0) {
    await reader.batches.return(undefined);
    const [field, header] = absent[0]!;
    return { kind: 'needs_mapping', shape, headers, suggestion: {}, error: `This file has no column "${clip(header)}" (mapped to ${DEAL_FIELDS[field].label}); map its columns again.` };
  }
  const unmappedRequired = (Object.keys(DEAL_FIELDS) as DealField[]).filter((f) => DEAL_FIELDS[f].required && indexes[f] === undefined);
  if (unmappedRequired.length > 0) {
    await reader.batches.return(undefined);
    return { kind: 'needs_mapping', shape, headers, suggestion: mapping, error: `Choose the columns for ${fieldsList(unmappedRequired)}: they are required.` };
  }
  const facts: FileFacts = { shape, headers, format, mapping };
  await hooks.facts(facts);

  const matchOwner = await ownerMatcher(db, imp.workspace_id);
  const isMarketing = marketingSourceMatcher(await marketingRuleOf(db, imp.workspace_id));
  const unmatched = new UnmatchedOwners();
  const seen = new SeenIds();
  const dates = new DateOrderTracker(dateChoice);
  const counts: ReadCounts = { rowsTotal: 0, rowsValid: 0, rowsInvalid: 0, bytesDone: 0 };
  let deals: ReadyDeal[] = [];
  let errors: Array<{ row: number; column: string | null; message: string }> = [];
  let storedErrors = 0;
  let firstUnlisted: number | null = null;
  let afterBlank = false;
  let lastProgress = performance.now();
  const width = headers.length;

  const recordErrors = (row: number, cellErrors: CellError[]) => {
    counts.rowsInvalid++;
    for (const e of cellErrors) {
      if (storedErrors >= MAX_STORED_ERRORS) {
        firstUnlisted ??= row;
        return;
      }
      storedErrors++;
      errors.push({ row, column: e.column, message: e.message });
    }
  };

  for await (const batch of reader.batches) {
    for (const { row, cells } of batch.rows) {
      const filled = filledCells(cells);
      if (filled === 0) {
        afterBlank = true;
        continue;
      }
      const firstCell = cells[0]!.trim();
      const onlyFirst = filled === 1 && firstCell !== '';
      if ((onlyFirst && (afterBlank || REPORT_LINE.test(firstCell))) || GRAND_TOTALS.test(firstCell)) continue;
      counts.rowsTotal++;
      if (cells.length !== width && !(cells.length > width && cells.slice(width).every((c) => c.trim() === ''))) {
        recordErrors(row, [
          {
            column: null,
            message: `This row has ${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${width}; a value with a comma or a line break may be missing its quotes.`,
          },
        ]);
        continue;
      }
      const { deal, errors: cellErrors } = readDealRow(cells, headers, indexes, dates);
      if (!deal) {
        recordErrors(row, cellErrors);
        continue;
      }
      if (!seen.add(deal.externalId)) {
        recordErrors(row, [{ column: headers[indexes.externalId!] ?? null, message: `The record ID ${clip(deal.externalId)} is on an earlier row of this file too; each deal must appear once.` }]);
        continue;
      }
      const ownerMemberId = matchOwner(deal.owner, deal.ownerEmail);
      if (ownerMemberId === null && deal.owner !== null) unmatched.add(deal.owner);
      counts.rowsValid++;
      const ready = deal as ReadyDeal;
      ready.row = row;
      ready.ownerMemberId = ownerMemberId;
      ready.marketingSourced = isMarketing(deal.source);
      deals.push(ready);
      if (deals.length >= UPSERT_ROWS) {
        await hooks.deals(deals, counts);
        deals = [];
      }
    }
    if (errors.length >= ERROR_ROWS) {
      await hooks.errors(errors);
      errors = [];
    }
    counts.bytesDone = batch.bytesDone;
    try {
      opts.onProgress?.(batch.bytesDone, counts.rowsTotal);
    } catch (err) {
      if (err instanceof Error) stoppedByCaller.add(err);
      throw err;
    }
    if (performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = performance.now();
      await hooks.progress(counts);
    }
  }
  if (deals.length > 0) await hooks.deals(deals, counts);
  if (firstUnlisted !== null) {
    errors.push({
      row: firstUnlisted,
      column: null,
      message: `This row and later ones have errors too (${counts.rowsInvalid.toLocaleString('en-US')} rows in all); the report lists the first ${MAX_STORED_ERRORS.toLocaleString('en-US')}. Fix those and check the file again.`,
    });
  }
  if (errors.length > 0) await hooks.errors(errors);
  counts.bytesDone = shape.bytes;
  return { kind: 'read', facts, counts, unmatched, dateOrder: dates.order };
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

async function insertErrors(db: Db | Tx, imp: DealImportsTable, errors: Array<{ row: number; column: string | null; message: string }>): Promise<void> {
  for (let i = 0; i < errors.length; i += ERROR_ROWS) {
    const part = errors.slice(i, i + ERROR_ROWS);
    await db
      .insertInto('deal_import_errors')
      .values(part.map((e) => ({ id: newId(), workspace_id: imp.workspace_id, import_id: imp.id, row_number: e.row, column_name: e.column, message: e.message })))
      .execute();
  }
}

const DEAL_COLUMNS = [
  'id',
  'workspace_id',
  'external_id',
  'origin',
  'name',
  'stage',
  'status',
  'amount',
  'currency',
  'close_date',
  'created_date',
  'owner_name',
  'owner_member_id',
  'pipeline',
  'source',
  'marketing_sourced',
  'win_reason',
  'loss_reason',
  'last_import_id',
  'created_at',
  'updated_at',
] as const;
/** What a re-import compares: a deal whose values are all the same is left alone (and counted unchanged). */
const COMPARED = DEAL_COLUMNS.filter((c) => !['id', 'workspace_id', 'external_id', 'last_import_id', 'created_at', 'updated_at'].includes(c));
const UPDATED = [...COMPARED, 'last_import_id', 'updated_at'];

const upsertSql = new Map<string, string>();

/**
 * SQLite's upsert of `rows` deals as one multi-row VALUES, built once per size (the statement stays prepared by its
 * text). A first load writes through it too: a plain insert without ON CONFLICT and RETURNING was measured no faster
 * (200,000 rows: 2.8–3.3 s against 2.6–3.0 s, decision 060) — SQLite probes the unique index either way.
 */
function upsertStatement(rows: number): string {
  const key = `sqlite:${rows}`;
  let text = upsertSql.get(key);
  if (text) return text;
  const values = Array.from({ length: rows }, () => `(${DEAL_COLUMNS.map(() => '?').join(', ')})`).join(', ');
  text =
    `insert into deals (${DEAL_COLUMNS.join(', ')}) values ${values} ` +
    `on conflict (workspace_id, external_id) do update set ${UPDATED.map((c) => `${c} = excluded.${c}`).join(', ')} ` +
    `where ${COMPARED.map((c) => `deals.${c} is not excluded.${c}`).join(' or ')} returning id`;
  upsertSql.set(key, text);
  return text;
}

/** PostgreSQL's first load (decision 060): every deal of the file by one COPY, its columns in DEAL_COLUMNS' order. */
const PG_COPY = `copy deals (${DEAL_COLUMNS.join(', ')}) from stdin`;

/** One deal's values in DEAL_COLUMNS' order, under a new id: SQLite's upsert and PostgreSQL's COPY write these. */
function dealValues(imp: { id: string | null; workspace_id: string }, origin: string, id: string, d: ReadyDeal, now: string): Array<string | number | null> {
  return [
    id,
    imp.workspace_id,
    d.externalId,
    origin,
    d.name,
    d.stage,
    d.status,
    d.amount,
    d.currency,
    d.closeDate,
    d.createdDate,
    d.owner,
    d.ownerMemberId,
    d.pipeline,
    d.source,
    d.marketingSourced ? 1 : 0,
    d.winReason,
    d.lossReason,
    imp.id,
    now,
    now,
  ];
}

/** The deals as COPY text rows, each with a new id. */
function copyDealLines(imp: { id: string | null; workspace_id: string }, origin: string, ids: DealIds, deals: ReadyDeal[]): string {
  const now = nowIso();
  return copyLines(deals.map((d) => dealValues(imp, origin, ids.next(), d, now)));
}

interface WriteCounts {
  inserted: number;
  updated: number;
}

/** The per-deal columns of PostgreSQL's upsert, each sent as one array, with their element types. */
const PG_ARRAYS: ReadonlyArray<[(typeof DEAL_COLUMNS)[number], string]> = [
  ['id', 'text'],
  ['external_id', 'text'],
  ['name', 'text'],
  ['stage', 'text'],
  ['status', 'text'],
  ['amount', 'bigint'],
  ['currency', 'text'],
  ['close_date', 'text'],
  ['created_date', 'text'],
  ['owner_name', 'text'],
  ['owner_member_id', 'text'],
  ['pipeline', 'text'],
  ['source', 'text'],
  ['marketing_sourced', 'integer'],
  ['win_reason', 'text'],
  ['loss_reason', 'text'],
];

/**
 * PostgreSQL's upsert of any number of deals in one short statement: each column as one array parameter, unnested
 * (the workspace, origin, import and time once each). A 10,000-parameter VALUES list cost more to send and parse
 * than to run.
 */
const PG_UPSERT = (() => {
  const constants: Record<string, string> = { workspace_id: '$17', origin: '$18', last_import_id: '$19', created_at: '$20', updated_at: '$20' };
  const select = DEAL_COLUMNS.map((c) => constants[c] ?? `u.${c}`).join(', ');
  const unnest = PG_ARRAYS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const insert = `insert into deals (${DEAL_COLUMNS.join(', ')}) select ${select} from unnest(${unnest}) as u(${PG_ARRAYS.map(([c]) => c).join(', ')})`;
  return (
    `${insert} on conflict (workspace_id, external_id) do update set ${UPDATED.map((c) => `${c} = excluded.${c}`).join(', ')} ` +
    `where (${COMPARED.map((c) => `deals.${c}`).join(', ')}) is distinct from (${COMPARED.map((c) => `excluded.${c}`).join(', ')}) returning id`
  );
})();

function pgUpsertParams(imp: { id: string | null; workspace_id: string }, origin: string, ids: DealIds, deals: ReadyDeal[], fresh: Set<string>, now: string): unknown[] {
  const columns: unknown[][] = PG_ARRAYS.map(() => new Array(deals.length));
  deals.forEach((d, i) => {
    const id = ids.next();
    fresh.add(id);
    const values = [id, d.externalId, d.name, d.stage, d.status, d.amount, d.currency, d.closeDate, d.createdDate, d.owner, d.ownerMemberId, d.pipeline, d.source, d.marketingSourced ? 1 : 0, d.winReason, d.lossReason];
    for (let c = 0; c < values.length; c++) columns[c]![i] = values[c];
  });
  return [...columns, imp.workspace_id, origin, imp.id, now];
}

async function upsertDeals(
  tx: Tx,
  dialect: Dialect,
  imp: { id: string | null; workspace_id: string },
  origin: string,
  ids: DealIds,
  deals: ReadyDeal[],
  counts: WriteCounts,
): Promise<void> {
  const now = nowIso();
  if (dialect === 'postgres') {
    const fresh = new Set<string>();
    const params = pgUpsertParams(imp, origin, ids, deals, fresh, now);
    const result = await tx.executeQuery<{ id: string }>(CompiledQuery.raw(PG_UPSERT, params));
    for (const r of result.rows) {
      if (fresh.has(r.id)) counts.inserted++;
      else counts.updated++;
    }
    return;
  }
  const params: unknown[] = new Array(deals.length * DEAL_COLUMNS.length);
  const fresh = new Set<string>();
  let k = 0;
  for (const d of deals) {
    const id = ids.next();
    fresh.add(id);
    for (const v of dealValues(imp, origin, id, d, now)) params[k++] = v;
  }
  const result = await tx.executeQuery<{ id: string }>(CompiledQuery.raw(upsertStatement(deals.length), params));
  for (const r of result.rows) {
    if (fresh.has(r.id)) counts.inserted++;
    else counts.updated++;
  }
}

/** An export row is about this many bytes (a HubSpot export with a dozen columns): the file's size estimates its rows. */
const BYTES_PER_ROW = 130;
/** From this many rows, a load that is large beside the table writes its deals without the secondary indexes. */
const BULK_ROWS = 50_000;

/**
 * A bulk load (decision 038): on SQLite, when the file's rows are many and at least a quarter of the deals already
 * stored, the deals table's secondary indexes are dropped in this transaction and built again before it commits —
 * one sort per index instead of a million scattered inserts into each (a 300,000-row first import: 80 s → 15 s).
 * It is all one transaction: a crash or a refusal leaves the indexes as they were, and other connections keep
 * reading the committed table, indexes and all, until it commits. On PostgreSQL dropping an index locks the table
 * against every reader until the commit, so only a first load (one that at least triples the table) does it.
 * Returns the statements that build them again.
 */
async function setAsideIndexes(tx: Tx, dialect: Dialect, bytes: number): Promise<string[]> {
  const rows = bytes / BYTES_PER_ROW;
  if (rows < BULK_ROWS) return [];
  const { n } = await tx.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // SQLite: a quarter of the table is enough. PostgreSQL: the load must at least triple the table — a first load —
  // since its readers of deals wait while the indexes are away.
  if (dialect === 'sqlite' ? rows * 4 < Number(n) : rows < Number(n) * 2) return [];
  const indexes =
    dialect === 'sqlite'
      ? await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'index' and tbl_name = 'deals' and sql is not null`.execute(tx)
      : await sql<{ name: string; sql: string }>`
          select i.relname as name, pg_get_indexdef(i.oid) as sql from pg_index x
          join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
          where t.oid = to_regclass('deals') and not x.indisprimary and not x.indisunique
            and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`.execute(tx);
  for (const index of indexes.rows) await tx.executeQuery(CompiledQuery.raw(`drop index "${index.name.replace(/"/g, '""')}"`));
  return indexes.rows.map((i) => i.sql);
}

// ---------------------------------------------------------------------------------------------------------------
// validate

const VALIDATE_FROM: ReadonlyArray<DealImportsTable['status']> = ['uploading', 'validating', 'needs_mapping', 'validated', 'failed', 'cancelled'];
const COMMIT_FROM: ReadonlyArray<DealImportsTable['status']> = ['uploading', 'validating', 'validated', 'importing', 'failed', 'cancelled'];

function refuseState(imp: DealImportsTable, doing: 'check' | 'import'): AppError {
  if (imp.status === 'done') return conflict('This import is done already. To import the file again, upload it again: deals already imported are updated, not doubled.');
  if (imp.status === 'importing') return conflict('This import is being written right now; wait for it to finish.');
  if (imp.status === 'needs_mapping') return conflict(`Map the file's columns first: Lockstep did not recognise its header, so it cannot ${doing} its rows yet.`);
  return conflict(`This import cannot be ${doing === 'check' ? 'checked' : 'imported'} now (it is ${imp.status.replace('_', ' ')}).`);
}

/** An error the person's file caused, as the sentence the import fails with; null for anything else (a bug). */
function fileFailure(err: unknown): string | null {
  if (err instanceof UnreadableFile) return err.message;
  const code = (err as { code?: unknown }).code;
  if (code === 'ENOENT') return 'The uploaded file is gone (it was removed or the server lost it), so nothing was imported. Upload it again.';
  return null;
}

const OUR_FAILURE = 'The import stopped because of an error on our side (it has been logged); nothing was written. Run it again; if it fails again, tell us.';

async function markFailed(db: Db, importId: string, message: string): Promise<void> {
  const at = nowIso();
  await db.updateTable('deal_imports').set({ status: 'failed', error: message, updated_at: at, finished_at: at }).where('id', '=', importId).where('status', '<>', 'done').execute();
}

const factsColumns = (facts: FileFacts) => ({
  headers: JSON.stringify(facts.headers),
  format: facts.format,
  mapping: JSON.stringify(facts.mapping),
  encoding: facts.shape.encoding,
  delimiter: facts.shape.delimiter,
  bytes_total: facts.shape.bytes,
});

const needsMappingColumns = (o: Extract<PassOutcome, { kind: 'needs_mapping' }>) => ({
  status: 'needs_mapping' as const,
  headers: JSON.stringify(o.headers),
  encoding: o.shape.encoding,
  delimiter: o.shape.delimiter,
  bytes_total: o.shape.bytes,
  bytes_done: o.shape.bytes,
  // The suggestion is what the mapping step starts from; the format stays unknown until a person maps.
  mapping: JSON.stringify(o.suggestion),
  format: null,
  error: o.error,
  rows_total: 0,
  rows_valid: 0,
  rows_invalid: 0,
  updated_at: nowIso(),
});

const chosenOrder = (imp: DealImportsTable): DateOrder | null => (imp.date_format === 'mdy' || imp.date_format === 'dmy' ? imp.date_format : null);

/**
 * Reads the file once and records what it found: status 'validated' with the counts, the per-row errors and the
 * unmatched owners; 'needs_mapping' with the headers when the header is not a vendor's and no mapping was given;
 * 'failed' with a sentence when the file cannot be read. Nothing is written to the deals.
 */
export async function validateImport(db: Db, importId: string, filePath: string, opts: EngineOptions = {}): Promise<ImportSummary> {
  const imp = await importRow(db, importId);
  if (!VALIDATE_FROM.includes(imp.status)) throw refuseState(imp, 'check');
  const claimed = await db
    .updateTable('deal_imports')
    .set({ status: 'validating', error: null, bytes_done: 0, rows_total: 0, rows_valid: 0, rows_invalid: 0, rows_inserted: 0, rows_updated: 0, rows_unchanged: 0, updated_at: nowIso() })
    .where('id', '=', importId)
    .where('status', 'in', [...VALIDATE_FROM])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw refuseState(await importRow(db, importId), 'check');
  try {
    return await untilDatesSettle(chosenOrder(imp), async (order) => {
      await db.deleteFrom('deal_import_errors').where('import_id', '=', importId).execute();
      const outcome = await readPass(db, imp, filePath, order, {
        facts: async (facts) => {
          await db.updateTable('deal_imports').set({ ...factsColumns(facts), updated_at: nowIso() }).where('id', '=', importId).execute();
        },
        deals: async () => {},
        errors: (errors) => insertErrors(db, imp, errors),
        progress: async (c) => {
          await db.updateTable('deal_imports').set({ bytes_done: c.bytesDone, rows_total: c.rowsTotal, rows_valid: c.rowsValid, rows_invalid: c.rowsInvalid, updated_at: nowIso() }).where('id', '=', importId).execute();
        },
      }, opts);
      if (outcome.kind === 'needs_mapping') {
        await db.updateTable('deal_imports').set(needsMappingColumns(outcome)).where('id', '=', importId).execute();
      } else {
        await db
          .updateTable('deal_imports')
          .set({
            status: 'validated',
            bytes_done: outcome.counts.bytesDone,
            rows_total: outcome.counts.rowsTotal,
            rows_valid: outcome.counts.rowsValid,
            rows_invalid: outcome.counts.rowsInvalid,
            unmatched_owners: JSON.stringify(outcome.unmatched.list()),
            date_order: outcome.dateOrder,
            updated_at: nowIso(),
          })
          .where('id', '=', importId)
          .execute();
      }
      return importSummary(db, importId);
    });
  } catch (err) {
    return endAfterFailure(db, importId, 'validating', err);
  }
}

/** Runs a pass, and again in the order a RestartWithDateOrder names (at most once more: the order is then chosen). */
async function untilDatesSettle<T>(order: DateOrder | null, pass: (order: DateOrder | null) => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await pass(order);
    } catch (err) {
      if (!(err instanceof RestartWithDateOrder)) throw err;
      order = err.order;
    }
  }
}

/**
 * How an import ends when its pass threw: a problem with the file fails it with its sentence (and is answered, not
 * thrown); an AppError fails it with its message; a stop the caller asked for (through onProgress) cancels it;
 * anything else is ours. All but the first are thrown on.
 */
async function endAfterFailure(db: Db, importId: string, active: 'validating' | 'importing', err: unknown): Promise<ImportSummary> {
  const sentence = fileFailure(err);
  if (sentence !== null) {
    await markFailed(db, importId, sentence);
    return importSummary(db, importId);
  }
  if (err instanceof AppError) await markFailed(db, importId, err.message);
  else if (isCallerStop(err)) await db.updateTable('deal_imports').set({ status: 'cancelled', updated_at: nowIso() }).where('id', '=', importId).where('status', '=', active).execute();
  else await markFailed(db, importId, OUR_FAILURE).catch(() => undefined);
  throw err;
}

// ---------------------------------------------------------------------------------------------------------------
// commit

/** Every import of a workspace writes its deals one at a time, and not while the marketing rule changes. */
const importLock = (workspaceId: string) => lockKey('deals-import', workspaceId);

/**
 * Writes every valid row of the file in one transaction, then recomputes the workspace's computed KPIs. Validates
 * each row again as it goes (so it needs no earlier validateImport, and a file changed since is read as it is now).
 * 'all_or_nothing' with any invalid row writes no deal, keeps the error report, leaves the import 'validated' and
 * throws a 409 saying so; 'valid_rows' writes the valid ones. Upserts by (workspace, external id): a deal that
 * already holds the row's values is left alone and counted unchanged.
 */
export async function commitImport(db: Db, importId: string, filePath: string, mode: ImportMode, opts: EngineOptions = {}): Promise<ImportSummary> {
  const imp = await importRow(db, importId);
  if (!COMMIT_FROM.includes(imp.status)) throw refuseState(imp, 'import');
  if (mode === 'all_or_nothing' && imp.status === 'validated' && imp.rows_invalid > 0) throw refusal(imp.rows_invalid, imp.rows_valid);
  const claimed = await db
    .updateTable('deal_imports')
    .set({ status: 'importing', mode, error: null, updated_at: nowIso() })
    .where('id', '=', importId)
    .where('status', 'in', [...COMMIT_FROM])
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw refuseState(await importRow(db, importId), 'import');
  const dialect = dialectOf(db);
  let result: { refused: boolean; rowsInvalid: number; rowsValid: number } | { needsMapping: true };
  try {
    result = await untilDatesSettle(chosenOrder(imp) ?? imp.date_order, (order) => db.transaction().execute((tx) => commitPass(db, tx, dialect, imp, filePath, mode, order, opts)));
  } catch (err) {
    return endAfterFailure(db, importId, 'importing', err);
  }
  if ('needsMapping' in result) return importSummary(db, importId);
  if (result.refused) throw refusal(result.rowsInvalid, result.rowsValid);
  await recomputeDealKpis(db, imp.workspace_id);
  await bumpReadVersions(db, [imp.workspace_id]);
  return importSummary(db, importId);
}

function refusal(invalid: number, valid: number): AppError {
  const n = (x: number) => x.toLocaleString('en-US');
  return new AppError(
    'conflict',
    `${n(invalid)} row${invalid === 1 ? ' has' : 's have'} errors, so nothing was imported (all or nothing). Fix ${invalid === 1 ? 'it' : 'them'} and import the file again, or import the ${n(valid)} valid row${valid === 1 ? '' : 's'} only.`,
    { rowsInvalid: invalid, rowsValid: valid },
  );
}

async function commitPass(
  db: Db,
  tx: Tx,
  dialect: Dialect,
  imp: DealImportsTable,
  filePath: string,
  mode: ImportMode,
  order: DateOrder | null,
  opts: EngineOptions,
): Promise<{ refused: boolean; rowsInvalid: number; rowsValid: number } | { needsMapping: true }> {
  await lockForUpdate(tx, dialect, dealKpisLock(imp.workspace_id), importLock(imp.workspace_id));
  const now = await tx.selectFrom('deal_imports').select(['status']).where('id', '=', imp.id).executeTakeFirstOrThrow();
  if (now.status !== 'importing') throw refuseState({ ...imp, status: now.status }, 'import');
  await tx.deleteFrom('deal_import_errors').where('import_id', '=', imp.id).execute();
  // No deal of the workspace yet (and none can come while this holds its lock): a first load only inserts — on
  // PostgreSQL by one COPY (decision 060); on SQLite the upsert costs no more than a plain insert would.
  const firstLoad = (await tx.selectFrom('deals').select('id').where('workspace_id', '=', imp.workspace_id).limit(1).executeTakeFirst()) === undefined;
  const ids = new DealIds();
  const written: WriteCounts = { inserted: 0, updated: 0 };
  // all_or_nothing: the deals are written inside a savepoint; the first invalid row rolls them back and no more
  // are written, while the pass goes on for the error report (written after the rollback, so it is kept).
  const guarded = mode === 'all_or_nothing';
  let writing = true;
  let origin = 'mapped';
  let rebuild: string[] = [];
  let inFlight: Promise<void> | null = null;
  // A first load on PostgreSQL sends its deals by COPY (decision 060), which holds the connection until it ends.
  const copy = dialect === 'postgres' && firstLoad ? new CopyRows(tx, PG_COPY) : null;
  /** Waits for every write sent to be done and the connection to be free for another statement. */
  const settle = async () => {
    const running = inFlight;
    inFlight = null;
    await running;
    await copy?.end();
  };
  // Deals read and not yet sent, up to one statement's worth.
  const chunkRows = dialect === 'postgres' ? PG_UPSERT_ROWS : UPSERT_ROWS;
  let pending: ReadyDeal[] = [];
  const write = async () => {
    const chunk = pending;
    pending = [];
    if (copy) {
      if (chunk.length === 0 || !writing) return;
      await copy.write(copyDealLines(imp, origin, ids, chunk));
      written.inserted += chunk.length;
      return;
    }
    await settle();
    if (chunk.length === 0 || !writing) return;
    // The chunk is written while the next one is read: one statement in flight (on PostgreSQL the database
    // works while this process parses; better-sqlite3 runs it at once).
    inFlight = upsertDeals(tx, dialect, imp, origin, ids, chunk, written);
    inFlight.catch(() => undefined);
  };
  const stopWriting = async () => {
    pending = [];
    if (!writing) return;
    writing = false;
    if (guarded) await sql`rollback to savepoint deals_batch`.execute(tx);
    written.inserted = written.updated = 0;
  };
  let outcome: PassOutcome;
  try {
    outcome = await readPass(
      tx,
      imp,
      filePath,
      order,
      {
        facts: async (facts) => {
          origin = facts.format === 'hubspot' || facts.format === 'salesforce' ? facts.format : 'mapped';
          // On PostgreSQL the import row is written only on another connection until the end: a lock this
          // transaction took on it would make the progress writes below wait for the commit, which waits for them.
          await (dialect === 'postgres' ? db : tx).updateTable('deal_imports').set(factsColumns(facts)).where('id', '=', imp.id).execute();
          rebuild = await setAsideIndexes(tx, dialect, facts.shape.bytes);
          if (guarded) await sql`savepoint deals_batch`.execute(tx);
        },
        deals: async (deals, counts) => {
          if (guarded && counts.rowsInvalid > 0) {
            await settle();
            await stopWriting();
          }
          if (!writing) return;
          for (const d of deals) pending.push(d);
          if (pending.length >= chunkRows) await write();
        },
        errors: async (errors) => {
          await settle();
          if (guarded) await stopWriting();
          await insertErrors(tx, imp, errors);
        },
        progress: async (c) => {
          // On PostgreSQL the progress goes out on another connection, so others see it move (and the sweep sees
          // the import alive); SQLite has one writer, and this transaction is it.
          if (dialect === 'postgres') {
            await db.updateTable('deal_imports').set({ bytes_done: c.bytesDone, rows_total: c.rowsTotal, updated_at: nowIso() }).where('id', '=', imp.id).execute();
          }
        },
      },
      opts,
    );
    if (outcome.kind === 'read' && !(guarded && outcome.counts.rowsInvalid > 0)) await write();
    await settle();
  } catch (err) {
    // A COPY still open would keep the rollback waiting behind it.
    await copy?.abort();
    throw err;
  }
  if (outcome.kind === 'needs_mapping') {
    await tx.updateTable('deal_imports').set(needsMappingColumns(outcome)).where('id', '=', imp.id).execute();
    return { needsMapping: true };
  }
  const { counts } = outcome;
  const refused = guarded && counts.rowsInvalid > 0;
  if (refused) await stopWriting();
  if (guarded) await sql`release savepoint deals_batch`.execute(tx);
  for (const ddl of rebuild) {
    // Each index is a second or so of a million rows: the progress write before it keeps the import alive to others.
    if (dialect === 'postgres') await db.updateTable('deal_imports').set({ updated_at: nowIso() }).where('id', '=', imp.id).execute();
    await tx.executeQuery(CompiledQuery.raw(ddl));
  }
  const at = nowIso();
  const inserted = refused ? 0 : written.inserted;
  const updated = refused ? 0 : written.updated;
  const done = await tx
    .updateTable('deal_imports')
    .set({
      status: refused ? 'validated' : 'done',
      bytes_done: counts.bytesDone,
      rows_total: counts.rowsTotal,
      rows_valid: counts.rowsValid,
      rows_invalid: counts.rowsInvalid,
      rows_inserted: inserted,
      rows_updated: updated,
      rows_unchanged: refused ? 0 : counts.rowsValid - inserted - updated,
      unmatched_owners: JSON.stringify(outcome.unmatched.list()),
      date_order: outcome.dateOrder,
      updated_at: at,
      finished_at: refused ? null : at,
    })
    .where('id', '=', imp.id)
    .where('status', '=', 'importing')
    .executeTakeFirst();
  // The sweep gave up on this import while it waited for the lock: say so rather than write behind its back.
  if (Number(done.numUpdatedRows) !== 1) throw conflict('This import was stopped while it waited its turn; run it again.');
  return { refused, rowsInvalid: counts.rowsInvalid, rowsValid: counts.rowsValid };
}

// ---------------------------------------------------------------------------------------------------------------
// The sweep for imports a restart interrupted

/**
 * Marks imports left validating or importing with no progress for STALLED_AFTER_MS as failed, with a sentence —
 * those no read can pick up again (no member created them over HTTP: the CLI's); an upload's is left to the routes,
 * which check it again. A commit still running holds the write: on PostgreSQL it keeps writing its progress (so it
 * is not stale); on SQLite its transaction holds the one write lock, so this update waits and then finds it done
 * (or, from another process, gives up busy and tries again next time).
 */
export async function failStalledImports(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALLED_AFTER_MS).toISOString();
  try {
    const r = await db
      .updateTable('deal_imports')
      .set({ status: 'failed', error: STOPPED_SENTENCE, updated_at: now.toISOString(), finished_at: now.toISOString() })
      .where('status', 'in', ['validating', 'importing'])
      .where('updated_at', '<', cutoff)
      .where('created_by', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  } catch (err) {
    if (databaseErrorCode(err)?.code.startsWith('SQLITE_BUSY')) return 0;
    throw err;
  }
}

export const dealImportSweep: Job = {
  name: 'deals.import-sweep',
  period: 'minute',
  async run({ db, now }) {
    await failStalledImports(db.kysely, now);
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Deals sent by a program (POST /hooks/deals)

/** One deal as a program sends it: the import's fields by name, each a string as an export cell would hold it. */
export type SentDeal = Partial<Record<DealField, string | number | boolean | null>>;

export interface SentDealsResult {
  received: number;
  valid: number;
  invalid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  unmatchedOwners: Array<{ name: string; rows: number }>;
  /** Each bad deal: its position in the call (from 1), the field and a sentence. */
  errors: Array<{ row: number; column: string | null; message: string }>;
}

const SENT_HEADERS: readonly DealField[] = Object.keys(DEAL_FIELDS) as DealField[];
const SENT_INDEXES = Object.fromEntries(SENT_HEADERS.map((f, i) => [f, i])) as Partial<Record<DealField, number>>;

/**
 * Checks each sent deal exactly as an import row is checked (the same parsers and rules: readDealRow, dates month
 * first when slashed, ISO preferred) and writes the valid ones in one transaction with the import's upsert, by
 * external id — so a deal updated in the CRM and sent again updates in place. all_or_nothing writes nothing when any
 * deal is bad. beforeWrite runs first in the transaction (the caller records the webhook's signature there). Then
 * the computed KPIs are recomputed. Nothing here is tied to an import: last_import_id is left as it was.
 */
export async function writeSentDeals(db: Db, workspaceId: string, sent: readonly SentDeal[], mode: ImportMode, beforeWrite?: (tx: Tx) => Promise<void>): Promise<SentDealsResult> {
  const dates = new DateOrderTracker('mdy');
  const seen = new SeenIds();
  const errors: SentDealsResult['errors'] = [];
  const checked: Array<DealRow & { row: number }> = [];
  sent.forEach((d, i) => {
    const cells = SENT_HEADERS.map((f) => {
      const v = d[f];
      return v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
    });
    const { deal, errors: cellErrors } = readDealRow(cells, SENT_HEADERS, SENT_INDEXES, dates);
    if (!deal) {
      for (const e of cellErrors) errors.push({ row: i + 1, column: e.column, message: e.message });
      return;
    }
    if (!seen.add(deal.externalId)) {
      errors.push({ row: i + 1, column: 'externalId', message: `The record ID ${clip(deal.externalId)} is on an earlier deal of this call too; send each deal once.` });
      return;
    }
    checked.push({ ...deal, row: i + 1 });
  });
  const invalid = new Set(errors.map((e) => e.row)).size;
  const result: SentDealsResult = { received: sent.length, valid: checked.length, invalid, inserted: 0, updated: 0, unchanged: 0, unmatchedOwners: [], errors };
  if (mode === 'all_or_nothing' && invalid > 0) return result;
  const dialect = dialectOf(db);
  const written: WriteCounts = { inserted: 0, updated: 0 };
  await db.transaction().execute(async (tx) => {
    await lockForUpdate(tx, dialect, dealKpisLock(workspaceId));
    await beforeWrite?.(tx);
    if (checked.length === 0) return;
    const matchOwner = await ownerMatcher(tx, workspaceId);
    const isMarketing = marketingSourceMatcher(await marketingRuleOf(tx, workspaceId));
    const unmatched = new UnmatchedOwners();
    const ready: ReadyDeal[] = checked.map((d) => {
      const ownerMemberId = matchOwner(d.owner, d.ownerEmail);
      if (ownerMemberId === null && d.owner !== null) unmatched.add(d.owner);
      return { ...d, ownerMemberId, marketingSourced: isMarketing(d.source) };
    });
    const ids = new DealIds();
    for (let at = 0; at < ready.length; at += UPSERT_ROWS) await upsertDeals(tx, dialect, { id: null, workspace_id: workspaceId }, 'webhook', ids, ready.slice(at, at + UPSERT_ROWS), written);
    result.unmatchedOwners = unmatched.list();
  });
  result.inserted = written.inserted;
  result.updated = written.updated;
  result.unchanged = checked.length - written.inserted - written.updated;
  if (checked.length > 0) {
    await recomputeDealKpis(db, workspaceId);
    await bumpReadVersions(db, [workspaceId]);
  }
  return result;
}
