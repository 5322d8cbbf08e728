// The demo contract (SPEC S8): the people of the demo workspace, made first by the workspaces room, that every
// other room builds its part of the demo on.
import type { Role, Team } from '../vocabulary.js';

/**
 * How much demo each room makes: 'demo' is the small story workspace (15 people, a year of history);
 * '10x' and 'large' are the workspaces the benchmarks measure growth on (about 150 people and three years,
 * about 400 people and five years), the same company at two scales (SCALED_DEMOS).
 */
export const DEMO_SIZES = ['demo', '10x', 'large'] as const;
export type DemoSize = (typeof DEMO_SIZES)[number];
export type ScaledDemoSize = Exclude<DemoSize, 'demo'>;

/** A scaled demo workspace (decisions 022 and 024): each room's demo-large.ts builds its share from this. */
export interface ScaledDemo {
  /** It sits beside the demo workspace, so the same sign-in sees both; the CLI refuses a second by this name. */
  workspaceName: string;
  /** Years of history: weekly KPI values, a publication a quarter per team, the weekly check-in. */
  years: number;
  /**
   * Sales regions: each has a director, its sales managers (nine reps each), a field marketing team, the
   * demo's eight KPIs of its own and its share of the company's volume (the shares add up to 1).
   */
  regions: ReadonlyArray<readonly [region: string, managers: number, share: number]>;
  /** Every other group's headcount (solutions engineers, ops, each marketing team) as a share of the large one's. */
  groupScale: number;
}

export const SCALED_DEMOS: Record<ScaledDemoSize, ScaledDemo> = {
  // About ten times the demo: ~150 people and ~10× its rows (three years, 38 KPIs).
  '10x': { workspaceName: 'Northwind Analytics (10x)', years: 3, regions: [['NA East', 3, 0.45], ['NA West', 2, 0.3], ['EMEA', 2, 0.25]], groupScale: 0.35 },
  large: { workspaceName: 'Northwind Analytics (large)', years: 5, regions: [['NA East', 7, 0.34], ['NA West', 6, 0.28], ['EMEA', 6, 0.24], ['APAC', 5, 0.14]], groupScale: 1 },
};

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
  /** The instant the demo is built around; history runs back a year from it ('demo'), or SCALED_DEMOS[size].years. */
  now: Date;
  /** Which demo to build: each room's seedDemo reads it to decide how much it makes. */
  size: DemoSize;
  people: DemoPerson[];
  person(key: string): DemoPerson;
}
