// Workspace settings (SPEC S0): name, time zone, week start, fiscal quarter start, holidays, pain threshold.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { actorOf } from '../../../server/auth.js';
import { badRequest, forbidden, notFound } from '../../../server/errors.js';
import { localDateOf } from '../../../shared/calendar/index.js';
import { nowIso } from '../../../server/ids.js';
import { holidayProblems } from '../domain/holiday-problems.js';
import { canManageWorkspace } from '../policies.js';
import { presentWorkspace } from '../presenters.js';
import { WorkspaceSettingsInput, WorkspaceView } from '../schemas.js';
import { getWorkspace } from '../store.js';

const tags = ['workspace'];

export function registerSettingsRoutes(app: Server, { db }: AppContext): void {
  app.get(
    '/workspace',
    { schema: { tags, summary: 'The current workspace and its settings.', response: { 200: WorkspaceView } } },
    async (req) => {
      const ws = await getWorkspace(db.kysely, actorOf(req).workspaceId);
      if (!ws) throw notFound('Workspace');
      return presentWorkspace(ws);
    },
  );

  app.patch(
    '/workspace',
    {
      schema: { tags, summary: 'Change workspace settings (admins).', body: WorkspaceSettingsInput, response: { 200: WorkspaceView, 400: ErrorView, 403: ErrorView } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canManageWorkspace(actor)) throw forbidden('Only admins change workspace settings.');
      const b = req.body;
      return db.transaction(async (tx) => {
        const before = await getWorkspace(tx, actor.workspaceId);
        if (!before) throw notFound('Workspace');
        const patch: Record<string, string | number> = {};
        if (b.name !== undefined) patch.name = b.name;
        if (b.timeZone !== undefined) patch.time_zone = b.timeZone;
        if (b.weekStart !== undefined) patch.week_start = b.weekStart;
        if (b.fiscalYearStartMonth !== undefined) patch.fiscal_year_start_month = b.fiscalYearStartMonth;
        if (b.painThreshold !== undefined) patch.pain_threshold = b.painThreshold;
        if (b.holidays !== undefined) {
          const today = localDateOf(new Date(), b.timeZone ?? before.time_zone);
          const problems = holidayProblems(b.holidays, today, presentWorkspace(before).holidays.map((h) => h.date));
          if (problems.length > 0) throw badRequest(problems.map((p) => p.message).join(' '), problems);
          const sorted = [...b.holidays].sort((x, y) => x.date.localeCompare(y.date));
          patch.holidays = JSON.stringify(sorted);
        }
        if (Object.keys(patch).length === 0) return presentWorkspace(before);
        await tx.updateTable('workspaces').set({ ...patch, updated_at: nowIso() }).where('id', '=', actor.workspaceId).execute();
        const after = await getWorkspace(tx, actor.workspaceId);
        if (!after) throw notFound('Workspace');
        const beforeView = presentWorkspace(before);
        const afterView = presentWorkspace(after);
        const changed = Object.keys(b) as Array<keyof typeof beforeView>;
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: 'workspace.settings_changed',
          entityType: 'workspace',
          entityId: actor.workspaceId,
          // Only what the request changed, before → after (a field sent with its old value is not a change).
          ...changedFields(
            Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
            Object.fromEntries(changed.map((key) => [key, afterView[key]])),
          ),
        });
        return afterView;
      });
    },
  );
}
