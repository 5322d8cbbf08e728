// The growth figure of issue 9: each read on the demo, the 10x and the large workspace of one database, side
// by side — p50 and req/s as measured, and the slowdown against the demo that targets.ts judges.
import type { DatabaseRun } from './report.js';
import { growthBound, judgeGrowth, type Verdict } from './targets.js';

export interface GrowthPoint {
  workspace: string;
  /** Rows the workspace holds (bench/workspace-size.ts). */
  dataRows: number;
  /** dataRows ÷ the demo's. */
  sizeRatio: number;
  p50Ms: number;
  requestsPerSecond: number;
  /** The read's ratio to the floor on the demo ÷ its ratio here (1 on the demo). */
  slowdown: number;
  /** What the slowdown may be at this size (targets.ts growthBound). */
  bound: number;
}

export interface GrowthRow {
  figure: string;
  database: string;
  /** The demo first, then the larger workspaces in the order measured. */
  points: GrowthPoint[];
  verdict: Verdict;
}

export function growthRows(runs: readonly DatabaseRun[]): GrowthRow[] {
  const out: GrowthRow[] = [];
  for (const demo of runs.filter((r) => r.workspace === 'demo')) {
    const larger = runs.filter((r) => r.database === demo.database && r.workspace !== 'demo');
    if (larger.length === 0 || !demo.dataRows) continue;
    for (const base of demo.rows.filter((r) => r.ratio !== null)) {
      const points: GrowthPoint[] = [{ workspace: 'demo', dataRows: demo.dataRows, sizeRatio: 1, p50Ms: base.p50Ms, requestsPerSecond: base.requestsPerSecond, slowdown: 1, bound: 1 }];
      for (const run of larger) {
        const row = run.rows.find((r) => r.figure === base.figure);
        if (!row?.ratio || !base.ratio || !run.dataRows) continue;
        const sizeRatio = run.dataRows / demo.dataRows;
        points.push({ workspace: run.workspace, dataRows: run.dataRows, sizeRatio, p50Ms: row.p50Ms, requestsPerSecond: row.requestsPerSecond, slowdown: base.ratio / row.ratio, bound: growthBound(sizeRatio) });
      }
      if (points.length > 1) out.push({ figure: base.figure, database: demo.database, points, verdict: judgeGrowth(points.slice(1)) });
    }
  }
  return out;
}
