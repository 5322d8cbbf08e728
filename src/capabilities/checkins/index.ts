// The weekly check-in — strategy TWO (SPEC S2).
import type { Capability } from '../../server/capability.js';
import { actionItemsSection } from './agenda.js';
import { checkinsCalendarEvents } from './calendar-events.js';
import { checkinsAuditDescriber } from './audit-descriptions.js';
import { seedCheckinsDemo } from './demo.js';
import { checkinsDigestSections } from './digest.js';
import { checkinsGettingStarted } from './getting-started.js';
import { checkinSweepJob } from './jobs.js';
import { registerFeedRoutes, revokeFeeds } from './routes/feed.js';
import { registerMeetingRoutes } from './routes/meetings.js';
import { registerSeriesRoutes } from './routes/series.js';
import { registerCheckinExportRoutes } from './routes/exports.js';
import { checkinsSignals } from './signals.js';
import { checkinsTodos } from './todos.js';

export const checkins: Capability = {
  name: 'checkins',
  register(app, ctx) {
    registerSeriesRoutes(app, ctx);
    registerMeetingRoutes(app, ctx);
    registerFeedRoutes(app, ctx);
    registerCheckinExportRoutes(app, ctx);
  },
  jobs: (ctx) => [checkinSweepJob(ctx)],
  agendaSections: (ctx) => [actionItemsSection(ctx.db.kysely)],
  alignmentSignals: (ctx) => [checkinsSignals(ctx.db.kysely)],
  digestSections: (ctx) => checkinsDigestSections(ctx.db.kysely),
  todos: (ctx) => [checkinsTodos(ctx.db.kysely)],
  calendarEvents: (ctx) => [checkinsCalendarEvents(ctx.db.kysely, ctx.config.publicUrl)],
  auditDescribers: (ctx) => [checkinsAuditDescriber(ctx.db.kysely)],
  gettingStarted: (ctx) => [checkinsGettingStarted(ctx.db.kysely)],
  seedDemo: seedCheckinsDemo,
  // A calendar feed URL is a credential: a deactivated member's stops working, and coming back makes a new one.
  memberDeactivated: (tx, { workspaceId, memberId }) => revokeFeeds(tx, workspaceId, memberId),
};
