// The alignment score — SPEC S6 (issue 14): one number 0–100 and one per strategy, computed from every room's
// alignment signals with the workspace's weights, the reasons behind it and the next actions that would raise it;
// a weekly job keeps its history and sends each member the weekly digest; the check-in agenda lists its top to-dos.
import type { Capability } from '../../server/capability.js';
import type { AppContext } from '../../server/context.js';
import { alignmentAgendaSection } from './agenda.js';
import { alignmentAuditDescriber } from './audit.js';
import { seedAlignmentDemo } from './demo.js';
import { alignmentWeeklyJob } from './job.js';
import { registerAlignmentRoutes } from './routes.js';
import { AlignmentMemo, type AlignmentDeps } from './score-now.js';

/** One set of dependencies per app, so its routes and agenda section share one memo of the score now. */
const depsByApp = new WeakMap<AppContext, AlignmentDeps>();
function depsOf(ctx: AppContext): AlignmentDeps {
  let deps = depsByApp.get(ctx);
  if (!deps) {
    deps = { db: ctx.db.kysely, log: ctx.log, providers: () => ctx.alignmentSignals, memo: new AlignmentMemo() };
    depsByApp.set(ctx, deps);
  }
  return deps;
}

export const alignment: Capability = {
  name: 'alignment',
  register(app, ctx) {
    registerAlignmentRoutes(app, ctx, depsOf(ctx));
  },
  jobs: (ctx) => [alignmentWeeklyJob(ctx, depsOf(ctx))],
  agendaSections: (ctx) => [alignmentAgendaSection(depsOf(ctx))],
  auditDescribers: () => [alignmentAuditDescriber()],
  seedDemo: seedAlignmentDemo,
};
