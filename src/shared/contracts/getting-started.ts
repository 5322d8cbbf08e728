// The getting-started contract (issue 10 "Onboarding"): each room says which steps of a new workspace's walk to
// the product's first value it holds and whether each is done, read from the room's real state every time —
// never a stored tick — so a step completes the moment the thing is done, by anyone, however it was done. The
// kernel's GET /api/v1/me/getting-started sorts them by `order` into one checklist for the dashboard.
import type { Id, Role, Team } from '../vocabulary.js';

export interface GettingStartedStep {
  /** Stable, `<room>.<step>` (e.g. `goals.first_publication`). */
  key: string;
  /**
   * Where the step falls in the walk to first value; the checklist is sorted by it. Workspaces, goals and
   * check-ins use 10 (invite both teams) … 70 (the first check-in held); deals 80 (the first import), messaging 90
   * and 100 (first evidence, a piece published with sales approval), wins 110 (a first win); rooms still to come
   * take 120 and up (the first shadow quarter), so a new room's steps fall after the ones that must come first.
   */
  order: number;
  /** What to do, as a short imperative ("Publish each team's top three"). */
  title: string;
  /** Where it stands, with the numbers ("Sales published #2; marketing has not published yet."). */
  detail: string;
  /** Where in the app it is done. */
  href: string;
  /** The link's words ("Open Manage KPIs"). */
  action: string;
  done: boolean;
}

export interface GettingStartedContext {
  workspaceId: Id;
  memberId: Id;
  role: Role;
  team: Team;
  now: Date;
}

export interface GettingStartedProvider {
  /** The room that reports (its Capability name). */
  room: string;
  steps(ctx: GettingStartedContext): Promise<GettingStartedStep[]>;
}
