// Reading deal imports, their row errors, column presets and owner mappings, always within the actor's workspace
// (a foreign id finds nothing, answered 404 by the routes), and shaping them for the API.
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../../db/database.js';
import { memberName } from '../../../db/member-name.js';
import { newestFirst, paginate } from '../../../server/pagination.js';
import type { PageQuery } from '../../../shared/page.js';
import { presentImportRow } from '../import/engine.js';
import type { ImportView, OwnerMappingView, PresetView } from './schemas.js';


/** The trimmed, lower-cased owner name remembered mappings are keyed by (deal_owner_mappings.owner_key). */
export const ownerKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text === null || text === undefined || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const selectImport = (db: Db) =>
  db
    .selectFrom('deal_imports')
    .leftJoin('members', 'members.id', 'deal_imports.created_by')
    .leftJoin('users', 'users.id', 'members.user_id')
    .selectAll('deal_imports')
    .select(memberName.as('created_by_name'));

export type ImportRow = Awaited<ReturnType<ReturnType<typeof selectImport>['executeTakeFirstOrThrow']>>;

export async function getImport(db: Db, workspaceId: string, id: string): Promise<ImportRow | undefined> {
  return selectImport(db).where('deal_imports.workspace_id', '=', workspaceId).where('deal_imports.id', '=', id).executeTakeFirst();
}

export async function pageImports(db: Db, workspaceId: string, page: PageQuery) {
  return paginate(selectImport(db).where('deal_imports.workspace_id', '=', workspaceId), page, {
    scope: ['deal-imports', workspaceId],
    order: newestFirst('deal_imports.created_at', 'deal_imports.id'),
    key: (r) => [r.created_at, r.id],
  });
}

/** The owner keys this workspace has mapped, of the names given (to drop those mapped since the file was checked). */
export async function mappedOwnerKeys(db: Db, workspaceId: string, names: readonly string[]): Promise<Set<string>> {
  const keys = [...new Set(names.map(ownerKey))];
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('deal_owner_mappings').select('owner_key').where('workspace_id', '=', workspaceId).where('owner_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.owner_key));
}

/** The engine's summary of each import (its counts, headers, mapping, unmatched owners), with what the API adds. */
export async function presentImports(db: Db, workspaceId: string, rows: readonly ImportRow[]): Promise<Array<z.infer<typeof ImportView>>> {
  const summaries = rows.map((row) => presentImportRow(row));
  // Owners mapped since the file was checked are matched at commit: they are no longer listed.
  const mapped = await mappedOwnerKeys(db, workspaceId, summaries.flatMap((s) => s.unmatchedOwners.map((o) => o.name)));
  return rows.map((row, i) => {
    const { encoding: _encoding, dateOrder: _dateOrder, ...summary } = summaries[i]!;
    return {
      ...summary,
      format: (summary.format as 'hubspot' | 'salesforce' | 'mapped' | null) ?? null,
      mapping: summary.mapping as Record<string, string> | null,
      mode: (row.mode as 'all_or_nothing' | 'valid_rows' | null) ?? null,
      samples: {},
      unmatchedOwners: summary.unmatchedOwners.filter((o) => !mapped.has(ownerKey(o.name))),
      createdBy: row.created_by && row.created_by_name ? { id: row.created_by, name: row.created_by_name } : null,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      finishedAt: row.finished_at,
    };
  });
}

export async function presentImport(db: Db, workspaceId: string, row: ImportRow): Promise<z.infer<typeof ImportView>> {
  const [view] = await presentImports(db, workspaceId, [row]);
  return view!;
}

export async function pageImportErrors(db: Db, workspaceId: string, importId: string, page: PageQuery) {
  return paginate(
    db.selectFrom('deal_import_errors').select(['id', 'row_number', 'column_name', 'message']).where('workspace_id', '=', workspaceId).where('import_id', '=', importId),
    page,
    {
      scope: ['deal-import-errors', workspaceId, importId],
      order: [
        { by: sql.ref('row_number'), dir: 'asc', type: 'number' },
        { by: sql.ref('id'), dir: 'asc', type: 'string' },
      ],
      key: (r) => [r.row_number, r.id],
    },
  );
}

export async function countImportErrors(db: Db, workspaceId: string, importId: string): Promise<number> {
  const r = await db
    .selectFrom('deal_import_errors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .where('import_id', '=', importId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export const presentImportError = (e: { row_number: number; column_name: string | null; message: string }) => ({ row: e.row_number, column: e.column_name, message: e.message });

// ── Column presets ────────────────────────────────────────────────────────────────────────────────────

const selectPreset = (db: Db) =>
  db
    .selectFrom('deal_column_presets')
    .leftJoin('members', 'members.id', 'deal_column_presets.created_by')
    .leftJoin('users', 'users.id', 'members.user_id')
    .selectAll('deal_column_presets')
    .select(memberName.as('created_by_name'));

type PresetRow = Awaited<ReturnType<ReturnType<typeof selectPreset>['executeTakeFirstOrThrow']>>;

export async function getPreset(db: Db, workspaceId: string, id: string): Promise<PresetRow | undefined> {
  return selectPreset(db).where('deal_column_presets.workspace_id', '=', workspaceId).where('deal_column_presets.id', '=', id).executeTakeFirst();
}

export async function pagePresets(db: Db, workspaceId: string, page: PageQuery) {
  return paginate(selectPreset(db).where('deal_column_presets.workspace_id', '=', workspaceId), page, {
    scope: ['deal-column-presets', workspaceId],
    order: [
      { by: sql.ref('deal_column_presets.name'), dir: 'asc', type: 'string' },
      { by: sql.ref('deal_column_presets.id'), dir: 'asc', type: 'string' },
    ],
    key: (r) => [r.name, r.id],
  });
}

export const presentPreset = (p: PresetRow): z.infer<typeof PresetView> => ({
  id: p.id,
  name: p.name,
  mapping: parseJson<Record<string, string>>(p.mapping, {}),
  createdBy: p.created_by && p.created_by_name ? { id: p.created_by, name: p.created_by_name } : null,
  createdAt: p.created_at,
});

// ── Owner mappings ───────────────────────────────────────────────────────────────────────────────────

export async function pageOwnerMappings(db: Db, workspaceId: string, page: PageQuery) {
  const q = db
    .selectFrom('deal_owner_mappings')
    .innerJoin('members', 'members.id', 'deal_owner_mappings.member_id')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['deal_owner_mappings.owner_key', 'deal_owner_mappings.member_id', 'deal_owner_mappings.created_at', 'users.email'])
    .select(memberName.as('member_name'))
    .where('deal_owner_mappings.workspace_id', '=', workspaceId)
    .where('members.workspace_id', '=', workspaceId);
  return paginate(q, page, {
    scope: ['deal-owner-mappings', workspaceId],
    order: [{ by: sql.ref('deal_owner_mappings.owner_key'), dir: 'asc', type: 'string' }],
    key: (r) => [r.owner_key],
  });
}

export const presentOwnerMapping = (r: { owner_key: string; member_id: string; member_name: string; email: string; created_at: string }): z.infer<typeof OwnerMappingView> => ({
  ownerName: r.owner_key,
  member: { id: r.member_id, name: r.member_name, email: r.email },
  createdAt: r.created_at,
});
