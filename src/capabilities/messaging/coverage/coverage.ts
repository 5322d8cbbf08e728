// Coverage (SPEC S3, issue 12): which active pains the published pieces speak to, the messaging gap — the pains
// sales hears most, recent evidence weighing more, that no published piece covers — and the off-message list of
// published pieces that match no active pain. Pure: the route reads rows, this does the maths (decision 042).
import { calendarDate } from '../../../shared/calendar/index.js';

/**
 * An evidence entry weighs half as much every this many days — the analyzer's half-life for quotes (HALF_LIFE_DAYS), so the room
 * weighs a quote the same wherever it counts: last quarter's at ~70% of today's, last year's at ~25%.
 */
export const EVIDENCE_HALF_LIFE_DAYS = 180;
/** A piece covers a pain when its current version matched it at or above this similarity (0–1, the analyzer's). */
export const COVERS_AT = 0.75;
/** "Recent" in counts shown beside the weight: the last 90 days. */
export const RECENT_DAYS = 90;

export type CoverageStatus = 'draft' | 'in_review' | 'approved' | 'changes_requested' | 'published' | 'archived';

export interface CoveragePain {
  id: string;
  statement: string;
  persona: string;
  segment: string;
  severity: number;
}

/** Evidence for one pain, counted by day: the database groups it, this weighs it. */
export interface EvidenceDay {
  painId: string;
  date: string;
  count: number;
}

export interface CoveragePiece {
  id: string;
  title: string;
  channel: string;
  status: CoverageStatus;
  score: number | null;
  band: string | null;
  publishedAt: string | null;
}

export interface CoverageMatch {
  pieceId: string;
  painId: string;
  similarity: number;
}

export interface PainWeight {
  /** Σ 0.5^(age in days / half-life) over the pain's evidence; an entry dated today weighs 1. */
  weight: number;
  count: number;
  recentCount: number;
  lastHeard: string | null;
}

/** How much one entry of `date` weighs on `today`: 1 today, ½ a half-life ago; a date after today weighs 1. */
export function decayWeight(date: string, today: string, halfLifeDays = EVIDENCE_HALF_LIFE_DAYS): number {
  const age = Math.max(0, calendarDate.daysBetween(date, today));
  return 0.5 ** (age / halfLifeDays);
}

/** Each pain's evidence weight, count, count in the last RECENT_DAYS and last date heard. */
export function painWeights(days: readonly EvidenceDay[], today: string, halfLifeDays = EVIDENCE_HALF_LIFE_DAYS): Map<string, PainWeight> {
  const recentFrom = calendarDate.addDays(today, -RECENT_DAYS);
  const out = new Map<string, PainWeight>();
  for (const d of days) {
    const w = out.get(d.painId) ?? { weight: 0, count: 0, recentCount: 0, lastHeard: null };
    w.weight += d.count * decayWeight(d.date, today, halfLifeDays);
    w.count += d.count;
    if (d.date > recentFrom) w.recentCount += d.count;
    if (w.lastHeard === null || d.date > w.lastHeard) w.lastHeard = d.date;
    out.set(d.painId, w);
  }
  return out;
}

export interface CoveragePieceRef {
  id: string;
  title: string;
  status: CoverageStatus;
  similarity: number;
}

export interface CoverageRow extends CoveragePain, PainWeight {
  /** Published pieces whose current version covers it (similarity ≥ COVERS_AT), best first. */
  coveredBy: CoveragePieceRef[];
  /** Pieces still being written or reviewed that would cover it. */
  inProgress: CoveragePieceRef[];
}

export interface OffMessagePiece extends CoveragePiece {
  /** Its best match to an active pain, below COVERS_AT (null when it matched none at all). */
  closest: { painId: string; statement: string; similarity: number } | null;
}

export interface CoverageReport {
  /** Active pains, heaviest evidence first (then most severe, then by statement). */
  rows: CoverageRow[];
  /** Active pains with evidence that no published piece covers, heaviest first. */
  gap: CoverageRow[];
  offMessage: OffMessagePiece[];
  /** The pieces not archived (the heat map's columns come from them). */
  pieces: CoveragePiece[];
  /** Every published match at or above COVERS_AT and every in-progress one (the heat map's cells). */
  cells: Array<CoverageMatch & { covers: boolean }>;
  summary: {
    activePains: number;
    painsWithEvidence: number;
    coveredPains: number;
    /** The share of all evidence weight on active pains that published pieces cover; null without evidence. */
    coveredWeightShare: number | null;
    publishedPieces: number;
    inProgressPieces: number;
  };
}

const IN_PROGRESS: ReadonlySet<CoverageStatus> = new Set(['draft', 'in_review', 'approved', 'changes_requested']);

const byWeight = (a: CoverageRow, b: CoverageRow) => b.weight - a.weight || b.count - a.count || b.severity - a.severity || a.statement.localeCompare(b.statement) || a.id.localeCompare(b.id);

export function buildCoverage(input: {
  pains: readonly CoveragePain[];
  evidence: readonly EvidenceDay[];
  pieces: readonly CoveragePiece[];
  matches: readonly CoverageMatch[];
  today: string;
  coversAt?: number;
  halfLifeDays?: number;
}): CoverageReport {
  const coversAt = input.coversAt ?? COVERS_AT;
  const weights = painWeights(input.evidence, input.today, input.halfLifeDays);
  const pieces = new Map(input.pieces.map((p) => [p.id, p]));
  const active = new Map(input.pains.map((p) => [p.id, p]));
  const published = input.pieces.filter((p) => p.status === 'published');
  const cells: CoverageReport['cells'] = [];
  const covered = new Map<string, CoveragePieceRef[]>();
  const coming = new Map<string, CoveragePieceRef[]>();
  const best = new Map<string, CoverageMatch>();
  for (const m of input.matches) {
    const piece = pieces.get(m.pieceId);
    if (!piece || !active.has(m.painId)) continue;
    const covers = m.similarity >= coversAt;
    if (piece.status === 'published') {
      const b = best.get(piece.id);
      if (!b || m.similarity > b.similarity) best.set(piece.id, m);
    }
    if (piece.status !== 'published' && !IN_PROGRESS.has(piece.status)) continue;
    cells.push({ ...m, covers });
    if (!covers) continue;
    const into = piece.status === 'published' ? covered : coming;
    const list = into.get(m.painId) ?? [];
    list.push({ id: piece.id, title: piece.title, status: piece.status, similarity: m.similarity });
    into.set(m.painId, list);
  }
  const bySimilarity = (a: CoveragePieceRef, b: CoveragePieceRef) => b.similarity - a.similarity || a.title.localeCompare(b.title);
  const rows: CoverageRow[] = input.pains
    .map((p) => {
      const w = weights.get(p.id) ?? { weight: 0, count: 0, recentCount: 0, lastHeard: null };
      return {
        ...p,
        ...w,
        coveredBy: (covered.get(p.id) ?? []).sort(bySimilarity),
        inProgress: (coming.get(p.id) ?? []).sort(bySimilarity),
      };
    })
    .sort(byWeight);
  const gap = rows.filter((r) => r.count > 0 && r.coveredBy.length === 0);
  const offMessage: OffMessagePiece[] = published
    .filter((p) => !rows.some((r) => r.coveredBy.some((c) => c.id === p.id)))
    .map((p) => {
      const b = best.get(p.id);
      return { ...p, closest: b ? { painId: b.painId, statement: active.get(b.painId)?.statement ?? '', similarity: b.similarity } : null };
    })
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || a.title.localeCompare(b.title));
  const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
  const coveredWeight = rows.filter((r) => r.coveredBy.length > 0).reduce((s, r) => s + r.weight, 0);
  return {
    rows,
    gap,
    offMessage,
    pieces: input.pieces.filter((p) => p.status !== 'archived'),
    cells,
    summary: {
      activePains: rows.length,
      painsWithEvidence: rows.filter((r) => r.count > 0).length,
      coveredPains: rows.filter((r) => r.coveredBy.length > 0).length,
      coveredWeightShare: totalWeight > 0 ? coveredWeight / totalWeight : null,
      publishedPieces: published.length,
      inProgressPieces: input.pieces.filter((p) => IN_PROGRESS.has(p.status)).length,
    },
  };
}

/** How many of the heaviest-evidence pains the alignment signal looks at. */
export const TOP_PAINS = 10;

/** Of the (up to) TOP_PAINS active pains with the most weighted evidence, how many a published piece covers. */
export function topPainCoverage(rows: readonly CoverageRow[], top = TOP_PAINS): { considered: number; covered: number; share: number | null; firstGap: CoverageRow | null } {
  const heard = rows.filter((r) => r.count > 0).slice(0, top);
  const covered = heard.filter((r) => r.coveredBy.length > 0).length;
  return { considered: heard.length, covered, share: heard.length === 0 ? null : covered / heard.length, firstGap: heard.find((r) => r.coveredBy.length === 0) ?? null };
}
