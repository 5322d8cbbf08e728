import type { Db, Tx } from '../db/database.js';
import type { AppContext, Server } from '../server/app.js';
import type { Job } from '../server/jobs.js';
import type { AgendaSectionProvider } from './checkins/domain/types.js';
import type { DemoContext } from './workspaces/demo.js';

/** Runs inside the transaction that deactivates a member: revoke what they held in this capability. */
export type MemberDeactivatedHook = (tx: Tx, member: { workspaceId: string; memberId: string }) => Promise<void>;

/** The small interface each capability exports to the kernel. */
export interface Capability {
  name: string;
  /** Registers the capability's routes under /api/v1. */
  register(app: Server, ctx: AppContext): Promise<void> | void;
  /** Periodic jobs (claimed once per period across instances). */
  jobs?(ctx: AppContext): Job[];
  /** Sections this capability adds to every check-in agenda (SPEC S2: wins, KPIs, evidence, reflections, to-dos). */
  agendaSections?(ctx: AppContext): AgendaSectionProvider[];
  /** Revokes what a deactivated member held here (e.g. calendar feed URLs), so reactivation starts afresh. */
  memberDeactivated?: MemberDeactivatedHook;
  /** Adds this capability's part of the demo workspace (runs in one transaction, in capability order). */
  seedDemo?(db: Db, demo: DemoContext): Promise<void>;
}
