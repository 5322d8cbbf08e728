// Pain-based messaging — strategy THREE (SPEC S3, issue 12): the pain library, sales evidence, the pain analyzer,
// marketing pieces with the sales sign-off gate, and coverage.
import type { Capability } from '../../server/capability.js';
import { messagingAgendaSection } from './agenda.js';
import { messagingDealCitations } from './deal-citations.js';
import { seedMessagingDemo } from './demo.js';
import { messagingDigestSection } from './digest.js';
import { messagingGettingStarted } from './getting-started.js';
import { painsAuditDescriber } from './pains/audit.js';
import { piecesAuditDescriber } from './pieces/audit.js';
import { registerAnalyzeRoutes } from './routes/analyze.js';
import { registerCoverageRoutes } from './routes/coverage.js';
import { registerEvidenceRoutes } from './routes/evidence.js';
import { registerPainRoutes } from './routes/pains.js';
import { registerPieceRoutes } from './routes/pieces.js';
import { messagingSignals } from './signals.js';
import { messagingTodos } from './todos.js';
import { messagingWinCandidates } from './win-candidates.js';

export const messaging: Capability = {
  name: 'messaging',
  register(app, ctx) {
    registerAnalyzeRoutes(app, ctx);
    registerPainRoutes(app, ctx);
    registerEvidenceRoutes(app, ctx);
    registerPieceRoutes(app, ctx);
    registerCoverageRoutes(app, ctx);
  },
  agendaSections: (ctx) => [messagingAgendaSection(ctx.db.kysely)],
  alignmentSignals: (ctx) => [messagingSignals(ctx.db.kysely)],
  digestSections: (ctx) => [messagingDigestSection(ctx.db.kysely)],
  todos: (ctx) => [messagingTodos(ctx.db.kysely)],
  gettingStarted: (ctx) => [messagingGettingStarted(ctx.db.kysely)],
  // The evidence that names a deal, for the deals room's drawer (contract: src/shared/contracts/deal-citations.ts).
  dealCitations: (ctx) => [messagingDealCitations(ctx.db.kysely)],
  // Cited pieces and the won deals whose evidence cites one, for the wins room's proposals (decision 056).
  winCandidates: (ctx) => [messagingWinCandidates(ctx.db.kysely)],
  auditDescribers: (ctx) => [painsAuditDescriber(ctx.db.kysely), piecesAuditDescriber(ctx.db.kysely)],
  seedDemo: seedMessagingDemo,
};
