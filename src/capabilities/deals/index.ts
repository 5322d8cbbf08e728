// Deals from the CRM — data in and out (SPEC S7, issue 11): imports of HubSpot and Salesforce exports, the Deals
// view, the marketing-source rule, and the KPIs computed from deals.
import type { Capability } from '../../server/capability.js';
import { dealsAuditDescriber } from './audit-descriptions.js';
import { seedDealsDemo } from './demo.js';
import { dealsGettingStarted } from './getting-started.js';
import { dealImportSweep } from './import/engine.js';
import { importAuditDescriber } from './imports-http/audit.js';
import { registerDealRoutes } from './routes/deals.js';
import { registerDealHookRoutes } from './routes/hooks.js';
import { registerImportRoutes } from './routes/imports.js';
import { dealsWinCandidates } from './win-candidates.js';

export const deals: Capability = {
  name: 'deals',
  register(app, ctx) {
    registerDealRoutes(app, ctx);
    registerImportRoutes(app, ctx);
    registerDealHookRoutes(app, ctx);
  },
  gettingStarted: (ctx) => [dealsGettingStarted(ctx.db.kysely)],
  winCandidates: (ctx) => [dealsWinCandidates(ctx.db.kysely)],
  auditDescribers: (ctx) => [dealsAuditDescriber, importAuditDescriber(ctx.db.kysely)],
  // Imports a restart interrupted (validating or importing, no progress for five minutes) are marked failed.
  jobs: () => [dealImportSweep],
  seedDemo: seedDealsDemo,
};

// What the goals room needs to keep a KPI computed from deals honest (decision 039): which kinds the deals measure,
// and the recompute it runs when a KPI becomes computed.
export { isDealKpiKind } from './domain/compute-kpis.js';
export { recomputeDealKpis } from './recompute.js';
