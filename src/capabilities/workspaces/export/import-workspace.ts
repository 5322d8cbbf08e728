// Re-import of a workspace export into a NEW workspace (SPEC S7; docs/decisions/037). Every id is new and every
// reference is remapped with it: the id columns and the columns the schema declares as references directly (a
// reference to an id the document does not hold is refused), and ids quoted inside text (an audit entry's record, a
// publication's snapshot, a `custom:<id>` kind key) token by token. The importer owns the new workspace; every other
// member comes back as POST /members makes one: invited, waiting for the person to accept (an existing account is
// never joined to it by its email), with a fresh single-use link. One transaction: all of it, or nothing.
import type { Kysely } from 'kysely';
import type { Database, Tx } from '../../../db/database.js';
import { insertInChunks } from '../../../db/insert-in-chunks.js';
import { recordAudit } from '../../../server/audit.js';
import type { Actor } from '../../../server/auth.js';
import { AppError } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { isValidTimeZone } from '../../../shared/calendar/index.js';
import { findUserByEmail, insertInvite, insertUser } from '../store.js';
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-workspace.js';
import { workspaceTables, type TableInfo } from './workspace-tables.js';

type Row = Record<string, unknown>;
type AnyTx = Kysely<Record<string, Record<string, unknown>>>;

export interface ImportResult {
  workspace: { id: string; name: string };
  rows: number;
  /** Everyone but the importer, with the link that lets them take their place (shown once). */
  invited: Array<{ name: string; email: string; setupUrl: string }>;
}

const refuse = (message: string, details?: unknown) => new AppError('validation_failed', message, details);
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An id-like token inside text: UUIDs and the product's other ids (`mtg-…`), split on anything else (`custom:<id>`). */
const TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]{7,}/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkType(table: string, index: number, col: TableInfo['columns'][number], value: unknown): void {
  const at = `Row ${index + 1} of ${table}`;
  if (value === null || value === undefined) {
    if (!col.nullable) throw refuse(`${at} has no ${col.name}, which every row needs.`, [{ path: `tables.${table}.${index}.${col.name}` }]);
    return;
  }
  const ok = col.kind === 'text' ? typeof value === 'string' : col.kind === 'integer' ? Number.isSafeInteger(value) : typeof value === 'number' && Number.isFinite(value);
  if (!ok) throw refuse(`${at}: ${col.name} must be ${col.kind === 'text' ? 'text' : col.kind === 'integer' ? 'a whole number' : 'a number'}.`, [{ path: `tables.${table}.${index}.${col.name}` }]);
}

/** Checks the document's shape and answers its parts; every refusal names what is wrong. */
function readDocument(doc: unknown, tables: TableInfo[]) {
  if (!isObject(doc) || doc.format !== EXPORT_FORMAT) throw refuse('This is not a Lockstep workspace export: its "format" is not lockstep.workspace-export.');
  if (doc.version !== EXPORT_VERSION) throw refuse(`This export is format version ${JSON.stringify(doc.version)}; this Lockstep reads version ${EXPORT_VERSION}. Export it again from a Lockstep of the same version.`);
  const ws = doc.workspace;
  if (!isObject(ws) || typeof ws.id !== 'string' || typeof ws.name !== 'string' || ws.name.trim().length < 1 || ws.name.length > 120) throw refuse('The export has no workspace with an id and a name.');
  if (typeof ws.time_zone !== 'string' || !isValidTimeZone(ws.time_zone)) throw refuse("The workspace's time zone is not one Lockstep knows.");
  if (!Number.isInteger(ws.week_start) || (ws.week_start as number) < 0 || (ws.week_start as number) > 6) throw refuse("The workspace's week start must be a day from 0 (Sunday) to 6.");
  if (!Number.isInteger(ws.fiscal_year_start_month) || (ws.fiscal_year_start_month as number) < 1 || (ws.fiscal_year_start_month as number) > 12) throw refuse("The workspace's fiscal year start must be a month from 1 to 12.");
  if (!isObject(doc.tables)) throw refuse('The export has no tables.');
  const known = new Map(tables.map((t) => [t.name, t]));
  for (const name of Object.keys(doc.tables)) {
    if (!known.has(name)) throw refuse(`The export has a table "${name.slice(0, 60)}" this Lockstep does not know (it may come from a newer version, or hold something that is never imported).`);
  }
  const rowsByTable = new Map<string, Row[]>();
  for (const t of tables) {
    const rows = (doc.tables as Row)[t.name] ?? [];
    if (!Array.isArray(rows)) throw refuse(`The export's ${t.name} must be a list of rows.`);
    const columns = new Map(t.columns.map((c) => [c.name, c]));
    rows.forEach((r: unknown, i) => {
      if (!isObject(r)) throw refuse(`Row ${i + 1} of ${t.name} is not an object.`);
      for (const key of Object.keys(r)) if (!columns.has(key)) throw refuse(`Row ${i + 1} of ${t.name} has a column "${key.slice(0, 60)}" the table does not have.`);
      if (r.workspace_id !== ws.id) throw refuse(`Row ${i + 1} of ${t.name} belongs to another workspace than the one exported.`);
      for (const col of t.columns) checkType(t.name, i, col, r[col.name]);
    });
    rowsByTable.set(t.name, rows as Row[]);
  }
  const people = doc.people;
  if (!Array.isArray(people)) throw refuse('The export has no people: the name and email of each member.');
  const byMember = new Map<string, { email: string; name: string }>();
  const emails = new Set<string>();
  people.forEach((p: unknown, i) => {
    if (!isObject(p) || typeof p.member !== 'string' || typeof p.email !== 'string' || typeof p.name !== 'string' || !EMAIL.test(p.email) || p.email.length > 254 || p.name.trim() === '' || p.name.length > 120) {
      throw refuse(`Person ${i + 1} of the export needs a member id, a name and an email.`);
    }
    const email = p.email.toLowerCase();
    if (emails.has(email)) throw refuse(`${email} is in the export twice; a person is one member of a workspace.`);
    emails.add(email);
    byMember.set(p.member, { email, name: p.name.trim() });
  });
  for (const m of rowsByTable.get('members') ?? []) if (!byMember.has(String(m.id))) throw refuse('A member of the export has no person (name and email) in its people.');
  return { ws, rowsByTable, byMember, instance: typeof doc.instance === 'string' ? doc.instance.slice(0, 200) : null, exportedAt: typeof doc.exportedAt === 'string' ? doc.exportedAt.slice(0, 40) : null };
}

/** The statuses of a deal import that will not move again. */
const FINISHED_IMPORT = new Set(['done', 'failed', 'cancelled']);

export async function importWorkspace(db: Database, importer: Actor & { email: string }, doc: unknown, publicUrl: string): Promise<ImportResult> {
  const tables = await workspaceTables(db);
  const { ws, rowsByTable, byMember, instance, exportedAt } = readDocument(doc, tables);
  const workspaceId = newId();

  // Fresh ids for every row, per table (for references) and all together (for ids quoted inside text).
  const idsOf = new Map<string, Map<string, string>>();
  const anyId = new Map<string, string>([[String(ws.id), workspaceId]]);
  for (const t of tables) {
    const map = new Map<string, string>();
    if (t.hasId) {
      for (const r of rowsByTable.get(t.name) ?? []) {
        const old = String(r.id);
        if (map.has(old) || anyId.has(old)) throw refuse(`The id ${old.slice(0, 60)} is on two rows of the export; every row has its own.`);
        const fresh = newId();
        map.set(old, fresh);
        anyId.set(old, fresh);
      }
    }
    idsOf.set(t.name, map);
  }
  const retext = (text: string) => text.replace(TOKEN, (token) => anyId.get(token) ?? token);

  const position = new Map(tables.map((t, i) => [t.name, i]));
  return db.transaction(async (tx) => {
    const k = tx as unknown as AnyTx;
    const now = nowIso();
    await tx
      .insertInto('workspaces')
      .values({
        id: workspaceId,
        name: String(ws.name).trim(),
        time_zone: String(ws.time_zone),
        week_start: Number(ws.week_start),
        fiscal_year_start_month: Number(ws.fiscal_year_start_month),
        holidays: typeof ws.holidays === 'string' ? ws.holidays : '[]',
        pain_threshold: typeof ws.pain_threshold === 'number' ? ws.pain_threshold : 60,
        is_demo: ws.is_demo === 1 ? 1 : 0,
        created_at: typeof ws.created_at === 'string' ? ws.created_at : now,
        updated_at: typeof ws.updated_at === 'string' ? ws.updated_at : now,
      })
      .execute();

    // The people first: the importer takes their own place (or a new one); everyone else is invited.
    const userOf = new Map<string, string>();
    let importerMember: string | null = null;
    const invitedMembers: Array<{ member: string; email: string; name: string }> = [];
    for (const m of rowsByTable.get('members') ?? []) {
      const person = byMember.get(String(m.id))!;
      if (person.email === importer.email.toLowerCase()) {
        userOf.set(String(m.id), importer.userId);
        importerMember = idsOf.get('members')!.get(String(m.id))!;
        continue;
      }
      const user = (await findUserByEmail(tx, person.email)) ?? (await insertUser(tx, { email: person.email, name: person.name, passwordHash: null, timeZone: String(ws.time_zone), setupWorkspaceId: workspaceId }));
      userOf.set(String(m.id), user.id);
      invitedMembers.push({ member: idsOf.get('members')!.get(String(m.id))!, email: person.email, name: person.name });
    }

    let rowsWritten = 0;
    const later: Array<{ table: string; id: string; set: Row }> = [];
    for (const t of tables) {
      const own = position.get(t.name)!;
      const rows = (rowsByTable.get(t.name) ?? []).map((r, i) => {
        const out: Row = {};
        const deferred: Row = {};
        for (const col of t.columns) {
          const value = r[col.name];
          if (value === undefined) continue;
          const ref = t.references[col.name];
          if (col.name === 'id' && t.hasId) out.id = idsOf.get(t.name)!.get(String(value));
          else if (col.name === 'workspace_id') out.workspace_id = workspaceId;
          else if (ref === 'users') out[col.name] = value === null ? null : (userOf.get(String(r.id)) ?? null);
          else if (ref !== undefined && value !== null) {
            const fresh = idsOf.get(ref)?.get(String(value));
            if (!fresh) throw refuse(`Row ${i + 1} of ${t.name}: ${col.name} refers to a row of ${ref} that is not in the export.`, [{ path: `tables.${t.name}.${i}.${col.name}` }]);
            // A reference to a table written later (or to this one: a member's manager) is filled in once all rows are in.
            if ((position.get(ref) ?? -1) >= own) {
              out[col.name] = null;
              deferred[col.name] = fresh;
            } else out[col.name] = fresh;
          } else if (typeof value === 'string' && UUID.test(value) && !anyId.has(value)) {
            // An id the export does not hold (an audit entry's API token or invite, which are never exported; or,
            // in a hand-made document, another workspace's row): a new id that points nowhere, the same each time.
            anyId.set(value, newId());
            out[col.name] = anyId.get(value);
          } else out[col.name] = typeof value === 'string' ? retext(value) : value;
        }
        if (t.name === 'members') {
          const mine = out.id === importerMember;
          // The importer owns the workspace; the others wait for the person, showing the name the export gave.
          out.joined_at = mine ? (r.joined_at ?? now) : null;
          out.invited_name = mine ? (r.invited_name ?? null) : byMember.get(String(r.id))!.name;
          if (mine) {
            out.role = 'admin';
            out.active = 1;
          }
        }
        // A deal import not finished when the export was taken has no file here (it stayed behind): it ends failed,
        // with its error rows kept, rather than being picked up again without its file.
        if (t.name === 'deal_imports' && !FINISHED_IMPORT.has(String(out.status))) {
          out.status = 'failed';
          out.error = 'This import had not finished when the workspace was exported, and its file stayed behind: upload the file again to import it here.';
          out.finished_at = out.finished_at ?? now;
        }
        if (Object.keys(deferred).length > 0) {
          if (!t.hasId) throw refuse(`Rows of ${t.name} refer to rows written after them; this export cannot be imported.`);
          later.push({ table: t.name, id: String(out.id), set: deferred });
        }
        return out;
      });
      // A statement stays under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
      if (rows.length > 0) await insertInChunks(k as never, t.name as never, rows as never, Math.max(1, Math.floor(30_000 / t.columns.length)));
      rowsWritten += rows.length;
    }
    for (const u of later) await k.updateTable(u.table).set(u.set).where('id', '=', u.id).execute();

    if (!importerMember) {
      importerMember = newId();
      await tx.insertInto('members').values({ id: importerMember, workspace_id: workspaceId, user_id: importer.userId, role: 'admin', team: 'leadership', function: '', manager_id: null, key_player: 0, active: 1, joined_at: now, invited_name: null, created_at: now, updated_at: now }).execute();
    }
    const invited: ImportResult['invited'] = [];
    for (const m of invitedMembers) {
      const row = await tx.selectFrom('members').select(['role', 'team', 'function']).where('id', '=', m.member).executeTakeFirstOrThrow();
      const { token } = await insertInvite(tx as Tx, { workspaceId, email: m.email, role: row.role, team: row.team, function: row.function, createdBy: importerMember, expiresInDays: 7 });
      invited.push({ name: m.name, email: m.email, setupUrl: `${publicUrl}/invite/${token}` });
    }
    await recordAudit(tx, { workspaceId, actorMemberId: importerMember, action: 'workspace.imported', entityType: 'workspace', entityId: workspaceId, after: { from: instance, exportedAt, rows: rowsWritten, invited: invited.length } });
    return { workspace: { id: workspaceId, name: String(ws.name).trim() }, rows: rowsWritten, invited };
  });
}
