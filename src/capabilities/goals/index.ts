// Published goals — strategy ONE (SPEC S1).
import type { Capability } from '../../server/capability.js';
import { kpiAgendaSection } from './agenda.js';
import { goalsAuditDescriber } from './audit-descriptions.js';
import { seedGoalsDemo } from './demo.js';
import { goalsDigestSections } from './digest.js';
import { goalsGettingStarted } from './getting-started.js';
import { registerAlignmentRoutes } from './routes/alignment.js';
import { registerKpiRoutes } from './routes/kpis.js';
import { registerKpiValueImportRoutes } from './routes/kpi-value-import.js';
import { registerGoalsExportRoutes } from './routes/exports.js';
import { registerPublicationRoutes } from './routes/publications.js';
import { goalsSignals } from './signals.js';
import { goalsTodos } from './todos.js';
import { goalsWinCandidates } from './win-candidates.js';

export const goals: Capability = {
  name: 'goals',
  register(app, ctx) {
    registerKpiRoutes(app, ctx);
    registerPublicationRoutes(app, ctx);
    registerAlignmentRoutes(app, ctx);
    registerKpiValueImportRoutes(app, ctx);
    registerGoalsExportRoutes(app, ctx);
  },
  agendaSections: (ctx) => [kpiAgendaSection(ctx.db.kysely)],
  alignmentSignals: (ctx) => [goalsSignals(ctx.db.kysely)],
  digestSections: (ctx) => goalsDigestSections(ctx.db.kysely),
  todos: (ctx) => [goalsTodos(ctx.db.kysely)],
  auditDescribers: (ctx) => [goalsAuditDescriber(ctx.db.kysely)],
  gettingStarted: (ctx) => [goalsGettingStarted(ctx.db.kysely)],
  winCandidates: (ctx) => [goalsWinCandidates(ctx.db.kysely)],
  seedDemo: seedGoalsDemo,
};
