// The figures of issue 9 and their targets: every signed-in read at least 40% of the floor's req/s
// (GET /api/health on the same server in the same run) and p99 at most 50 ms, at 32 connections.
export const MIN_RATIO = 0.4;
export const MAX_P99_MS = 50;

export interface Figure {
  /** As printed: "GET /api/v1/members". */
  label: string;
  path: string;
  signedIn: boolean;
}

export const FLOOR: Figure = { label: 'GET /api/health (floor)', path: '/api/health', signedIn: false };

/** The reads measured against the floor; the meeting's path is filled in once its id is known. */
export function readFigures(nextMeetingId: string | null): Figure[] {
  const figures: Figure[] = [
    { label: 'GET /api/v1/members', path: '/api/v1/members', signedIn: true },
    { label: 'GET /api/v1/goals/kpis', path: '/api/v1/goals/kpis', signedIn: true },
    { label: 'GET /api/v1/goals/overview', path: '/api/v1/goals/overview', signedIn: true },
    { label: 'GET /api/v1/checkins/meetings', path: '/api/v1/checkins/meetings', signedIn: true },
  ];
  if (nextMeetingId) figures.push({ label: 'GET /api/v1/checkins/meetings/:id (next)', path: `/api/v1/checkins/meetings/${nextMeetingId}`, signedIn: true });
  return figures;
}

export interface Verdict {
  met: boolean;
  /** Why not, in a few words: "ratio 0.07 < 0.40; p99 290 ms > 50 ms". */
  reasons: string[];
}

export function judge(ratio: number, p99Ms: number, failures: number): Verdict {
  const reasons: string[] = [];
  if (failures > 0) reasons.push(`${failures} failed requests`);
  if (ratio < MIN_RATIO) reasons.push(`ratio < ${MIN_RATIO.toFixed(2)}`);
  if (p99Ms > MAX_P99_MS) reasons.push(`p99 > ${MAX_P99_MS} ms`);
  return { met: reasons.length === 0, reasons };
}
