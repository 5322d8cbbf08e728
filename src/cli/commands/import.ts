// `lockstep import <file> --workspace <name-or-id>` (SPEC S7, S8; issue 11): imports a HubSpot or Salesforce deal
// export (or any CSV, with a saved column-mapping preset) into a workspace, in one pass: every row is checked and
// every valid one written in one transaction, then the computed KPIs are recomputed. A progress bar on stderr (bytes
// and rows) when it is a terminal, a line every few seconds when not; a summary on stdout; the per-row error report
// as CSV with --errors. Nothing is written when it fails, is refused (all or nothing with bad rows) or is killed.
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { once } from 'node:events';
import { commitImport, createImport, type ImportMode, type ImportSummary } from '../../capabilities/deals/import/engine.js';
import type { ColumnMapping } from '../../capabilities/deals/import/fields.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { csvRow } from '../../server/csv.js';
import { CliError, EXIT_USAGE, readConfig } from '../cli-error.js';
import { withDatabase } from '../open-database.js';
import { formatBytes } from './backup.js';
import { migrateBeforeWriting } from './migrate.js';

export const IMPORT_MODES = ['all-or-nothing', 'valid-rows'] as const;

export interface ImportOptions {
  workspace?: string;
  mode?: string;
  preset?: string;
  errors?: string;
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;
const slugOf = (name: string) => name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function findWorkspace(db: Database, given: string): Promise<{ id: string; name: string }> {
  const all = await db.kysely.selectFrom('workspaces').select(['id', 'name']).execute();
  const byId = all.find((w) => w.id === given);
  if (byId) return byId;
  const key = given.trim().toLowerCase();
  let found = all.filter((w) => w.name.trim().toLowerCase() === key);
  if (found.length === 0) found = all.filter((w) => slugOf(w.name) === slugOf(given));
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new CliError(`${found.length} workspaces are named "${given}"; give the id of the one to import into:\n${found.map((w) => `  ${w.id}  ${w.name}`).join('\n')}`);
  }
  const names = all.slice(0, 10).map((w) => `  ${w.id}  ${w.name}`).join('\n');
  throw new CliError(`There is no workspace "${given}" (by name or id).${all.length > 0 ? ` The workspaces are:\n${names}${all.length > 10 ? `\n  … and ${n(all.length - 10)} more` : ''}` : ' Create one first with `lockstep create-admin`.'}`);
}

/** The progress on stderr: a redrawn bar on a terminal, a plain line every five seconds otherwise. */
function progressReporter(filename: string, total: number): { update(bytes: number, rows: number): void; end(): void } {
  const tty = process.stderr.isTTY === true;
  const started = performance.now();
  let last = 0;
  let tenth = 0;
  let drawn = false;
  const line = (bytes: number, rows: number) => {
    const share = total > 0 ? Math.min(1, bytes / total) : 1;
    const width = 30;
    const filled = Math.round(share * width);
    const bar = tty ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ` : '';
    const seconds = (performance.now() - started) / 1000;
    return `${tty ? '' : 'lockstep: '}Importing ${filename} ${bar}${Math.floor(share * 100)}%  ${formatBytes(bytes)} of ${formatBytes(total)}  ${plural(rows, 'row')}  ${seconds.toFixed(0)} s`;
  };
  return {
    update(bytes, rows) {
      const now = performance.now();
      // Not a terminal (a log, CI): a line at each tenth of the file, or every five seconds.
      const step = total > 0 ? Math.floor((bytes / total) * 10) : 0;
      if (tty ? now - last < 100 : step <= tenth && now - last < 5000) return;
      last = now;
      tenth = Math.max(tenth, step);
      if (tty) {
        process.stderr.write(`\r${line(bytes, rows)}\u001b[K`);
        drawn = true;
      } else process.stderr.write(`${line(bytes, rows)}\n`);
    },
    end() {
      if (drawn) process.stderr.write('\r\u001b[K');
    },
  };
}

/** The per-row errors as CSV (row, column, message), read in pages so a million errors stream. */
async function writeErrorReport(db: Database, importId: string, path: string): Promise<number> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let written = 0;
  try {
    await write(csvRow(['row', 'column', 'message']));
    let after: { row: number; id: string } | null = null;
    for (;;) {
      let q = db.kysely.selectFrom('deal_import_errors').select(['id', 'row_number', 'column_name', 'message']).where('import_id', '=', importId);
      if (after) {
        const a: { row: number; id: string } = after;
        q = q.where((eb) => eb.or([eb('row_number', '>', a.row), eb.and([eb('row_number', '=', a.row), eb('id', '>', a.id)])]));
      }
      const page = await q.orderBy('row_number').orderBy('id').limit(1000).execute();
      for (const e of page) await write(csvRow([e.row_number, e.column_name ?? '', e.message]));
      written += page.length;
      if (page.length < 1000) break;
      const lastRow = page.at(-1)!;
      after = { row: lastRow.row_number, id: lastRow.id };
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  return written;
}

const FORMAT_NAMES: Record<string, string> = { hubspot: 'HubSpot export', salesforce: 'Salesforce export', mapped: 'mapped with a preset' };

function summaryLines(s: ImportSummary, workspace: string, seconds: number): string[] {
  const lines = [
    `Imported ${s.filename} into "${workspace}" (${FORMAT_NAMES[s.format ?? ''] ?? 'CSV'}${s.encoding && s.encoding !== 'utf-8' ? `, read as ${s.encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-16'}` : ''}) in ${seconds.toFixed(1)} s:`,
    `  ${plural(s.rowsTotal, 'row')}: ${n(s.rowsInserted)} new, ${n(s.rowsUpdated)} updated, ${n(s.rowsUnchanged)} unchanged${s.rowsInvalid > 0 ? `, ${n(s.rowsInvalid)} with errors (not imported)` : ''}.`,
  ];
  if (s.unmatchedOwners.length > 0) {
    const top = s.unmatchedOwners.slice(0, 5).map((o) => `${o.name} (${plural(o.rows, 'row')})`).join(', ');
    lines.push(`  ${plural(s.unmatchedOwners.length, 'owner')} matched no member: ${top}${s.unmatchedOwners.length > 5 ? ', …' : ''}. Map them on the Deals import page; the mapping is remembered for the next import.`);
  }
  return lines;
}

export async function importCommand(file: string, opts: ImportOptions): Promise<void> {
  if (!opts.workspace) throw new CliError('Say which workspace to import into: --workspace <name or id>.');
  const mode = (opts.mode ?? 'all-or-nothing') as (typeof IMPORT_MODES)[number];
  if (!IMPORT_MODES.includes(mode)) throw new CliError(`--mode must be all-or-nothing or valid-rows, not "${opts.mode}".`);
  const path = resolve(file);
  if (!existsSync(path)) throw new CliError(`There is no file at ${path}.`);
  if (statSync(path).isDirectory()) throw new CliError(`${path} is a folder; give the path of the CSV file to import.`);
  const errorsPath = opts.errors ? resolve(opts.errors) : null;
  const config = readConfig();
  let failure: CliError | null = null;
  await withDatabase(config, async (db) => {
    await migrateBeforeWriting(db);
    const workspace = await findWorkspace(db, opts.workspace!);
    let mapping: ColumnMapping | null = null;
    if (opts.preset) {
      const preset = await db.kysely.selectFrom('deal_column_presets').select(['mapping']).where('workspace_id', '=', workspace.id).where('name', '=', opts.preset).executeTakeFirst();
      if (!preset) {
        const names = await db.kysely.selectFrom('deal_column_presets').select('name').where('workspace_id', '=', workspace.id).orderBy('name').limit(20).execute();
        throw new CliError(`"${workspace.name}" has no column-mapping preset named "${opts.preset}".${names.length > 0 ? ` Its presets: ${names.map((p) => `"${p.name}"`).join(', ')}.` : ' Save one on the Deals import page first.'}`);
      }
      mapping = JSON.parse(preset.mapping) as ColumnMapping;
    }
    const filename = basename(path);
    const id = await createImport(db.kysely, { workspaceId: workspace.id, filename, bytesTotal: statSync(path).size, mapping });
    const progress = progressReporter(filename, statSync(path).size);
    const started = performance.now();
    let summary: ImportSummary;
    try {
      summary = await commitImport(db.kysely, id, path, mode === 'valid-rows' ? 'valid_rows' : ('all_or_nothing' satisfies ImportMode), {
        onProgress: (bytes, rows) => progress.update(bytes, rows),
      });
    } catch (err) {
      progress.end();
      if (!(err instanceof AppError)) throw err;
      const refused = await db.kysely.selectFrom('deal_imports').select(['rows_invalid', 'rows_valid']).where('id', '=', id).executeTakeFirstOrThrow();
      const report = errorsPath ? await writeErrorReport(db, id, errorsPath) : 0;
      const where = errorsPath ? ` The errors are in ${errorsPath} (${plural(report, 'line')}).` : refused.rows_invalid > 0 ? ' Add --errors <file.csv> to get the list of errors.' : '';
      const retry = refused.rows_invalid > 0 ? ' Run again with --mode valid-rows to import the valid rows only.' : '';
      failure = new CliError(`${err.message}${where}${retry}`, EXIT_USAGE);
      return;
    }
    progress.end();
    const seconds = (performance.now() - started) / 1000;
    if (summary.status === 'needs_mapping') {
      const headers = (summary.headers ?? []).map((h) => `"${h}"`).join(', ');
      failure = new CliError(
        `${summary.error ?? `Lockstep does not recognise the columns of ${filename} as a HubSpot or Salesforce export.`} Its columns: ${headers}. Map them on the Deals import page, save the mapping as a preset, and run again with --preset <name>. Nothing was imported.`,
      );
      return;
    }
    if (summary.status === 'failed') {
      failure = new CliError(`${summary.error ?? 'The import failed.'} Nothing was imported.`);
      return;
    }
    for (const l of summaryLines(summary, workspace.name, seconds)) console.log(l);
    if (errorsPath) {
      const report = await writeErrorReport(db, id, errorsPath);
      console.log(`  The per-row error report is in ${errorsPath} (${plural(report, 'line')}).`);
    } else if (summary.rowsInvalid > 0) console.log('  Add --errors <file.csv> to get the rows with errors and what is wrong with each.');
  });
  if (failure) throw failure;
}
