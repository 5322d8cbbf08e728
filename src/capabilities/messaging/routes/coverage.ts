// Coverage: the pain × piece map, the messaging gap and the off-message list (issue 12).
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { actorOf } from '../../../server/auth.js';
import { COVERS_AT, EVIDENCE_HALF_LIFE_DAYS, type CoverageReport, type CoverageRow } from '../coverage/index.js';
import { loadCoverage } from '../coverage-facts.js';
import { CoverageQuery, CoverageView } from '../coverage-schemas.js';

const tags = ['messaging'];
export const GAP_SHOWN = 25;
export const OFF_MESSAGE_SHOWN = 50;

const round1 = (n: number) => Math.round(n * 10) / 10;

const presentRow = (r: CoverageRow) => ({
  id: r.id,
  statement: r.statement,
  persona: r.persona,
  segment: r.segment,
  severity: r.severity,
  weight: round1(r.weight),
  evidenceCount: r.count,
  recentCount: r.recentCount,
  lastHeard: r.lastHeard,
  coveredBy: r.coveredBy,
  inProgress: r.inProgress,
});

/** The answer of GET /messaging/coverage from the report: the rows and columns asked for, and the cells between them. */
export function presentCoverage(report: CoverageReport, asOf: string, q: { view: 'published' | 'in_progress'; pains: number; pieces: number }) {
  const rows = report.rows.slice(0, q.pains);
  const shownPains = new Set(rows.map((r) => r.id));
  const wanted = q.view === 'published' ? (s: string) => s === 'published' : (s: string) => s !== 'published' && s !== 'archived';
  const coverCount = new Map<string, number>();
  for (const c of report.cells) if (c.covers) coverCount.set(c.pieceId, (coverCount.get(c.pieceId) ?? 0) + 1);
  const columns = report.pieces
    .filter((p) => wanted(p.status))
    .map((p) => ({ ...p, painsCovered: coverCount.get(p.id) ?? 0 }))
    .sort((a, b) => b.painsCovered - a.painsCovered || (b.score ?? -1) - (a.score ?? -1) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  const shownPieces = columns.slice(0, q.pieces);
  const pieceIds = new Set(shownPieces.map((p) => p.id));
  return {
    asOf,
    halfLifeDays: EVIDENCE_HALF_LIFE_DAYS,
    coversAt: COVERS_AT,
    view: q.view,
    summary: report.summary,
    pains: rows.map(presentRow),
    painsTotal: report.rows.length,
    pieces: shownPieces,
    piecesTotal: columns.length,
    cells: report.cells.filter((c) => shownPains.has(c.painId) && pieceIds.has(c.pieceId)).map((c) => ({ painId: c.painId, pieceId: c.pieceId, similarity: c.similarity, covers: c.covers })),
    gap: report.gap.slice(0, GAP_SHOWN).map(presentRow),
    gapTotal: report.gap.length,
    offMessage: report.offMessage.slice(0, OFF_MESSAGE_SHOWN).map((p) => ({ ...p, painsCovered: 0 })),
    offMessageTotal: report.offMessage.length,
  };
}

export function registerCoverageRoutes(app: Server, { db }: AppContext): void {
  app.get(
    '/messaging/coverage',
    {
      schema: {
        tags,
        summary: `Coverage: the pain × piece heat map, the messaging gap (active pains sales hears most — recent evidence weighing more, half as much every ${EVIDENCE_HALF_LIFE_DAYS} days — that no published piece covers) and the off-message list (published pieces that cover no active pain). A piece covers a pain when its current version matched it at a similarity of ${COVERS_AT} or more.`,
        querystring: CoverageQuery,
        response: { 200: CoverageView, 400: ErrorView, 403: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const now = new Date();
      const { report, today } = await loadCoverage(db.kysely, actor.workspaceId, now);
      return presentCoverage(report, today, req.query);
    },
  );
}
