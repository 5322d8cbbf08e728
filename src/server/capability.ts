// The one interface by which a room plugs into the kernel (STYLE "How rooms meet"): its routes, jobs and demo
// data, and the contracts by which rooms feed each other — agenda sections, alignment signals, to-dos, getting
// started steps, what cites a deal — and what it does when a member is deactivated. The kernel knows rooms only through this; the
// composition root (src/lockstep.ts, with the list in src/capabilities/index.ts) hands them to it.
import type { Db } from '../db/database.js';
import type { AgendaSectionProvider } from '../shared/contracts/agenda.js';
import type { AlignmentSignalProvider } from '../shared/contracts/alignment-signals.js';
import type { DealCitationProvider } from '../shared/contracts/deal-citations.js';
import type { DemoContext } from '../shared/contracts/demo.js';
import type { GettingStartedProvider } from '../shared/contracts/getting-started.js';
import type { TodoProvider } from '../shared/contracts/todos.js';
import type { WinCandidateProvider } from '../shared/contracts/win-candidates.js';
import type { AuditDescriber } from '../shared/contracts/audit.js';
import type { CalendarEventProvider } from '../shared/contracts/calendar-events.js';
import type { DigestSectionProvider } from '../shared/contracts/digest.js';
import type { AppContext, MemberDeactivatedHook, Server } from './context.js';
import type { Job } from './jobs.js';

export interface Capability {
  name: string;
  /** Registers the room's routes under /api/v1. */
  register(app: Server, ctx: AppContext): Promise<void> | void;
  /** Periodic jobs (claimed once per period across instances). */
  jobs?(ctx: AppContext): Job[];
  /** Sections this room adds to every check-in agenda (SPEC S2: wins, KPIs, evidence, reflections, to-dos). */
  agendaSections?(ctx: AppContext): AgendaSectionProvider[];
  /** The facts this room reports for the alignment score (SPEC S6). */
  alignmentSignals?(ctx: AppContext): AlignmentSignalProvider[];
  /** What a person owes this room (a top three to publish, an action item due, a piece to review…). */
  todos?(ctx: AppContext): TodoProvider[];
  /** This room's steps of a new workspace's Getting started checklist, each done or not from real state. */
  gettingStarted?(ctx: AppContext): GettingStartedProvider[];
  /** What in this room cites a deal (evidence, wins), for the deals room's deal drawer, in batches and bounded. */
  dealCitations?(ctx: AppContext): DealCitationProvider[];
  /** What in this room shows a win to propose (a KPI at its target, a won deal marketing sourced), for the wins room. */
  winCandidates?(ctx: AppContext): WinCandidateProvider[];
  /** The dated events this room owns (a check-in, a shadow day), for members' calendar feeds and for rooms that plan days. */
  calendarEvents?(ctx: AppContext): CalendarEventProvider[];
  /** This room's part of each member's weekly digest (wins, KPI status, the coming check-in, shadow days, disconnects). */
  digestSections?(ctx: AppContext): DigestSectionProvider[];
  /** How this room's audit entries read as sentences with names, not codes and ids. */
  auditDescribers?(ctx: AppContext): AuditDescriber[];
  /** Revokes what a deactivated member held here (e.g. calendar feed URLs), so reactivation starts afresh. */
  memberDeactivated?: MemberDeactivatedHook;
  /** Adds this room's part of the demo workspace (runs in one transaction, in room order). */
  seedDemo?(db: Db, demo: DemoContext): Promise<void>;
}
