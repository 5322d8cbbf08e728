// Evidence from a CSV (issue 12): a rep's or a sales lead's log of calls kept in a sheet, streamed through csv-parse
// row by row (never held whole), every row checked by the same rules as the form, each bad row answered by number,
// column and sentence. All or nothing (the default), or only the valid rows, as the person chooses; a dry run checks
// without writing. Pains are named by id or by their exact statement; a deal by its CRM id (linked when imported); the piece that
// helped by a published piece's id or exact title.
import { Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import { z } from 'zod';
import type { Tx } from '../../../db/database.js';
import { insertInChunks } from '../../../db/insert-in-chunks.js';
import { lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import type { Actor } from '../../../server/auth.js';
import type { Database } from '../../../db/database.js';
import { csvTextChunks } from '../../../server/csv-upload.js';
import { AppError } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import type { Outcome } from './domain.js';
import { EVIDENCE_LIMITS } from './limits.js';
import { NOT_CITABLE, painsLock, workspaceToday } from './store.js';

export const EVIDENCE_CSV_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_CSV_MAX_ROWS = 5_000;
const ERRORS_LISTED = 200;
const EARLIEST = '2000-01-01';

export const EvidenceImportQuery = z.strictObject({
  mode: z.enum(['all_or_nothing', 'valid_rows']).default('all_or_nothing').describe('all_or_nothing writes nothing when a row is bad (400 with the rows); valid_rows: the good rows are written and the bad ones listed'),
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check every row and answer without writing'),
});

const RowError = z.object({ row: z.number().int().describe('As a spreadsheet numbers it: the header is row 1'), column: z.string(), message: z.string() });
export const EvidenceImportView = z.object({
  mode: z.enum(['all_or_nothing', 'valid_rows']),
  dryRun: z.boolean(),
  rows: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  logged: z.number().int().describe('Entries written (0 on a dry run)'),
  errors: z.array(RowError).describe(`The first ${ERRORS_LISTED} problems`),
});
type ImportView = z.infer<typeof EvidenceImportView>;
type RowProblem = z.infer<typeof RowError>;

type Column = 'date' | 'account' | 'quote' | 'outcome' | 'amount' | 'deal' | 'pain' | 'piece' | 'notes';
/** The header names a sheet may use, lower-cased, spaces and underscores alike. */
const HEADERS: Record<string, Column> = {
  date: 'date',
  day: 'date',
  account: 'account',
  company: 'account',
  quote: 'quote',
  'buyer quote': 'quote',
  'what the buyer said': 'quote',
  words: 'quote',
  outcome: 'outcome',
  status: 'outcome',
  amount: 'amount',
  'deal amount': 'amount',
  deal: 'deal',
  'deal id': 'deal',
  'crm id': 'deal',
  'external id': 'deal',
  pain: 'pain',
  'pain id': 'pain',
  'pain statement': 'pain',
  piece: 'piece',
  'piece id': 'piece',
  'piece title': 'piece',
  'piece that helped': 'piece',
  notes: 'notes',
  note: 'notes',
};

interface WrittenRow {
  row: number;
  cells: Partial<Record<Column, string>>;
  spilled: boolean;
}

const EMPTY = 'The file is empty. It needs a header row (date, account, quote; optionally outcome, amount, deal, pain, piece, notes) and a row for each entry.';
const tooLarge = () => new AppError('payload_too_large', `The file is larger than ${EVIDENCE_CSV_MAX_BYTES / 1024 / 1024} MB; split it into smaller files.`);

/** Reads the stream into rows: a header naming the columns, then one row per entry. */
export async function readEvidenceCsv(stream: AsyncIterable<Buffer | string>): Promise<WrittenRow[]> {
  // The delimiter is the header line's: whichever of , ; and tab it has most of outside quotes (a European sheet
  // saves with semicolons), so a semicolon inside a comma file's quote stays text. The first chunks are read for it.
  const bytes = csvTextChunks(stream, EVIDENCE_CSV_MAX_BYTES, tooLarge);
  const head: Buffer[] = [];
  let headText = '';
  while (!headText.includes('\n') && headText.length < 64 * 1024) {
    const next = await bytes.next();
    if (next.done) break;
    head.push(next.value);
    headText = Buffer.concat(head).toString('utf8');
  }
  const firstLine = (headText.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '').replace(/"[^"]*"/g, '');
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const parser = parseCsv({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, max_record_size: 64 * 1024 });
  const source = Readable.from(
    (async function* () {
      yield* head;
      yield* bytes;
    })(),
  );
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  const rows: WrittenRow[] = [];
  let header: Array<Column | null> | null = null;
  let rowNumber = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => {
          const name = h.trim().toLowerCase().replace(/[_\s]+/g, ' ');
          // Own keys only: a column named "constructor" is not a column of ours.
          return Object.hasOwn(HEADERS, name) ? HEADERS[name]! : null;
        });
        const missing = (['date', 'account', 'quote'] as const).filter((c) => !header!.includes(c));
        if (missing.length > 0) {
          const had = record.slice(0, 8).map((h) => `"${h.slice(0, 30)}"`).join(', ');
          throw new AppError('bad_request', `The header row needs the columns date, account and quote (outcome, amount, deal, pain, piece and notes are optional); it lacks ${missing.join(', ')} and has ${had || 'nothing'}${record.length > 8 ? ', …' : ''}.`);
        }
        continue;
      }
      rowNumber++;
      if (rows.length >= EVIDENCE_CSV_MAX_ROWS) throw new AppError('payload_too_large', `The file has more than ${EVIDENCE_CSV_MAX_ROWS.toLocaleString('en-US')} entries; split it into smaller files.`);
      const cells: Partial<Record<Column, string>> = {};
      header.forEach((c, i) => {
        if (c && cells[c] === undefined) cells[c] = record[i] ?? '';
      });
      rows.push({ row: rowNumber, cells, spilled: record.length > header.length && record.slice(header.length).some((v) => v !== '') });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: unknown }).lines;
      throw new AppError('bad_request', `The file is not readable as CSV near line ${typeof line === 'number' ? line : rowNumber + 1}: ${err.message.replace(/^Invalid [^:]*: /, '').replace(/ at line \d+/, '')}. Check that quotes are closed and a cell with a quote in it is quoted as a whole.`);
    }
    throw err;
  }
  if (!header) throw new AppError('bad_request', EMPTY);
  if (rows.length === 0) throw new AppError('bad_request', 'The file has a header row but no entries under it.');
  return rows;
}

/** "$42,000.50", "42000", "42 000,50" is refused (say it with a full stop) → cents; null for an empty cell. */
export function readAmount(text: string): { ok: true; cents: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, cents: null };
  const plain = t.replace(/^[$€£]\s*/, '').replace(/\s*(usd|eur|gbp)$/i, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^-?\d+(\.\d{1,2})?$/.test(plain)) return { ok: false, message: `The amount "${t.slice(0, 40)}" is not a number of currency units, like 42000 or $42,000.50.` };
  const n = Number(plain);
  if (n < 0) return { ok: false, message: 'The amount cannot be negative.' };
  if (n > 1e12) return { ok: false, message: 'The amount is too large.' };
  return { ok: true, cents: Math.round(n * 100) };
}

const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

interface CheckedRow {
  row: number;
  date: string;
  account: string;
  quote: string;
  outcome: Outcome;
  amount: number | null;
  painId: string | null;
  pieceId: string | null;
  dealId: string | null;
  dealExternalId: string | null;
  notes: string | null;
}

/** Checks every row against this workspace's active pains and imported deals, as the form's rules do. */
async function checkRows(tx: Tx, workspaceId: string, rows: readonly WrittenRow[]) {
  const today = await workspaceToday(tx, workspaceId);
  const pains = await tx.selectFrom('pains').select(['id', 'statement', 'status']).where('workspace_id', '=', workspaceId).execute();
  const byId = new Map(pains.map((p) => [p.id, p]));
  const byStatement = new Map(pains.filter((p) => p.status === 'active').map((p) => [p.statement.trim().toLowerCase(), p]));
  // Published pieces only: by id, or by the exact title (any case; of two with one title, the latest published).
  const pieces = await tx.selectFrom('pieces').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('status', '=', 'published').orderBy('published_at', 'asc').orderBy('id', 'desc').execute();
  const pieceById = new Map(pieces.map((p) => [p.id, p.id]));
  const pieceByTitle = new Map(pieces.map((p) => [p.title.trim().toLowerCase(), p.id]));
  const dealIds = [...new Set(rows.map((r) => r.cells.deal?.trim() ?? '').filter((d) => d !== ''))];
  const deals = new Map<string, string>();
  for (let i = 0; i < dealIds.length; i += 500) {
    const found = await tx.selectFrom('deals').select(['id', 'external_id']).where('workspace_id', '=', workspaceId).where('external_id', 'in', dealIds.slice(i, i + 500)).execute();
    for (const d of found) deals.set(d.external_id, d.id);
  }
  const ok: CheckedRow[] = [];
  const errors: RowProblem[] = [];
  let invalid = 0;
  for (const r of rows) {
    const problems: RowProblem[] = [];
    const refuse = (column: string, message: string) => problems.push({ row: r.row, column, message });
    const c = r.cells;
    if (r.spilled) refuse('quote', 'This row has more cells than the header row: a text with a comma in it must be in quotes.');
    const date = c.date?.trim() ?? '';
    if (!isDate(date)) refuse('date', date ? `The date "${date.slice(0, 20)}" is not a date as YYYY-MM-DD.` : 'The date is empty.');
    else if (date > today) refuse('date', `The date ${date} is in the future: today is ${today} in the workspace's time zone.`);
    else if (date < EARLIEST) refuse('date', `The date must be ${EARLIEST} or later.`);
    const account = c.account?.trim() ?? '';
    if (!account) refuse('account', 'The account is empty.');
    else if (account.length > EVIDENCE_LIMITS.account) refuse('account', `The account can be at most ${EVIDENCE_LIMITS.account} characters.`);
    const quote = c.quote?.trim() ?? '';
    if (quote.length < 3) refuse('quote', "The quote is empty or too short: write the buyer's words.");
    else if (quote.length > EVIDENCE_LIMITS.quote) refuse('quote', `The quote can be at most ${EVIDENCE_LIMITS.quote.toLocaleString('en-US')} characters.`);
    const outcomeText = (c.outcome ?? '').trim().toLowerCase();
    const outcome = (outcomeText === '' ? 'open' : outcomeText) as Outcome;
    if (!['won', 'lost', 'open'].includes(outcome)) refuse('outcome', `The outcome is won, lost or open; it is "${outcomeText.slice(0, 20)}".`);
    const amount = readAmount(c.amount ?? '');
    if (!amount.ok) refuse('amount', amount.message);
    const notes = c.notes?.trim() ?? '';
    if (notes.length > EVIDENCE_LIMITS.notes) refuse('notes', `The notes can be at most ${EVIDENCE_LIMITS.notes.toLocaleString('en-US')} characters.`);
    const painText = c.pain?.trim() ?? '';
    let painId: string | null = null;
    if (painText) {
      const pain = byId.get(painText) ?? byStatement.get(painText.toLowerCase());
      if (!pain) refuse('pain', `No pain of this workspace is "${painText.slice(0, 80)}": give an active pain's id or its exact statement, or leave it empty.`);
      else if (pain.status !== 'active') refuse('pain', `The pain "${pain.statement.slice(0, 80)}" is retired.`);
      else painId = pain.id;
    }
    const pieceText = c.piece?.trim() ?? '';
    let pieceId: string | null = null;
    if (pieceText) {
      pieceId = pieceById.get(pieceText) ?? pieceByTitle.get(pieceText.toLowerCase()) ?? null;
      if (!pieceId) refuse('piece', `${NOT_CITABLE.replace(/: .*$/, '')}: no published piece is "${pieceText.slice(0, 80)}" (give its id or exact title, or leave it empty).`);
    }
    const deal = c.deal?.trim() ?? '';
    if (deal.length > EVIDENCE_LIMITS.dealExternalId) refuse('deal', `The deal id can be at most ${EVIDENCE_LIMITS.dealExternalId} characters.`);
    if (problems.length > 0) {
      invalid++;
      for (const p of problems) if (errors.length < ERRORS_LISTED) errors.push(p);
      continue;
    }
    ok.push({ row: r.row, date, account, quote, outcome, amount: amount.ok ? amount.cents : null, painId, pieceId, dealId: deal ? (deals.get(deal) ?? null) : null, dealExternalId: deal || null, notes: notes || null });
  }
  return { ok, errors, invalid };
}

function nothingWritten(view: ImportView): AppError {
  const first = view.errors.slice(0, 3).map((e) => `Row ${e.row}, ${e.column}: ${e.message}`).join(' ');
  const rows = view.invalid === 1 ? '1 row has a problem' : `${view.invalid.toLocaleString('en-US')} rows have problems`;
  return new AppError('validation_failed', `Nothing was logged: ${rows}. ${first}${view.invalid > 3 ? ' (See the details for the rest.)' : ''} Fix them, or import only the valid rows.`, view);
}

/** Checks the rows and, unless a dry run (or all or nothing with a bad row), writes them in one transaction. */
export async function importEvidence(db: Database, actor: Actor, rows: readonly WrittenRow[], opts: { mode: 'all_or_nothing' | 'valid_rows'; dryRun: boolean }): Promise<ImportView> {
  return db.transaction(async (tx) => {
    // Under the pains lock: no row is tied to a pain being retired, as with one entry.
    await lockForUpdate(tx, db.dialect, painsLock(actor.workspaceId));
    const checked = await checkRows(tx, actor.workspaceId, rows);
    const view: ImportView = { mode: opts.mode, dryRun: opts.dryRun, rows: rows.length, valid: checked.ok.length, invalid: checked.invalid, logged: 0, errors: checked.errors };
    if (checked.invalid > 0 && opts.mode === 'all_or_nothing') throw nothingWritten(view);
    if (opts.dryRun || checked.ok.length === 0) return view;
    const at = nowIso();
    await insertInChunks(
      tx,
      'evidence',
      checked.ok.map((r) => ({
        id: newId(),
        workspace_id: actor.workspaceId,
        pain_id: r.painId,
        member_id: actor.memberId,
        date: r.date,
        account: r.account,
        deal_id: r.dealId,
        deal_external_id: r.dealExternalId,
        amount: r.amount,
        outcome: r.outcome,
        quote: r.quote,
        notes: r.notes,
        piece_id: r.pieceId,
        created_at: at,
        updated_at: at,
      })),
      200,
    );
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorMemberId: actor.memberId,
      action: 'evidence.imported',
      entityType: 'evidence',
      entityId: newId(),
      after: { entries: checked.ok.length, skipped: checked.invalid, pains: new Set(checked.ok.map((r) => r.painId).filter(Boolean)).size, pieces: new Set(checked.ok.map((r) => r.pieceId).filter(Boolean)).size },
    });
    return { ...view, logged: checked.ok.length };
  });
}
