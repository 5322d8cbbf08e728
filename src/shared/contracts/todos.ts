// The to-dos contract (SPEC S2 "alignment to-dos", S6 "what to do next"): each room reports what a given person
// owes it — a KPI to update, a top three to publish, an action item due, a piece to review, a shadow day to
// book — so the dashboard and the check-in list them in one place without knowing the rooms.
import type { Id, LocalDate, Role, Team } from '../vocabulary.js';

export interface Todo {
  /** Stable, `<room>:<kind>:<id>`, so a list refreshes without its items jumping. */
  key: string;
  /** The room that reports it (its Capability name). */
  room: string;
  /** What to do, as a sentence to act on ("Publish the sales top three for December"). */
  title: string;
  /** Why, or what it is about; null when the title says it all. */
  detail: string | null;
  /** Where to do it in the app. */
  href: string;
  /** The local date it is due, when it has one. */
  due: LocalDate | null;
  /** Overdue and blocking others first: 'high' · 'normal'. */
  priority: 'high' | 'normal';
}

export interface TodoContext {
  workspaceId: Id;
  memberId: Id;
  role: Role;
  team: Team;
  now: Date;
}

export interface TodoProvider {
  room: string;
  todos(ctx: TodoContext): Promise<Todo[]>;
}
