// The figures of issue 9 and their targets: every signed-in read at least 40% of the floor's req/s
// (GET /api/health on the same server in the same run) and p99 at most 50 ms, at 32 connections; the web
// app's initial JavaScript per route; the server's memory under a soak; and how latency grows with data.
export const MIN_RATIO = 0.4;
export const MAX_P99_MS = 50;
/** The initial JavaScript of the dashboard and of the Goals page, each, gzipped (kB = 1,000 bytes, as Vite prints). */
export const MAX_INITIAL_JS_GZIP_BYTES = 250_000;
/** GET /alignment reads every room's signals on a cache miss: at least this share of the floor (issue 14). */
export const MIN_ALIGNMENT_RATIO = 0.25;
/** The cold alignment score ÷ one aggregate scan of the workspace's deals, in one process (bench/alignment.ts). */
export const MAX_ALIGNMENT_COLD_RATIO = 20;
/** RSS at the end of the soak ÷ RSS after its warm-up: "within 15%". */
export const MAX_SOAK_RSS_RATIO = 1.15;

export interface Figure {
  /** As printed: "GET /api/v1/members". */
  label: string;
  path: string;
  signedIn: boolean;
  /** Its own floor ratio when not MIN_RATIO. */
  minRatio?: number;
}

export const FLOOR: Figure = { label: 'GET /api/health (floor)', path: '/api/health', signedIn: false };

/** The reads measured against the floor; the meeting's path is filled in once its id is known. */
export function readFigures(nextMeetingId: string | null): Figure[] {
  const figures: Figure[] = [
    { label: 'GET /api/v1/members', path: '/api/v1/members', signedIn: true },
    { label: 'GET /api/v1/goals/kpis', path: '/api/v1/goals/kpis', signedIn: true },
    { label: 'GET /api/v1/goals/overview', path: '/api/v1/goals/overview', signedIn: true },
    { label: 'GET /api/v1/checkins/meetings', path: '/api/v1/checkins/meetings', signedIn: true },
    // The Deals page (issue 11): its list, and the summary strip computed with the KPIs' own formulas.
    { label: 'GET /api/v1/deals', path: '/api/v1/deals', signedIn: true },
    { label: 'GET /api/v1/deals/summary', path: '/api/v1/deals/summary', signedIn: true },
    // The messaging room (issue 12): the pain library with each pain's evidence figures, the evidence log, the
    // pieces list, the coverage heat map with the gap and off-message lists, and the why-people-buy report.
    { label: 'GET /api/v1/messaging/pains', path: '/api/v1/messaging/pains', signedIn: true },
    { label: 'GET /api/v1/messaging/evidence', path: '/api/v1/messaging/evidence', signedIn: true },
    { label: 'GET /api/v1/messaging/pieces', path: '/api/v1/messaging/pieces', signedIn: true },
    { label: 'GET /api/v1/messaging/coverage', path: '/api/v1/messaging/coverage', signedIn: true },
    { label: 'GET /api/v1/messaging/why', path: '/api/v1/messaging/why', signedIn: true },
    // The wins room (issue 13): the feed and the team-level counts beside it.
    { label: 'GET /api/v1/wins', path: '/api/v1/wins', signedIn: true },
    { label: 'GET /api/v1/wins/summary', path: '/api/v1/wins/summary', signedIn: true },
    // The alignment score (issue 14): every room's signals on a cache miss, so its own, lower floor ratio.
    { label: 'GET /api/v1/alignment', path: '/api/v1/alignment', signedIn: true, minRatio: MIN_ALIGNMENT_RATIO },
  ];
  if (nextMeetingId) figures.push({ label: 'GET /api/v1/checkins/meetings/:id (next)', path: `/api/v1/checkins/meetings/${nextMeetingId}`, signedIn: true });
  return figures;
}

export interface Verdict {
  met: boolean;
  /** Why not, in a few words: "ratio 0.07 < 0.40; p99 290 ms > 50 ms". */
  reasons: string[];
}

export function judge(ratio: number, p99Ms: number, failures: number, minRatio = MIN_RATIO): Verdict {
  const reasons: string[] = [];
  if (failures > 0) reasons.push(`${failures} failed requests`);
  if (ratio < minRatio) reasons.push(`ratio < ${minRatio.toFixed(2)}`);
  if (p99Ms > MAX_P99_MS) reasons.push(`p99 > ${MAX_P99_MS} ms`);
  return { met: reasons.length === 0, reasons };
}

export function judgeBundle(gzipBytes: number): Verdict {
  const met = gzipBytes <= MAX_INITIAL_JS_GZIP_BYTES;
  return { met, reasons: met ? [] : [`initial JS > ${MAX_INITIAL_JS_GZIP_BYTES / 1000} kB gzip`] };
}

export function judgeSoak(rssRatio: number, failures: number): Verdict {
  const reasons: string[] = [];
  if (failures > 0) reasons.push(`${failures} failed requests`);
  if (rssRatio > MAX_SOAK_RSS_RATIO) reasons.push(`RSS grew > ${Math.round((MAX_SOAK_RSS_RATIO - 1) * 100)}%`);
  return { met: reasons.length === 0, reasons };
}

/** A route of the web app whose first visit is timed, and what on it counts as its content being visible. */
export interface WebRoute {
  label: string;
  path: string;
  visibleWhen: string;
  /**
   * Runs in the page on every animation frame until it returns a number: performance.now() (milliseconds since
   * navigation start) on the first frame the content is there and visible. Self-contained: Playwright sends
   * its source to the page.
   */
  visible: () => number | false;
}

export const WEB_ROUTES: WebRoute[] = [
  {
    label: 'dashboard (/)',
    path: '/',
    visibleWhen: 'the three team cards with their member counts (section "Teams", each card an h3)',
    visible: () => {
      const section = document.querySelector('section[aria-labelledby="teams-heading"]');
      const cards = section ? [...section.querySelectorAll('h3')] : [];
      return cards.length >= 3 && cards.every((c) => c.checkVisibility()) ? performance.now() : false;
    },
  },
  {
    label: 'Goals (/goals)',
    path: '/goals',
    visibleWhen: 'every team column ("Sales top three", "Marketing top three") with its three KPI links',
    visible: () => {
      const columns = [...document.querySelectorAll('section[aria-labelledby^="top-three-"]')].filter((c) =>
        /top three$/.test(document.getElementById(c.getAttribute('aria-labelledby') ?? '')?.textContent?.trim() ?? ''),
      );
      const full = columns.filter((c) => c.querySelectorAll('h3 a[href^="/goals/kpis/"]').length >= 3 && c.checkVisibility());
      return columns.length >= 2 && full.length === columns.length ? performance.now() : false;
    },
  },
];

/**
 * Growth (issue 9): "latency grows no worse than logarithmically with data size". At a fixed number of
 * connections, mean latency = connections ÷ req/s (Little's law), so a read's slowdown at a size is its ratio
 * to the floor on the demo ÷ its ratio at that size: how much longer a request takes, with the speed of the
 * machine at that moment divided out, as in every other figure. Logarithmic growth, a + b·ln N, cannot be told
 * from its constant with three sizes, so b is bounded by the demo itself: each e-fold of data (N = the
 * workspace's rows) may add at most the demo's own latency, slowdown ≤ 1 + ln(N / N_demo) — 3.3 at 10× the rows,
 * 4.0 at 20× — where linear growth would be 10 and 20.
 */
export function growthBound(sizeRatio: number): number {
  return 1 + Math.log(Math.max(1, sizeRatio));
}

export function judgeGrowth(points: ReadonlyArray<{ workspace: string; slowdown: number; bound: number }>): Verdict {
  const reasons = points.filter((p) => p.slowdown > p.bound).map((p) => `${p.workspace}: ${p.slowdown.toFixed(1)}× > ${p.bound.toFixed(1)}×`);
  return { met: reasons.length === 0, reasons };
}
