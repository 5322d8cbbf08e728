// KPI values from outside (SPEC S7 "CSV import … of KPI values", "Inbound webhook for KPI values"): a workspace-level
// CSV of `kpi,period,value[,note][,team]` rows, and `POST /hooks/kpi-values` for programs, signed with the workspace's
// secret when it has one. Both read values as a person writes them, check every row against the same rules as the
// goals room's own forms, answer every bad row by number, column and sentence, and write in one transaction: all
// rows or none, or only the valid ones when the caller chose that (docs/decisions/032).
import { Readable } from 'node:stream';
import { CsvError, parse as parseCsvStream } from 'csv-parse';
import { sql } from 'kysely';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db, Tx } from '../../../db/database.js';
import { inChunks } from '../../../db/insert-in-chunks.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { AppError, forbidden } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { CSV_UPLOAD_TYPES, CsvUpload, csvTextChunks } from '../../../server/csv-upload.js';
import { consumeWebhookSignature, keepRawJsonBodies, verifiedSignatureOf, verifyWebhookSignature } from '../../../server/signed-webhooks.js';
import { localDateOf, periodOf, type PeriodOptions } from '../../../shared/calendar/index.js';
import { formatKpiValue } from '../domain/format-kpi-value.js';
import { measureProblem, valueDateProblem } from '../domain/kpi-input-rules.js';
import { readValuePeriod } from '../domain/read-value-period.js';
import { readWrittenValue } from '../domain/read-written-value.js';
import { actsForEitherTeam, canEditTeamGoals, onBehalfOf } from '../policies.js';
import { CURRENCY } from '../presenters.js';
import { loadPeriodOptions } from '../store.js';

const tags = ['goals'];

/** The largest CSV taken in one request: 10 MB is some 300,000 rows of `kpi,period,value`, far above a real history. */
export const KPI_VALUES_CSV_MAX_BYTES = 10 * 1024 * 1024;
/** The most rows a file may have: ten years of daily values for a dozen KPIs. */
export const KPI_VALUES_CSV_MAX_ROWS = 50_000;
/** The most values one webhook call carries (the bound); more go in several calls. */
export const KPI_VALUES_HOOK_MAX = 1000;
/** How many row errors an answer lists; the counts stay exact. */
const ERRORS_LISTED = 200;
const NOTE_MAX = 500;

export const ImportMode = z.enum(['all_or_nothing', 'valid_rows']);
const ImportQuery = z.strictObject({
  mode: ImportMode.default('all_or_nothing').describe('all_or_nothing: a file with any bad row writes nothing (400 with the rows); valid_rows: the good rows are written and the bad ones reported'),
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check every row and answer the summary without writing anything (the preview)'),
});
const HookQuery = z.strictObject({ mode: ImportQuery.shape.mode });

const RowError = z.object({ row: z.number().int().describe('The row as a spreadsheet numbers it (the header is row 1), or the position in `values` (from 1)'), column: z.string(), message: z.string() });
export const KpiValuesImportView = z.object({
  mode: ImportMode,
  dryRun: z.boolean(),
  rows: z.number().int().describe('Data rows read'),
  valid: z.number().int(),
  invalid: z.number().int(),
  recorded: z.number().int().describe('Values written (0 on a dry run); a value on a date that had one replaces it'),
  kpis: z.array(z.object({ id: z.string(), name: z.string(), team: z.string(), values: z.number().int() })).describe('The KPIs the valid rows are for'),
  preview: z.array(z.object({ row: z.number().int(), kpiId: z.string(), kpiName: z.string(), date: z.string(), value: z.number(), shown: z.string() })).describe('The first 20 valid rows as they will be stored (money in cents) and shown'),
  errors: z.array(RowError).describe(`The first ${ERRORS_LISTED} bad rows`),
});
export type KpiValuesImportView = z.infer<typeof KpiValuesImportView>;

const HookValue = z.strictObject({
  kpi: z.string().min(1).max(200).describe("The KPI's id, or its exact name (any case)"),
  team: z.enum(['sales', 'marketing']).optional().describe('Only needed when both teams have a KPI of that name'),
  date: z.string().max(40).optional().describe('A date, 2026-03-07'),
  period: z.string().max(40).optional().describe('Or a period: a month 2026-03, a fiscal quarter 2026-Q1, an ISO week 2026-W10'),
  value: z.union([z.number(), z.string().max(60)]).describe("In the KPI's unit as a person writes it: 1250, \"$1,250.50\" (money in currency units, not cents), \"12.5%\""),
  note: z.string().max(NOTE_MAX).nullable().optional(),
});
const HookBody = z.strictObject({ values: z.array(HookValue).min(1).max(KPI_VALUES_HOOK_MAX) });

/** A row as read, before it is checked: cells as text (a webhook's value may be a number). */
interface WrittenRow {
  row: number;
  kpi: string;
  team: string | undefined;
  period: string;
  /** The column the period came from, for the error ("period" or "date"). */
  periodColumn: string;
  value: string | number;
  note: string | undefined;
  /** A CSV row with more cells than the header: an unquoted value with the delimiter in it spilled over. */
  spilled?: boolean;
}

interface CheckedRow {
  row: number;
  kpi: KpiTarget;
  date: string;
  value: number;
  note: string | null;
}

interface KpiTarget {
  id: string;
  name: string;
  team: 'sales' | 'marketing';
  unit: Parameters<typeof readWrittenValue>[1];
  period: 'week' | 'month' | 'quarter';
  data_source: string;
  archived_at: string | null;
}

type RowProblem = z.infer<typeof RowError>;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The workspace's KPIs by id and by lower-cased name, read once for a whole file. */
async function kpiDirectory(db: Db, workspaceId: string) {
  const rows = (await db
    .selectFrom('kpis')
    .select(['id', 'name', 'team', 'unit', 'period', 'data_source', 'archived_at'])
    .where('workspace_id', '=', workspaceId)
    .execute()) as KpiTarget[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byName = new Map<string, KpiTarget[]>();
  for (const r of rows) {
    const key = r.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  return { byId, byName };
}

/**
 * Checks every row: the KPI (this workspace's only, by id or name: another workspace's answers "no such KPI" like
 * one that does not exist), who may record it, its period, value and note. Rows of a KPI and date given twice are
 * refused after the first, so no value silently replaces another of the same file.
 */
function checkRows(rows: readonly WrittenRow[], actor: Actor, directory: Awaited<ReturnType<typeof kpiDirectory>>, options: PeriodOptions, now: Date) {
  const today = localDateOf(now, options.timeZone);
  const ok: CheckedRow[] = [];
  const errors: RowProblem[] = [];
  let invalid = 0;
  const seen = new Map<string, number>();
  // The current period of each kind, worked out once for the file, not once a row.
  const periods = new Map<string, ReturnType<typeof periodOf>>();
  const currentPeriod = (kind: KpiTarget['period']) => periods.get(kind) ?? periods.set(kind, periodOf(kind, now, options)).get(kind)!;
  for (const r of rows) {
    const problems: RowProblem[] = [];
    const refuse = (column: string, message: string) => problems.push({ row: r.row, column, message });
    const kpi = findKpi(r, directory, refuse);
    if (kpi) {
      const period = readValuePeriod(r.period, kpi.period, options);
      let date: string | null = null;
      if (!period.ok) refuse(r.periodColumn, period.message);
      else {
        const current = currentPeriod(kpi.period);
        const window = valueDateProblem(period.date, today);
        if (period.date >= current.endDate) refuse(r.periodColumn, `${r.period.trim()} is in a future period; values of ${kpi.name} can be recorded up to ${current.label}.`);
        else if (window) refuse(r.periodColumn, window);
        else date = period.date;
      }
      const value = r.spilled
        ? ({ ok: false, message: 'This row has more cells than the header row: a value with a comma in it must be in quotes ("$1,234").' } as const)
        : readWrittenValue(r.value, kpi.unit);
      if (!value.ok) refuse('value', value.message);
      else {
        const domain = measureProblem(value.value, kpi.unit, { field: 'value', kpiName: kpi.name, date }, CURRENCY);
        if (domain) refuse('value', domain);
      }
      const note = r.note?.trim() ?? '';
      if (note.length > NOTE_MAX) refuse('note', `The note can be at most ${NOTE_MAX} characters; it has ${note.length.toLocaleString('en-US')}.`);
      else if (CONTROL.test(note)) refuse('note', 'The note contains a control character; remove it.');
      if (date && problems.length === 0) {
        const key = `${kpi.id} ${date}`;
        const first = seen.get(key);
        if (first !== undefined) refuse(r.periodColumn, `Row ${first} already gives ${kpi.name} a value for ${date}; keep one of the two.`);
        else seen.set(key, r.row);
      }
      if (problems.length === 0 && date && value.ok) ok.push({ row: r.row, kpi, date, value: value.value, note: note || null });
    }
    if (problems.length > 0) {
      invalid++;
      for (const p of problems) if (errors.length < ERRORS_LISTED) errors.push(p);
    }
  }
  return { ok, errors, invalid };

  function findKpi(r: WrittenRow, dir: typeof directory, refuse: (column: string, message: string) => void): KpiTarget | null {
    const written = r.kpi.trim();
    if (!written) {
      refuse('kpi', "The KPI is empty; give the KPI's name as the goals page shows it, or its id.");
      return null;
    }
    const team = r.team?.trim().toLowerCase() || undefined;
    if (team !== undefined && team !== 'sales' && team !== 'marketing') {
      refuse('team', `The team is sales or marketing; it is "${r.team?.slice(0, 40)}".`);
      return null;
    }
    let kpi = dir.byId.get(written) ?? null;
    if (!kpi) {
      const named = (dir.byName.get(written.toLowerCase()) ?? []).filter((k) => !team || k.team === team);
      // An archived KPI keeps its name; a live one of the same name is the one meant.
      const live = named.filter((k) => !k.archived_at);
      const candidates = live.length > 0 ? live : named;
      if (candidates.length > 1) {
        const teams = [...new Set(candidates.map((k) => k.team))];
        refuse('kpi', teams.length > 1 ? `Both teams have a KPI named "${written}"; add a team column (sales or marketing) or use the KPI's id.` : `${candidates.length} ${teams[0]} KPIs are named "${written}"; use the KPI's id.`);
        return null;
      }
      kpi = candidates[0] ?? null;
    }
    if (!kpi || (team && kpi.team !== team)) {
      refuse('kpi', `No such KPI: "${written.slice(0, 80)}". Use the name as the goals page shows it, or the KPI's id.`);
      return null;
    }
    if (kpi.archived_at) refuse('kpi', `${kpi.name} is archived; values are no longer recorded for it.`);
    else if (kpi.data_source === 'deals') refuse('kpi', `${kpi.name} is computed from deals; its values come from the deals, not from a file.`);
    else if (!canEditTeamGoals(actor, kpi.team)) refuse('kpi', `You can't record values of ${kpi.name}: only ${kpi.team} leads, admins and leadership leaders do.`);
    else return kpi;
    return null;
  }
}

/** Writes the checked values in one statement per 300, in KPI and date order (two imports lock rows in the same order). */
async function writeValues(tx: Tx, actor: Actor, rows: readonly CheckedRow[], source: 'csv' | 'webhook'): Promise<void> {
  const sorted = [...rows].sort((a, b) => (a.kpi.id < b.kpi.id ? -1 : a.kpi.id > b.kpi.id ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const at = nowIso();
  for (const part of inChunks(sorted, 300)) {
    await tx
      .insertInto('kpi_values')
      .values(part.map((v) => ({ id: newId(), workspace_id: actor.workspaceId, kpi_id: v.kpi.id, date: v.date, value: v.value, source, note: v.note, recorded_by: actor.memberId, created_at: at })))
      .onConflict((oc) =>
        oc.columns(['kpi_id', 'date']).doUpdateSet({ value: sql`excluded.value`, note: sql`excluded.note`, source: sql`excluded.source`, recorded_by: sql`excluded.recorded_by` }),
      )
      .execute();
  }
  const byKpi = new Map<string, CheckedRow[]>();
  for (const v of sorted) byKpi.set(v.kpi.id, [...(byKpi.get(v.kpi.id) ?? []), v]);
  for (const values of byKpi.values()) {
    const kpi = values[0]!.kpi;
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorMemberId: actor.memberId,
      action: 'kpi.values_recorded',
      entityType: 'kpi',
      entityId: kpi.id,
      after: { count: values.length, source, dates: values.slice(0, 20).map((v) => v.date) },
      onBehalfOf: onBehalfOf(actor, kpi.team),
    });
  }
}

function summary(mode: z.infer<typeof ImportMode>, dryRun: boolean, rows: number, checked: ReturnType<typeof checkRows>, recorded: number): KpiValuesImportView {
  const kpis = new Map<string, { id: string; name: string; team: string; values: number }>();
  for (const v of checked.ok) {
    const k = kpis.get(v.kpi.id) ?? { id: v.kpi.id, name: v.kpi.name, team: v.kpi.team, values: 0 };
    k.values++;
    kpis.set(v.kpi.id, k);
  }
  return {
    mode,
    dryRun,
    rows,
    valid: checked.ok.length,
    invalid: checked.invalid,
    recorded,
    kpis: [...kpis.values()],
    preview: checked.ok.slice(0, 20).map((v) => ({ row: v.row, kpiId: v.kpi.id, kpiName: v.kpi.name, date: v.date, value: v.value, shown: formatKpiValue(v.value, v.kpi.unit, CURRENCY) })),
    errors: checked.errors,
  };
}

/** The 400 when a file or call with bad rows writes nothing: the first rows in the sentence, all of them (to 200) in details. */
function nothingWritten(view: KpiValuesImportView, what: 'file' | 'request'): AppError {
  const first = view.errors.slice(0, 3).map((e) => `Row ${e.row}, ${e.column}: ${e.message}`).join(' ');
  const rows = view.invalid === 1 ? '1 row has a problem' : `${view.invalid.toLocaleString('en-US')} rows have problems`;
  return new AppError('validation_failed', `Nothing was recorded: ${rows}. ${first}${view.invalid > 3 ? ' (See the details for the rest.)' : ''} Fix them, or import only the valid rows.`, {
    ...view,
    what,
  });
}

/** Checks and (unless a dry run, or all-or-nothing with bad rows) writes: the one path of the CSV and the webhook. */
async function importRows(
  ctx: AppContext,
  actor: Actor,
  rows: readonly WrittenRow[],
  opts: { mode: z.infer<typeof ImportMode>; dryRun: boolean; source: 'csv' | 'webhook'; beforeWrite?: (tx: Tx) => Promise<void> },
): Promise<KpiValuesImportView> {
  const { db } = ctx;
  const now = new Date();
  const check = async (q: Db) => checkRows(rows, actor, await kpiDirectory(q, actor.workspaceId), await loadPeriodOptions(q, actor.workspaceId), now);
  if (opts.dryRun) return summary(opts.mode, true, rows.length, await check(db.kysely), 0);
  return db.transaction(async (tx) => {
    await opts.beforeWrite?.(tx);
    // Checked inside the transaction: a KPI archived or handed to deals a moment ago is refused, not written.
    const checked = await check(tx);
    const view = summary(opts.mode, false, rows.length, checked, 0);
    if (checked.invalid > 0 && opts.mode === 'all_or_nothing') throw nothingWritten(view, opts.source === 'csv' ? 'file' : 'request');
    await writeValues(tx, actor, checked.ok, opts.source);
    return { ...view, recorded: checked.ok.length };
  });
}

/** Who may import at all: anyone who may edit some team's goals (a viewer or member is refused before the file is read). */
function refuseNonEditors(actor: Actor): void {
  if (!actsForEitherTeam(actor) && !canEditTeamGoals(actor, 'sales') && !canEditTeamGoals(actor, 'marketing')) {
    throw forbidden("Only a team's leads, admins and leadership leaders record KPI values.");
  }
}

// ── The CSV ────────────────────────────────────────────────────────────────────────────────────────────

const tooLarge = () => new AppError('payload_too_large', `The file is larger than ${KPI_VALUES_CSV_MAX_BYTES / 1024 / 1024} MB; split it into smaller files.`);

/** The delimiter of the header line: the one of , ; and tab it has most of (outside quotes). */
function delimiterOf(head: string): string {
  const line = (head.split(/\r?\n/)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

const COLUMN_NAMES: Record<string, 'kpi' | 'period' | 'date' | 'value' | 'note' | 'team'> = { kpi: 'kpi', period: 'period', date: 'date', value: 'value', note: 'note', team: 'team' };

/** Reads the CSV stream into rows, refusing a file that is not one (no header, wrong columns, broken quoting). */
async function readCsv(stream: AsyncIterable<Buffer | string>): Promise<WrittenRow[]> {
  const chunks = csvTextChunks(stream, KPI_VALUES_CSV_MAX_BYTES, tooLarge);
  // The delimiter is decided from the header line, so the first chunks are read before the parser is made.
  const head: Buffer[] = [];
  let headText = '';
  while (!headText.includes('\n') && headText.length < 64 * 1024) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(next.value);
    headText = Buffer.concat(head).toString('utf8');
  }
  if (headText.replace(/^\uFEFF/, '').trim() === '') throw new AppError('bad_request', 'The file is empty. It needs a header row (kpi,period,value) and a row for each value.');
  const parser = parseCsvStream({
    bom: true,
    delimiter: delimiterOf(headText.replace(/^\uFEFF/, '')),
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    max_record_size: 64 * 1024,
  });
  const source = Readable.from((async function* () {
    yield* head;
    yield* chunks;
  })());
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  const rows: WrittenRow[] = [];
  let header: Array<(typeof COLUMN_NAMES)[string] | null> | null = null;
  let index: Partial<Record<'kpi' | 'period' | 'date' | 'value' | 'note' | 'team', number>> = {};
  let rowNumber = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => COLUMN_NAMES[h.trim().toLowerCase()] ?? null);
        index = Object.fromEntries(header.flatMap((h, i) => (h ? [[h, i]] : [])));
        const missing = (['kpi', 'value'] as const).filter((c) => index[c] === undefined);
        if (index.period === undefined && index.date === undefined) missing.splice(1, 0, 'period' as never);
        if (missing.length > 0) {
          const had = record.slice(0, 8).map((h) => `"${h.slice(0, 30)}"`).join(', ');
          throw new AppError('bad_request', `The header row needs the columns kpi, period and value (note and team are optional); it has ${had || 'none'}${record.length > 8 ? ', …' : ''}. Download the template to see the layout.`);
        }
        continue;
      }
      rowNumber++;
      if (rows.length >= KPI_VALUES_CSV_MAX_ROWS) throw new AppError('payload_too_large', `The file has more than ${KPI_VALUES_CSV_MAX_ROWS.toLocaleString('en-US')} rows; split it into smaller files.`);
      const cell = (name: keyof typeof index) => (index[name] === undefined ? undefined : record[index[name]!]);
      const periodColumn = index.period !== undefined && (cell('period') ?? '') !== '' ? 'period' : index.date !== undefined ? 'date' : 'period';
      rows.push({
        row: rowNumber,
        kpi: cell('kpi') ?? '',
        team: cell('team'),
        period: cell(periodColumn as 'period' | 'date') ?? '',
        periodColumn,
        value: cell('value') ?? '',
        note: cell('note'),
        // A value with the delimiter in it, unquoted, spills into the next cell: say so rather than read half of it.
        ...(record.length > header.length ? { spilled: true } : {}),
      });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Every parse error is the file's (csv-parse's codes are INVALID_OPENING_QUOTE, CSV_QUOTE_NOT_CLOSED, …).
    if (err instanceof CsvError) {
      const why = err.message.replace(/^Invalid [^:]*: /, '').replace(/ at line \d+/, '');
      throw new AppError('bad_request', `The file is not readable as CSV near line ${typeof (err as CsvError & { lines?: unknown }).lines === 'number' ? (err as CsvError & { lines: number }).lines : rowNumber + 1}: ${why}. Check that quotes are closed and a cell with a quote in it is quoted as a whole.`);
    }
    throw err;
  }
  if (!header) throw new AppError('bad_request', 'The file is empty. It needs a header row (kpi,period,value) and a row for each value.');
  if (rows.length === 0) throw new AppError('bad_request', 'The file has a header row but no values under it.');
  return rows;
}

const TEMPLATE =
  'kpi,period,value,note\r\nMQLs,2026-03,412,From the marketing automation report\r\nWin rate,2026-03,27.5%,\r\nRevenue closed,2026-Q1,"$1,250,000",Fiscal quarter\r\nPipeline generated,2026-03-07,"$125,000",One day\r\n';

export function registerKpiValueImportRoutes(app: Server, ctx: AppContext): void {
  app.get(
    '/goals/kpi-values/template.csv',
    { schema: { tags, summary: 'A template for the KPI values CSV: the header row and example rows (a month, a fiscal quarter, a date).', produces: ['text/csv'], response: { 200: z.string() } } },
    async (_req, reply) => reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kpi-values-template.csv"').send(TEMPLATE),
  );

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The CSV arrives as it is, as a stream: it is parsed row by row, never held whole as one string.
    scope.addContentTypeParser(CSV_UPLOAD_TYPES, (_req, payload, done) => done(null, new CsvUpload(payload)));
    scope.post(
      '/goals/kpi-values/import',
      {
        schema: {
          tags,
          summary: `Import KPI values from a CSV (the body, as text/csv): columns kpi, period, value, and optionally note and team. Up to ${KPI_VALUES_CSV_MAX_BYTES / 1024 / 1024} MB and ${KPI_VALUES_CSV_MAX_ROWS.toLocaleString('en-US')} rows.`,
          description:
            "kpi is the KPI's id or its exact name (any case); team (sales or marketing) settles a name both teams use. period is a date (2026-03-07), a month (2026-03), a fiscal quarter (2026-Q1) or an ISO week (2026-W10), as the KPI's period allows; a period's value is stored on its first day. value is written as a person writes it: 1250, $1,250.50 (money in currency units), 12.5%, 1.234,5. UTF-8 with or without a BOM; commas, semicolons or tabs. Rows of KPIs computed from deals, archived KPIs and KPIs the caller may not edit are refused. `?dryRun=true` checks without writing; `mode=all_or_nothing` (the default) writes nothing when any row is bad (400 with the rows in details), `mode=valid_rows` writes the good rows and lists the bad ones.",
          querystring: ImportQuery,
          response: { 200: KpiValuesImportView, 400: ErrorView, 403: ErrorView, 413: ErrorView, 415: ErrorView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        refuseNonEditors(actor);
        if (!(req.body instanceof CsvUpload)) throw new AppError('unsupported_media_type', 'Send the file itself as the body, with Content-Type: text/csv.');
        const rows = await readCsv(req.body.stream);
        return importRows(ctx, actor, rows, { mode: req.query.mode, dryRun: req.query.dryRun === 'true', source: 'csv' });
      },
    );
  });

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    // The signature is over the bytes as sent, so JSON is parsed here with the raw body kept beside it.
    keepRawJsonBodies(scope);
    scope.post(
      '/hooks/kpi-values',
      {
        schema: {
          tags,
          summary: `Record KPI values from a program (API token only; up to ${KPI_VALUES_HOOK_MAX} a call), by the same rules as the CSV import.`,
          description:
            'Authenticate with `Authorization: Bearer lst_…`. When the workspace has a signing secret (Settings → API tokens), every call must also carry `X-Lockstep-Timestamp` (unix seconds) and `X-Lockstep-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`; a timestamp more than 5 minutes off, a missing or wrong signature, or a signature already received answers 401 and records nothing. Each value names its KPI (id or exact name), a `date` or a `period` (month 2026-03, fiscal quarter 2026-Q1, ISO week 2026-W10) and its value as a person writes it (money in currency units, not cents). mode=all_or_nothing (the default) records nothing when any value is bad (400, the rows in details); mode=valid_rows records the good ones.',
          querystring: HookQuery,
          body: HookBody,
          response: { 200: KpiValuesImportView, 400: ErrorView, 401: ErrorView, 403: ErrorView },
        },
        // The signature is checked before the body's schema: a forged call learns nothing from a 400.
        preValidation: async (req) => {
          const actor = actorOf(req);
          if (actor.via !== 'token') throw forbidden('The KPI values webhook takes an API token (Authorization: Bearer lst_…), not a browser session; people import a CSV on the KPIs page.');
          await verifyWebhookSignature(ctx.db.kysely, req, actor.workspaceId);
        },
      },
      async (req) => {
        const actor = actorOf(req);
        refuseNonEditors(actor);
        const verified = verifiedSignatureOf(req);
        const rows: WrittenRow[] = req.body.values.map((v, i) => ({
          row: i + 1,
          kpi: v.kpi,
          team: v.team,
          period: v.period ?? v.date ?? '',
          periodColumn: v.period !== undefined ? 'period' : 'date',
          value: v.value,
          note: v.note ?? undefined,
        }));
        return importRows(ctx, actor, rows, {
          mode: req.query.mode,
          dryRun: false,
          source: 'webhook',
          ...(verified ? { beforeWrite: (tx: Tx) => consumeWebhookSignature(tx, actor.workspaceId, verified) } : {}),
        });
      },
    );
  });
}

