// The demo contract (SPEC S8): the people of the demo workspace, made first by the workspaces room, that every
// other room builds its part of the demo on.
import type { Role, Team } from '../vocabulary.js';

export interface DemoPerson {
  key: string;
  memberId: string;
  userId: string;
  name: string;
  team: Team;
  role: Role;
  function: string;
  keyPlayer: boolean;
}

export interface DemoContext {
  workspaceId: string;
  timeZone: string;
  /** The instant the demo is built around; history runs back a year from it. */
  now: Date;
  people: DemoPerson[];
  person(key: string): DemoPerson;
}
