// Celebrate wins — strategy FIVE (SPEC S5, issue 13): the feed of wins with the people credited (collaborative when
// they span sales and marketing), reactions and kudos, "celebrated together" in a check-in, wins proposed from the
// other rooms (winCandidates) and confirmed with one click, announced to the workspace's channels.
import type { Capability } from '../../server/capability.js';
import { winsAgendaSection } from './agenda.js';
import { winsAuditDescriber } from './audit.js';
import { winsDealCitations } from './deal-citations.js';
import { seedWinsDemo } from './demo.js';
import { winsDigestSection } from './digest.js';
import { winProposalsJob } from './gather.js';
import { winsGettingStarted } from './getting-started.js';
import { registerProposalRoutes } from './routes/proposals.js';
import { registerWinRoutes } from './routes/wins.js';
import { winsSignals } from './signals.js';
import { winsTodos } from './todos.js';

export const wins: Capability = {
  name: 'wins',
  register(app, ctx) {
    // The static paths (/wins/summary, /wins/proposals, /wins/settings) are matched before /wins/:id.
    registerProposalRoutes(app, ctx);
    registerWinRoutes(app, ctx);
  },
  // Every room's candidates, read when the job runs (the list is complete once every room is registered).
  jobs: (ctx) => [winProposalsJob(() => ctx.winCandidates)],
  agendaSections: (ctx) => [winsAgendaSection(ctx.db.kysely)],
  alignmentSignals: (ctx) => [winsSignals(ctx.db.kysely)],
  digestSections: (ctx) => [winsDigestSection(ctx.db.kysely)],
  todos: (ctx) => [winsTodos(ctx.db.kysely)],
  gettingStarted: (ctx) => [winsGettingStarted(ctx.db.kysely)],
  dealCitations: (ctx) => [winsDealCitations(ctx.db.kysely)],
  auditDescribers: (ctx) => [winsAuditDescriber(ctx.db.kysely)],
  seedDemo: seedWinsDemo,
};
