// Shadow days — strategy FOUR (SPEC S4, issue 15): a program per fiscal quarter in which every seller spends a day
// with a marketer and every marketer with a seller, paired optimally (min-cost assignment), scheduled on workdays
// off the check-in day and spread across the weeks, invited by email (ICS) and reminded the day before, on both
// people's calendar feeds, followed by a reflection that reaches the next check-in's agenda.
import type { Capability } from '../../server/capability.js';
import { shadowingAgendaSection } from './agenda.js';
import { shadowingAuditDescriber } from './audit.js';
import { shadowingCalendarEvents } from './calendar-events.js';
import { seedShadowingDemo } from './demo.js';
import { shadowingDigest } from './digest.js';
import { shadowingGettingStarted } from './getting-started.js';
import { shadowRemindersJob } from './reminders.js';
import { registerAffinityRoutes } from './routes/affinity.js';
import { registerPairRoutes } from './routes/pairs.js';
import { registerProgramRoutes } from './routes/programs.js';
import { shadowingSignals } from './signals.js';
import { currentAndComingPrograms } from './store.js';
import { shadowingTodos } from './todos.js';
import { leaveProgram } from './write.js';
import { localDateOf } from '../../shared/calendar/index.js';

export const shadowing: Capability = {
  name: 'shadowing',
  register(app, ctx) {
    registerProgramRoutes(app, ctx);
    registerPairRoutes(app, ctx);
    registerAffinityRoutes(app, ctx);
  },
  jobs: (ctx) => [shadowRemindersJob(ctx.config.publicUrl)],
  agendaSections: (ctx) => [shadowingAgendaSection(ctx.db.kysely)],
  alignmentSignals: (ctx) => [shadowingSignals(ctx.db.kysely)],
  todos: (ctx) => [shadowingTodos(ctx.db.kysely)],
  gettingStarted: (ctx) => [shadowingGettingStarted(ctx.db.kysely)],
  calendarEvents: (ctx) => [shadowingCalendarEvents(ctx.db.kysely, ctx.config.publicUrl)],
  digestSections: (ctx) => [shadowingDigest(ctx.db.kysely)],
  auditDescribers: (ctx) => [shadowingAuditDescriber(ctx.db.kysely)],
  // A deactivated member leaves the open programs: their days still to come go (as guest and host), history stays.
  async memberDeactivated(tx, { workspaceId, memberId }) {
    const ws = await tx.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
    const today = localDateOf(new Date(), ws.time_zone);
    const programs = await currentAndComingPrograms(tx, workspaceId, today);
    await leaveProgram(tx, programs, memberId, today);
    if (programs.length > 0) await tx.deleteFrom('shadow_participants').where('program_id', 'in', programs).where('member_id', '=', memberId).execute();
  },
  seedDemo: seedShadowingDemo,
};
