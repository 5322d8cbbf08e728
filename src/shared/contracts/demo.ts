// The demo contract (SPEC S8): the people of the demo workspace, made first by the workspaces room, that every
// other room builds its part of the demo on.
import type { Role, Team } from '../vocabulary.js';

/**
 * How much demo each room makes: 'demo' is the small story workspace (15 people, a year of history);
 * 'large' is the workspace the benchmarks measure on (about 400 people, five years of history).
 */
export const DEMO_SIZES = ['demo', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];

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
  /** The instant the demo is built around; history runs back a year from it ('demo') or five years ('large'). */
  now: Date;
  /** Which demo to build: each room's seedDemo reads it to decide how much it makes. */
  size: DemoSize;
  people: DemoPerson[];
  person(key: string): DemoPerson;
}
