// The alignment score computed from stored data, in ONE place (SPEC S6): the signals every room reports at an
// instant, the workspace's weights, the domain's arithmetic. The API, the weekly job, the digest and the check-in
// agenda's to-dos all read it from here. A room that throws is named in `unavailable` and left out of the score.
import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/database.js';
import { ALL_WORKSPACES, type ReadVersions } from '../../db/read-versions.js';
import { askRooms } from '../../server/ask-rooms.js';
import type { Logger } from '../../server/logger.js';
import type { AlignmentSignal, AlignmentSignalProvider, Strategy } from '../../shared/contracts/alignment-signals.js';
import { isoWeekOf } from '../../shared/calendar/index.js';
import { computeAlignment, STRATEGY_ORDER, type AlignmentResult, type Weights } from './domain/score.js';
import { getWeights, type WeekScore } from './store.js';

export interface AlignmentDeps {
  db: Db;
  log: Logger;
  /** Every room's providers, read when asked (the list is complete once every room is registered). */
  providers: () => readonly AlignmentSignalProvider[];
  /** The app's memo of scores now (absent: computed every time). */
  memo?: AlignmentMemo;
}

export interface AlignmentNow {
  at: Date;
  result: AlignmentResult;
  weights: Weights;
  unavailable: Array<{ room: string; message: string }>;
}

const isStrategy = (room: string): room is Strategy => (STRATEGY_ORDER as readonly string[]).includes(room);

/** Every provider's signals at `now`, at once; a provider that throws is reported, not fatal. */
export async function readSignals(deps: AlignmentDeps, workspaceId: string, now: Date) {
  const { answers, unavailable } = await askRooms(deps.log, deps.providers(), (p) => p.signals({ workspaceId, now }), {
    failed: 'report its signals',
    without: 'the score is shown without it',
  });
  const signals: AlignmentSignal[] = answers.flatMap((a) => a.value);
  const unavailableStrategies = new Set(unavailable.map((u) => u.room).filter(isStrategy));
  return { signals, unavailable, unavailableStrategies };
}

/** The workspace's score at `now`. */
export async function alignmentNow(deps: AlignmentDeps, workspaceId: string, now = new Date()): Promise<AlignmentNow> {
  const [{ signals, unavailable, unavailableStrategies }, weights] = await Promise.all([readSignals(deps, workspaceId, now), getWeights(deps.db, workspaceId)]);
  return { at: now, result: computeAlignment({ signals, weights, unavailable: unavailableStrategies }), weights, unavailable };
}

const rounded = (x: number | null): number | null => (x === null ? null : Math.round(x));

/** The Monday (UTC) of the ISO week `at` falls in. */
export const weekStartOf = (at: Date): string => isoWeekOf(at.toISOString().slice(0, 10)).startDate;

/** What the history keeps of a computation: whole numbers. */
export function weekScoreOf(result: AlignmentResult, weekStart: string): WeekScore {
  const by = (s: Strategy) => rounded(result.strategies.find((x) => x.strategy === s)?.score ?? null);
  return { weekStart, score: rounded(result.overall), strategies: { goals: by('goals'), checkins: by('checkins'), messaging: by('messaging'), shadowing: by('shadowing'), wins: by('wins') } };
}

/** How long a computed score stands while nothing in the workspace changed: its facts move by the day, not the second. */
export const SCORE_MEMO_MS = 60_000;

interface MemoEntry {
  workspace: number;
  all: number;
  at: number;
  value: Promise<AlignmentNow>;
}

/**
 * The score now, computed once per workspace while its read versions stand (decision 025's counters, in the
 * database, so a write on any instance makes every instance compute it again) and for at most SCORE_MEMO_MS.
 * GET /alignment on a read-cache miss and every upcoming check-in's agenda share it. The versions are read before
 * the signals: a write that commits during the computation bumps them after, so its entry is already outdated.
 */
export class AlignmentMemo {
  private readonly entries = new LRUCache<string, MemoEntry>({ max: 2_000 });

  constructor(private readonly maxAgeMs = SCORE_MEMO_MS) {}

  async get(deps: AlignmentDeps, workspaceId: string, versions?: ReadVersions | null): Promise<AlignmentNow> {
    const v = versions ?? (await readVersionsOf(deps.db, workspaceId));
    const now = Date.now();
    const hit = this.entries.get(workspaceId);
    if (hit && hit.workspace === v.workspace && hit.all === v.all && now - hit.at < this.maxAgeMs) return hit.value;
    const value = alignmentNow(deps, workspaceId, new Date(now));
    this.entries.set(workspaceId, { ...v, at: now, value });
    // A computation that failed is not kept.
    value.catch(() => {
      if (this.entries.get(workspaceId)?.value === value) this.entries.delete(workspaceId);
    });
    return value;
  }
}

async function readVersionsOf(db: Db, workspaceId: string): Promise<ReadVersions> {
  const rows = await db.selectFrom('read_versions').select(['scope', 'version']).where('scope', 'in', [workspaceId, ALL_WORKSPACES]).execute();
  const of = (scope: string) => Number(rows.find((r) => r.scope === scope)?.version ?? 0);
  return { workspace: of(workspaceId), all: of(ALL_WORKSPACES) };
}

/** The score now through the app's memo when it has one (reads only: a write answers alignmentNow, fresh). */
export function scoreNow(deps: AlignmentDeps, workspaceId: string, versions?: ReadVersions | null): Promise<AlignmentNow> {
  return deps.memo ? deps.memo.get(deps, workspaceId, versions) : alignmentNow(deps, workspaceId);
}
