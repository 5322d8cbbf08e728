// The full workspace export and its re-import (SPEC S7; docs/decisions/037): admins only, both audited.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { forbidden } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { canManageWorkspace } from '../policies.js';
import { exportWorkspace, EXPORT_FORMAT, EXPORT_VERSION } from './export-workspace.js';
import { importWorkspace } from './import-workspace.js';
import { EXCLUDED, NOT_WORKSPACE_DATA } from './workspace-tables.js';

const tags = ['workspace'];
/** The largest document the import takes: a large demo workspace exports to some tens of MB. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

const left = `Never in it: ${Object.values(EXCLUDED).join('; ')}; and what belongs to no workspace (${NOT_WORKSPACE_DATA.join(', ')}: password hashes, rate limits, read versions, job runs). People appear by name and email only.`;

const ImportedView = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  rows: z.number().int().describe('Rows written'),
  invited: z.array(z.object({ name: z.string(), email: z.string(), setupUrl: z.string() })).describe('Every member but you, invited to take their place, with their single-use link (shown only now)'),
});

export function registerWorkspaceDocumentRoutes(app: Server, { db, config }: AppContext): void {
  app.get(
    '/workspace/export',
    {
      schema: {
        tags,
        summary: 'Everything in the workspace as one JSON document (admins; audited), streamed.',
        description: `Format "${EXPORT_FORMAT}", version ${EXPORT_VERSION}: { format, version, exportedAt, instance, workspace, tables: { <table>: [rows…] }, people: [{ member, name, email }] }. Every table with a workspace_id is in it, found from the database, so rooms added later are too. ${left}`,
        produces: ['application/json'],
        response: { 200: z.string().describe('The document, JSON'), 403: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageWorkspace(actor)) throw forbidden('Only admins export the workspace.');
      const exportedAt = nowIso();
      await recordAudit(db.kysely, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'workspace.exported', entityType: 'workspace', entityId: actor.workspaceId, after: { exportedAt } });
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="lockstep-workspace-${exportedAt.slice(0, 10)}.json"`)
        .send(Readable.from(exportWorkspace(db, actor.workspaceId, { instance: config.publicUrl, exportedAt })) as unknown as string);
    },
  );

  app.post(
    '/workspace/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: 'Create a NEW workspace from an export (admins of the current workspace): fresh ids throughout, owned by you; every other member is invited to take their place.',
        description: `The body is a document from GET /workspace/export (this or another Lockstep), up to ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Every id is new and every reference is remapped; a reference to something not in the document, a table or column this Lockstep does not know, or another format version is refused with 400 and nothing is written. Members are never joined to an existing account by their email: each is invited as POST /members invites, and accepts through the link (or their workspace menu, if they already use Lockstep).`,
        body: z.unknown(),
        response: { 201: ImportedView, 400: ErrorView, 403: ErrorView, 413: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageWorkspace(actor)) throw forbidden('Only admins import a workspace.');
      const me = await db.kysely.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirstOrThrow();
      const result = await importWorkspace(db, { ...actor, email: me.email }, req.body, config.publicUrl);
      return reply.code(201).send(result);
    },
  );
}
