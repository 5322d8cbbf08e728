// What a room receives from the kernel (STYLE: "each service receives the context it needs"): the app's
// context, the server its routes register on, and the error shape every route declares. Imports no room, so
// every route file can import it without an import circle through the app factory.
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ChangeFeed } from '../db/change-feed.js';
import type { Database, Tx } from '../db/database.js';
import type { AgendaSectionProvider } from '../shared/contracts/agenda.js';
import type { AlignmentSignalProvider } from '../shared/contracts/alignment-signals.js';
import type { DealCitationProvider } from '../shared/contracts/deal-citations.js';
import type { GettingStartedProvider } from '../shared/contracts/getting-started.js';
import type { TodoProvider } from '../shared/contracts/todos.js';
import type { CalendarEventProvider } from '../shared/contracts/calendar-events.js';
import type { DigestSectionProvider } from '../shared/contracts/digest.js';
import type { WinCandidateProvider } from '../shared/contracts/win-candidates.js';
import type { AuditDescriber } from '../shared/contracts/audit.js';
import type { CredentialsCache } from './auth.js';
import type { Config } from './config.js';
import type { JobScheduler } from './jobs.js';
import type { Logger } from './logger.js';
import type { Outbox } from './outbox.js';
import type { ReadCache } from './read-cache.js';

/** Runs inside the transaction that deactivates a member: revoke what they held in this room. */
export type MemberDeactivatedHook = (tx: Tx, member: { workspaceId: string; memberId: string }) => Promise<void>;

export interface AppContext {
  config: Config;
  db: Database;
  log: Logger;
  outbox: Outbox;
  jobs: JobScheduler;
  /** Cached answers of the routes that opt in (config.readCache), per member, checked against read versions. */
  readCache: ReadCache;
  /** What credentials resolved to, in memory on PostgreSQL while the change feed is connected (decision 030); null on SQLite. */
  credentials: CredentialsCache | null;
  /** The database's change feed (PostgreSQL), which keeps `credentials` true across instances; null on SQLite. */
  changeFeed: ChangeFeed | null;
  /** Every room's check-in agenda sections, collected before routes are registered. */
  agendaSections: AgendaSectionProvider[];
  /** Every room's alignment signals (SPEC S6), read by the alignment score. */
  alignmentSignals: AlignmentSignalProvider[];
  /** Every room's to-dos: what a given person owes it. */
  todos: TodoProvider[];
  /** Every room's Getting started steps, read from real state. */
  gettingStarted: GettingStartedProvider[];
  /** Every room's citations of deals (messaging's evidence, the wins room's wins), read by the deals room. */
  dealCitations: DealCitationProvider[];
  /** Every room's win candidates (a KPI at its target, a won deal marketing sourced), read by the wins room's job. */
  winCandidates: WinCandidateProvider[];
  /** Every room's dated events (check-ins, shadow days), for calendar feeds and day planning. */
  calendarEvents: CalendarEventProvider[];
  /** Every room's weekly-digest sections, assembled by the alignment room. */
  digestSections: DigestSectionProvider[];
  /** Every room's words for its audit entries, read by the audit log. */
  auditDescribers: AuditDescriber[];
  /** What every room does, inside the same transaction, when an admin deactivates a member. */
  memberDeactivated: MemberDeactivatedHook[];
}

export type Server = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;

export const ErrorView = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .describe('Every error has this shape.');
