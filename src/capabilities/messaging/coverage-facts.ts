// What coverage reads from the messaging tables (issue 12): active pains, their evidence counted by day, the pieces
// not archived and what each one's current version matched. The maths is coverage/coverage.ts; this is one query
// per table, so the heat map, the agenda's gap and the alignment signal read the same numbers.
import type { Db } from '../../db/database.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { buildCoverage, type CoverageReport, type CoverageStatus } from './coverage/index.js';

export async function loadCoverage(db: Db, workspaceId: string, now: Date): Promise<{ report: CoverageReport; today: string }> {
  const ws = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const pains = await db
    .selectFrom('pains')
    .select(['id', 'statement', 'persona', 'segment', 'severity'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .execute();
  const evidence = await db
    .selectFrom('evidence')
    .innerJoin('pains', 'pains.id', 'evidence.pain_id')
    .select(['evidence.pain_id as painId', 'evidence.date', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('evidence.workspace_id', '=', workspaceId)
    .where('pains.workspace_id', '=', workspaceId)
    .where('pains.status', '=', 'active')
    .groupBy(['evidence.pain_id', 'evidence.date'])
    .execute();
  const pieces = await db
    .selectFrom('pieces')
    .select(['id', 'title', 'channel', 'status', 'score', 'band', 'published_at'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '!=', 'archived')
    .execute();
  const matches = await db
    .selectFrom('piece_pain_matches as m')
    .innerJoin('pieces', (j) => j.onRef('pieces.id', '=', 'm.piece_id').onRef('pieces.version', '=', 'm.version'))
    .select(['m.piece_id as pieceId', 'm.pain_id as painId', 'm.similarity'])
    .where('m.workspace_id', '=', workspaceId)
    .where('pieces.workspace_id', '=', workspaceId)
    .where('pieces.status', '!=', 'archived')
    .execute();
  const today = localDateOf(now, ws.time_zone);
  const report = buildCoverage({
    pains: pains.map((p) => ({ ...p, severity: Number(p.severity) })),
    evidence: evidence.map((e) => ({ painId: e.painId as string, date: e.date, count: Number(e.n) })),
    pieces: pieces.map((p) => ({ id: p.id, title: p.title, channel: p.channel, status: p.status as CoverageStatus, score: p.score === null ? null : Number(p.score), band: p.band, publishedAt: p.published_at })),
    matches: matches.map((m) => ({ pieceId: m.pieceId, painId: m.painId, similarity: Number(m.similarity) })),
    today,
  });
  return { report, today };
}
