// Imports of deal exports (issue 11, SPEC S7): the file is streamed to disk, checked in the background (validateImport)
// while the browser polls its progress, its per-row errors are read as JSON or CSV, an unrecognised header gets a
// column mapping (optionally saved as a preset), unmatched owners are mapped to members and remembered, and the
// person chooses how to commit (commitImport, in the background too). docs/decisions/034-deal-imports-over-http.md.
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isLostRace } from '../../../db/locks.js';
import type { DealImportStatus } from '../../../db/schema/deals.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { csvRow } from '../../../server/csv.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { presentPage } from '../../../server/pagination.js';
import { commitImport, createImport, STALLED_AFTER_MS, STOPPED_SENTENCE, validateImport } from '../import/engine.js';
import { checkMapping, dealFieldViews } from '../imports-http/fields.js';
import { canImportDeals, IMPORTERS } from '../imports-http/policies.js';
import { ImportCancelled, ImportRunner } from '../imports-http/runner.js';
import {
  CommitInput,
  FieldsView,
  ImportErrorsPageView,
  ImportErrorsQuery,
  ImportIdParams,
  ImportListQuery,
  ImportPageView,
  ImportView,
  MappingInput,
  OwnerMappingPageView,
  OwnerMappingQuery,
  OwnerMappingsInput,
  OwnerMappingsResult,
  PresetIdParams,
  PresetInput,
  PresetListQuery,
  PresetPageView,
  PresetView,
  UploadQuery,
} from '../imports-http/schemas.js';
import {
  countImportErrors,
  getImport,
  getPreset,
  ownerKey,
  pageImportErrors,
  pageImports,
  pageOwnerMappings,
  pagePresets,
  presentImport,
  presentImportError,
  presentImports,
  presentOwnerMapping,
  presentPreset,
  type ImportRow,
} from '../imports-http/store.js';
import { headerSamples } from '../imports-http/samples.js';
import { storeUpload, tooLarge } from '../imports-http/upload.js';

const tags = ['deals'];

/** The content types a deal export is sent with: what browsers and CRMs call a CSV, or plain bytes. */
const FILE_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel', 'application/octet-stream']);


/** How many error rows the CSV report reads at a time while it streams. */
const REPORT_BATCH = 500;

const ACTIVE: readonly DealImportStatus[] = ['validating', 'importing'];
/** The import is over: its file is no longer needed (its error rows stay). */
const ENDED: readonly DealImportStatus[] = ['done', 'failed', 'cancelled'];

export function registerImportRoutes(app: Server, ctx: AppContext): void {
  const { db, config } = ctx;
  const k = db.kysely;
  const runner = new ImportRunner(ctx.log);
  const fileOf = (id: string) => join(config.uploadsDir, 'deal-imports', `${id}.csv`);
  const removeFile = (id: string) => rm(fileOf(id), { force: true });

  app.addHook('onClose', async () => {
    await runner.close();
  });

  const audit = (tx: typeof k, actor: Actor, action: string, entityType: string, entityId: string, before: unknown, after: unknown) =>
    recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action, entityType, entityId, before, after });

  const mayImport = (actor: Actor) => {
    if (!canImportDeals(actor)) throw forbidden(IMPORTERS);
  };

  /** Marks the import failed with a sentence (when nothing else ended it) and removes its file. */
  async function fail(id: string, message: string): Promise<void> {
    const now = nowIso();
    await k
      .updateTable('deal_imports')
      .set({ status: 'failed', error: message, updated_at: now, finished_at: now })
      .where('id', '=', id)
      .where('status', 'in', [...ACTIVE])
      .execute();
    await removeFile(id);
  }

  const sentenceOf = (err: unknown, doing: string) =>
    err instanceof AppError ? err.message : `Lockstep could not ${doing} this file because of an error on our side (it has been logged). Upload it again; if it fails again, tell us.`;

  /** Reads and checks the file in the background; a failed check removes the file, a checked one keeps it for the commit. */
  function startValidation(id: string): void {
    // A job of this import still finishing here (its last writes after the engine returned) goes first.
    const started = runner.start(id, 'validate', async (control) => {
      try {
        await validateImport(k, id, fileOf(id), { onProgress: () => control.checkpoint() });
      } catch (err) {
        if (err instanceof ImportCancelled) return;
        ctx.log.error({ err, importId: id }, 'checking a deal import failed');
        await fail(id, sentenceOf(err, 'read'));
        return;
      }
      const after = await k.selectFrom('deal_imports').select('status').where('id', '=', id).executeTakeFirst();
      if (!after || ENDED.includes(after.status)) await removeFile(id);
    });
    if (!started) void runner.settled(id).then(() => startValidation(id));
  }

  /** Writes the rows in the background; the file goes once the import is done or failed. */
  function startCommit(id: string, mode: 'all_or_nothing' | 'valid_rows'): void {
    runner.start(id, 'commit', async () => {
      try {
        await commitImport(k, id, fileOf(id), mode);
      } catch (err) {
        if (!(err instanceof AppError)) ctx.log.error({ err, importId: id }, 'committing a deal import failed');
        await fail(id, sentenceOf(err, 'import'));
        return;
      }
      const after = await k.selectFrom('deal_imports').select('status').where('id', '=', id).executeTakeFirst();
      if (!after || ENDED.includes(after.status)) await removeFile(id);
      // An engine that returned without ending the import leaves it importing: say so rather than leave it spinning.
      if (after?.status === 'importing') await fail(id, 'The import stopped before it finished; nothing was written. Upload the file again.');
    });
  }

  /**
   * An import left validating or importing by a server that went away (its progress stopped) is picked up again:
   * a check starts over here; a commit wrote nothing (it is one transaction), so the import is checked again and
   * can be committed again. The conditional update lets one instance take it.
   */
  async function resumeIfStalled(row: ImportRow): Promise<ImportRow> {
    // The engine's one rule (STALLED_AFTER_MS, decision 044): an upload's stopped import is picked up here; the sweep
    // fails only those no read can pick up. One failed so before that rule (or whose member left) loses its file here.
    if (row.status === 'failed' && row.error === STOPPED_SENTENCE) await removeFile(row.id);
    if (!ACTIVE.includes(row.status) || runner.running(row.id) !== null) return row;
    if (Date.now() - Date.parse(row.updated_at) < STALLED_AFTER_MS) return row;
    const now = nowIso();
    const taken = await k
      .updateTable('deal_imports')
      .set({ status: 'validating', mode: null, bytes_done: 0, error: null, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .where('updated_at', '=', row.updated_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) startValidation(row.id);
    return (await getImport(k, row.workspace_id, row.id)) ?? row;
  }

  /** The import of the actor's workspace, picked up again if it stalled; 404 for an unknown or another workspace's id. */
  async function importOf(actor: Actor, id: string): Promise<ImportRow> {
    const row = await getImport(k, actor.workspaceId, id);
    if (!row) throw notFound('Import');
    return resumeIfStalled(row);
  }

  const view = async (actor: Actor, id: string) => {
    const row = await getImport(k, actor.workspaceId, id);
    if (!row) throw notFound('Import');
    return presentImport(k, actor.workspaceId, row);
  };

  /** Why an import in this status cannot take the step asked for (the 409's sentence). */
  function notNow(row: ImportRow, step: 'commit' | 'map' | 'cancel'): AppError {
    switch (row.status) {
      case 'validating':
        return conflict(step === 'commit' ? 'The file is still being checked; commit it once the check is done.' : 'The file is being checked right now; wait until the check is done.');
      case 'needs_mapping':
        return conflict('Lockstep did not recognise the columns of this file: map them first (PUT …/mapping), then commit.');
      case 'importing':
        return conflict('The rows of this file are being written right now; wait until the import is done.');
      case 'done':
        return conflict(`This file is already imported (${row.rows_inserted.toLocaleString('en-US')} new, ${row.rows_updated.toLocaleString('en-US')} updated). Upload it again to import it again.`);
      case 'failed':
        return conflict(`This import failed${row.error ? `: ${row.error}` : '.'} Upload the file again.`.replace('.. ', '. '));
      case 'cancelled':
        return conflict('This import was cancelled. Upload the file again.');
      default:
        return conflict('This import cannot do that now; reload and try again.');
    }
  }

  // ── Upload ──────────────────────────────────────────────────────────────────────────────────────────

  // The upload's body is the file itself: its stream is kept for the handler instead of being parsed, so it goes to
  // disk as it arrives. Registered in a scope of its own, so no other route takes bodies this way.
  const uploads = new WeakMap<FastifyRequest, Readable>();
  void app.register(async (scope) => {
    scope.addContentTypeParser('*', (req, payload, done) => {
      uploads.set(req, payload as Readable);
      done(null);
    });
    scope.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>().post(
      '/deals/imports',
      {
        schema: {
          tags,
          summary:
            'Upload a deal export (admins and leaders): the raw file as the body (Content-Type text/csv, application/vnd.ms-excel or application/octet-stream), its name in ?filename=. ' +
            'The file is streamed to disk up to the configured limit (413 above it), then checked in the background: answers 202 with the import; poll GET /deals/imports/{id} for its progress.',
          querystring: UploadQuery,
          consumes: [...FILE_TYPES],
          response: { 202: ImportView, 400: ErrorView, 403: ErrorView, 413: ErrorView, 415: ErrorView },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        mayImport(actor);
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const body = uploads.get(req);
        if (type === 'multipart/form-data') {
          throw new AppError('unsupported_media_type', 'Send the file itself as the request body (Content-Type: text/csv), not as a form upload.');
        }
        if (!FILE_TYPES.has(type)) {
          throw new AppError('unsupported_media_type', `Send the file itself as the request body with Content-Type text/csv (or application/octet-stream)${type ? `, not ${type}` : ''}.`);
        }
        const declared = Number(req.headers['content-length']);
        if (Number.isFinite(declared) && declared > config.importMaxBytes) {
          // Refused before a byte is read; the connection closes so the rest of a large upload is not read either.
          void reply.header('connection', 'close');
          throw tooLarge(config.importMaxBytes);
        }
        if (!body) throw badRequest('The file is empty. Export the deals from your CRM again (with the header row and at least one deal) and upload that file.');
        const id = newId();
        const filename = basename(req.query.filename.replaceAll('\\', '/')) || 'deals.csv';
        let stored;
        try {
          stored = await storeUpload(body, join(config.uploadsDir, 'deal-imports'), `${id}.csv`, config.importMaxBytes);
        } catch (err) {
          if (err instanceof AppError) {
            if (err.code === 'payload_too_large') void reply.header('connection', 'close');
            throw err;
          }
          // The client went away mid-upload (or the disk refused): nothing was kept, and nobody is left to answer.
          req.log.warn({ err }, 'a deal import upload ended early');
          throw badRequest('The upload ended before the whole file arrived; nothing was kept. Upload the file again.');
        }
        try {
          await db.transaction(async (tx) => {
            await createImport(tx, { id, status: 'validating', workspaceId: actor.workspaceId, filename, bytesTotal: stored.bytes, createdBy: actor.memberId });
            await audit(tx, actor, 'deal_import.uploaded', 'deal_import', id, null, { filename, bytes: stored.bytes });
          });
        } catch (err) {
          await removeFile(id);
          throw err;
        }
        startValidation(id);
        return reply.code(202).send(await view(actor, id));
      },
    );
  });

  // ── Reading imports ─────────────────────────────────────────────────────────────────────────────────

  app.get(
    '/deals/imports',
    { schema: { tags, summary: "The workspace's imports, newest first, a page at a time, each with its status, counts and progress.", querystring: ImportListQuery, response: { 200: ImportPageView, 400: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const page = await pageImports(k, actor.workspaceId, req.query);
      const rows = await Promise.all(page.items.map((r) => resumeIfStalled(r)));
      return { items: await presentImports(k, actor.workspaceId, rows), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/deals/fields',
    { schema: { tags, summary: 'The fields a deal import fills, with their labels, which are required, and what each holds (the rows of the column-mapping step), and the largest file an upload may be.', response: { 200: FieldsView } }, config: { readCache: true } },
    async () => ({ fields: dealFieldViews(), maxUploadBytes: config.importMaxBytes }),
  );

  app.get(
    '/deals/imports/:id',
    {
      schema: {
        tags,
        summary: 'One import: its status and progress (bytesDone of bytesTotal while it is checked; poll every second or so), what was recognised, the counts, and the owners no member matched.',
        params: ImportIdParams,
        response: { 200: ImportView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await importOf(actor, req.params.id);
      const shown = await presentImport(k, actor.workspaceId, row);
      // The mapping step shows a sample of each column; only then is the file's head read.
      if (row.status === 'needs_mapping') shown.samples = await headerSamples(fileOf(row.id), row.encoding, row.delimiter);
      return shown;
    },
  );

  app.get(
    '/deals/imports/:id/errors',
    {
      schema: {
        tags,
        summary: "The import's error report, a page at a time in row order: row (as a spreadsheet numbers it), column and what was wrong.",
        params: ImportIdParams,
        querystring: ImportErrorsQuery,
        response: { 200: ImportErrorsPageView, 400: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const row = await importOf(actor, req.params.id);
      const page = await pageImportErrors(k, actor.workspaceId, row.id, req.query);
      return { ...presentPage(page, presentImportError), total: await countImportErrors(k, actor.workspaceId, row.id) };
    },
  );

  app.get(
    '/deals/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary: "The import's error report as a CSV download (Row, Column, Problem), streamed in row order; formula-like cells are prefixed with a quote.",
        params: ImportIdParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV, UTF-8, a header row then one row per error'), 404: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await importOf(actor, req.params.id);
      async function* lines() {
        yield csvRow(['Row', 'Column', 'Problem']);
        let cursor: string | undefined;
        do {
          const page = await pageImportErrors(k, actor.workspaceId, row.id, { limit: REPORT_BATCH, cursor });
          for (const e of page.items) yield csvRow([String(e.row_number), e.column_name ?? '', e.message]);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      const stem = row.filename.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N} ._-]+/gu, '').trim() || 'deals';
      const name = `${stem} - errors.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(Readable.from(lines()) as unknown as string);
    },
  );

  // ── Mapping the columns of a file whose header was not recognised ─────────────────────────────────────

  app.put(
    '/deals/imports/:id/mapping',
    {
      schema: {
        tags,
        summary:
          "Map the file's columns to Lockstep's fields (admins and leaders), for a file whose header was not recognised or was recognised wrongly; savePreset also keeps the mapping under a name. The file is checked again: answers 202, poll the import.",
        params: ImportIdParams,
        body: MappingInput,
        response: { 202: ImportView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await importOf(actor, req.params.id);
      mayImport(actor);
      if (row.status !== 'needs_mapping' && row.status !== 'validated') throw notNow(row, 'map');
      const headers = (await presentImport(k, actor.workspaceId, row)).headers;
      const mapping = checkMapping(req.body.mapping, headers);
      const presetName = req.body.savePreset;
      const presetTaken = `A preset named "${presetName ?? ''}" already exists; choose another name, or leave the name out to map without saving.`;
      try {
        await db.transaction(async (tx) => {
          const now = nowIso();
          const moved = await tx
            .updateTable('deal_imports')
            .set({ status: 'validating', mapping: JSON.stringify(mapping), format: 'mapped', error: null, bytes_done: 0, updated_at: now })
            .where('id', '=', row.id)
            .where('workspace_id', '=', actor.workspaceId)
            .where('status', '=', row.status)
            .executeTakeFirst();
          if (Number(moved.numUpdatedRows) !== 1) throw conflict('Someone else changed this import at the same moment; reload and try again.');
          await audit(tx, actor, 'deal_import.mapped', 'deal_import', row.id, row.mapping ? { mapping: JSON.parse(row.mapping) as unknown } : null, { filename: row.filename, mapping });
          if (presetName) {
            const taken = await tx.selectFrom('deal_column_presets').select('id').where('workspace_id', '=', actor.workspaceId).where('name', '=', presetName).executeTakeFirst();
            if (taken) throw conflict(presetTaken);
            const presetId = newId();
            await tx.insertInto('deal_column_presets').values({ id: presetId, workspace_id: actor.workspaceId, name: presetName, mapping: JSON.stringify(mapping), created_by: actor.memberId, created_at: now }).execute();
            await audit(tx, actor, 'deal_column_preset.created', 'deal_column_preset', presetId, null, { name: presetName, mapping });
          }
        });
      } catch (err) {
        if (isLostRace(err)) throw conflict(presetName ? presetTaken : 'Someone else changed this import at the same moment; reload and try again.');
        throw err;
      }
      startValidation(row.id);
      return reply.code(202).send(await view(actor, row.id));
    },
  );

  // ── Commit and cancel ───────────────────────────────────────────────────────────────────────────────

  app.post(
    '/deals/imports/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Write the checked rows (admins and leaders): valid_rows imports the valid rows and skips the rest; all_or_nothing imports nothing while any row has an error (409). Runs in the background: answers 202, poll the import until it is done. A second commit answers 409.',
        params: ImportIdParams,
        body: CommitInput,
        response: { 202: ImportView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await importOf(actor, req.params.id);
      mayImport(actor);
      const { mode } = req.body;
      if (row.status !== 'validated') throw notNow(row, 'commit');
      if (mode === 'all_or_nothing' && row.rows_invalid > 0) {
        const n = row.rows_invalid;
        throw conflict(`${n.toLocaleString('en-US')} ${n === 1 ? 'row has' : 'rows have'} errors, so nothing was imported. Fix them in the file and upload it again, or import the ${row.rows_valid.toLocaleString('en-US')} valid rows and skip the rest.`);
      }
      if (row.rows_valid === 0) throw conflict('No row of this file is valid, so there is nothing to import. Download the error report, fix the file and upload it again.');
      await db.transaction(async (tx) => {
        const moved = await tx
          .updateTable('deal_imports')
          .set({ status: 'importing', mode, updated_at: nowIso() })
          .where('id', '=', row.id)
          .where('workspace_id', '=', actor.workspaceId)
          .where('status', '=', 'validated')
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw conflict('This import is already being committed (someone started it at the same moment); wait until it is done.');
        await audit(tx, actor, 'deal_import.committed', 'deal_import', row.id, null, { filename: row.filename, mode, rowsValid: row.rows_valid, rowsInvalid: row.rows_invalid });
      });
      startCommit(row.id, mode);
      return reply.code(202).send(await view(actor, row.id));
    },
  );

  app.delete(
    '/deals/imports/:id',
    {
      schema: {
        tags,
        summary: 'Cancel an import before it is committed (admins and leaders): a check under way stops, the stored file is deleted; the import stays in the list as cancelled, with its error report.',
        params: ImportIdParams,
        response: { 200: ImportView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      let row = await importOf(actor, req.params.id);
      mayImport(actor);
      if (row.status === 'cancelled' || row.status === 'failed') return view(actor, row.id);
      if (row.status === 'importing' || row.status === 'done') throw notNow(row, 'cancel');
      if (row.status === 'validating') {
        if (runner.running(row.id) === null) throw conflict('The file is being checked by another server right now; try again in a moment.');
        await runner.cancel(row.id);
        row = (await getImport(k, actor.workspaceId, row.id)) ?? row;
      }
      const from = row.status;
      await db.transaction(async (tx) => {
        const now = nowIso();
        const moved = await tx
          .updateTable('deal_imports')
          .set({ status: 'cancelled', updated_at: now, finished_at: now })
          .where('id', '=', row.id)
          .where('workspace_id', '=', actor.workspaceId)
          // A check the cancel stopped is marked cancelled by the engine already.
          .where('status', 'in', ['validating', 'needs_mapping', 'validated', 'failed', 'cancelled'])
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) !== 1) throw conflict('Someone else changed this import at the same moment; reload and try again.');
        await audit(tx, actor, 'deal_import.cancelled', 'deal_import', row.id, { filename: row.filename, status: from }, null);
      });
      await removeFile(row.id);
      return view(actor, row.id);
    },
  );

  // ── Column presets ──────────────────────────────────────────────────────────────────────────────────

  app.get(
    '/deals/column-presets',
    { schema: { tags, summary: 'Saved column mappings, by name, a page at a time: apply one to a file whose header was not recognised.', querystring: PresetListQuery, response: { 200: PresetPageView, 400: ErrorView } }, config: { readCache: true } },
    async (req) => {
      const actor = actorOf(req);
      return presentPage(await pagePresets(k, actor.workspaceId, req.query), presentPreset);
    },
  );

  app.post(
    '/deals/column-presets',
    { schema: { tags, summary: 'Save a column mapping under a name (admins and leaders).', body: PresetInput, response: { 201: PresetView, 400: ErrorView, 403: ErrorView, 409: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      mayImport(actor);
      const mapping = checkMapping(req.body.mapping, null);
      const id = newId();
      const taken = `A preset named "${req.body.name}" already exists; choose another name.`;
      try {
        await db.transaction(async (tx) => {
          const same = await tx.selectFrom('deal_column_presets').select('id').where('workspace_id', '=', actor.workspaceId).where('name', '=', req.body.name).executeTakeFirst();
          if (same) throw conflict(taken);
          await tx.insertInto('deal_column_presets').values({ id, workspace_id: actor.workspaceId, name: req.body.name, mapping: JSON.stringify(mapping), created_by: actor.memberId, created_at: nowIso() }).execute();
          await audit(tx, actor, 'deal_column_preset.created', 'deal_column_preset', id, null, { name: req.body.name, mapping });
        });
      } catch (err) {
        if (isLostRace(err)) throw conflict(taken);
        throw err;
      }
      const preset = await getPreset(k, actor.workspaceId, id);
      if (!preset) throw notFound('Preset');
      return reply.code(201).send(presentPreset(preset));
    },
  );

  app.delete(
    '/deals/column-presets/:id',
    { schema: { tags, summary: 'Delete a saved column mapping (admins and leaders).', params: PresetIdParams, response: { 200: z.object({ ok: z.literal(true) }), 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const preset = await getPreset(k, actor.workspaceId, req.params.id);
      if (!preset) throw notFound('Preset');
      mayImport(actor);
      await db.transaction(async (tx) => {
        const gone = await tx.deleteFrom('deal_column_presets').where('id', '=', preset.id).where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
        if (Number(gone.numDeletedRows) !== 1) throw notFound('Preset');
        await audit(tx, actor, 'deal_column_preset.deleted', 'deal_column_preset', preset.id, { name: preset.name }, null);
      });
      return { ok: true as const };
    },
  );

  // ── Owner mappings ──────────────────────────────────────────────────────────────────────────────────

  app.get(
    '/deals/owner-mappings',
    {
      schema: { tags, summary: 'Remembered owner mappings, by owner name: an exported owner name that no member matched, and the member it means in every import since.', querystring: OwnerMappingQuery, response: { 200: OwnerMappingPageView, 400: ErrorView } },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentPage(await pageOwnerMappings(k, actor.workspaceId, req.query), presentOwnerMapping);
    },
  );

  app.put(
    '/deals/owner-mappings',
    {
      schema: {
        tags,
        summary:
          "Map exported owner names to members of this workspace (admins and leaders), by member id or by the member's email; remembered for every import after. memberId null forgets a mapping. A member of another workspace is refused.",
        body: OwnerMappingsInput,
        response: { 200: OwnerMappingsResult, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      mayImport(actor);
      const entries = req.body.mappings.map((m) => ({ ...m, key: ownerKey(m.ownerName) }));
      const seen = new Set<string>();
      for (const e of entries) {
        if (seen.has(e.key)) throw badRequest(`The owner "${e.ownerName}" is mapped twice in one request; map each owner once.`);
        seen.add(e.key);
      }
      // Only members of this workspace (not deactivated) may own deals: another workspace's id or email finds nothing here.
      const ids = entries.flatMap((e) => (e.memberId ? [e.memberId] : []));
      const emails = entries.flatMap((e) => (e.memberId === undefined && e.email ? [e.email.toLowerCase()] : []));
      const byId = new Map<string, string>();
      const byEmail = new Map<string, string>();
      if (ids.length > 0) {
        const rows = await k.selectFrom('members').select('id').where('workspace_id', '=', actor.workspaceId).where('active', '=', 1).where('id', 'in', ids).execute();
        for (const r of rows) byId.set(r.id, r.id);
      }
      if (emails.length > 0) {
        const rows = await k
          .selectFrom('members')
          .innerJoin('users', 'users.id', 'members.user_id')
          .select(['members.id', 'users.email'])
          .where('members.workspace_id', '=', actor.workspaceId)
          .where('members.active', '=', 1)
          .where('users.email', 'in', emails)
          .execute();
        for (const r of rows) byEmail.set(r.email.toLowerCase(), r.id);
      }
      const resolved = entries.map((e) => {
        if (e.memberId === null) return { ...e, memberId: null };
        const memberId = e.memberId ? byId.get(e.memberId) : byEmail.get((e.email ?? '').toLowerCase());
        if (!memberId) {
          const who = e.memberId ? 'The member chosen' : `"${e.email ?? ''}"`;
          throw badRequest(`${who} for the owner "${e.ownerName}" is not an active member of this workspace; choose one of its members.`, [{ path: 'body.mappings', message: 'must be an active member of this workspace' }]);
        }
        return { ...e, memberId };
      });
      let saved = 0;
      let removed = 0;
      await db.transaction(async (tx) => {
        const now = nowIso();
        for (const e of resolved) {
          const before = await tx.selectFrom('deal_owner_mappings').select('member_id').where('workspace_id', '=', actor.workspaceId).where('owner_key', '=', e.key).executeTakeFirst();
          if (e.memberId === null) {
            if (!before) continue;
            await tx.deleteFrom('deal_owner_mappings').where('workspace_id', '=', actor.workspaceId).where('owner_key', '=', e.key).execute();
            await audit(tx, actor, 'deal_owner_mapping.removed', 'deal_owner_mapping', e.key, { ownerName: e.key, memberId: before.member_id }, null);
            removed++;
            continue;
          }
          if (before?.member_id === e.memberId) continue;
          await tx
            .insertInto('deal_owner_mappings')
            .values({ workspace_id: actor.workspaceId, owner_key: e.key, member_id: e.memberId, created_at: now })
            .onConflict((oc) => oc.columns(['workspace_id', 'owner_key']).doUpdateSet({ member_id: e.memberId, created_at: now }))
            .execute();
          await audit(tx, actor, 'deal_owner_mapping.set', 'deal_owner_mapping', e.key, before ? { ownerName: e.key, memberId: before.member_id } : null, { ownerName: e.key, memberId: e.memberId });
          saved++;
        }
      });
      return { saved, removed };
    },
  );
}
