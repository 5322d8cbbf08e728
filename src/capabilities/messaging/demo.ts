// The messaging part of the demo workspace (SPEC S8, S3; issue 12): Northwind's pain library in its buyers' words,
// a year of evidence from its sales team — most of it tied to the demo's CRM deals, so win rates and amounts are
// the deals' own — and marketing pieces in every status, each scored and matched by the real analyzer against
// that library, with their sales reviews, sentence comments and the one leader's override.
import type { Db } from '../../db/database.js';
import type { EvidenceTable, PieceCommentsTable, PiecePainMatchesTable, PieceReviewsTable, PiecesTable } from '../../db/schema/messaging.js';
import { recordAudit } from '../../server/audit.js';
import { newId } from '../../server/ids.js';
import { calendarDate, localDateOf } from '../../shared/calendar/index.js';
import type { DemoContext } from '../../shared/contracts/demo.js';
import { seededRandom } from '../../shared/seeded-random.js';
import { sentencesOf } from './analyzer/index.js';
import { DEMO_PAINS, DEMO_PIECES, type DemoPain, type DemoPiece } from './demo-content.js';
import { seedLargeMessagingDemo } from './demo-large.js';
import { analyzeInWorkspace } from './pain-index.js';

/** Evidence entries over the year, and the share reps left without a pain (the "confirm the pain" queue). */
const EVIDENCE_ENTRIES = 340;
const UNCONFIRMED_SHARE = 0.04;
const SELLERS = ['elena', 'jamal', 'sofia', 'ben', 'grace', 'tom', 'elena', 'jamal'];
const NOTES = [null, null, null, 'Said it twice on the discovery call.', 'Champion repeated this to their CFO.', 'Came up in the security call too.', 'Competitor pitched against this.', null];

interface DealRow {
  id: string;
  name: string;
  status: string;
  amount: number | null;
  created_date: string | null;
  close_date: string | null;
  owner_member_id: string | null;
}

const accountOf = (dealName: string) => dealName.split(' — ')[0] ?? dealName;
export const at = (date: string, hour: number, now: Date) => {
  const iso = new Date(Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000).toISOString();
  return iso > now.toISOString() ? now.toISOString() : iso;
};

function pickPain(rand: () => number, pains: ReadonlyArray<{ p: DemoPain; id: string }>, daysAgo: number): { p: DemoPain; id: string } | null {
  const progress = 1 - daysAgo / 365;
  const weighted = pains
    .filter(({ p }) => p.addedDaysAgo >= daysAgo && !(p.retired && daysAgo < 120))
    .map((x) => [x, x.p.heard * Math.pow(x.p.trend, 4 * (progress - 0.5))] as const);
  const sum = weighted.reduce((s, [, w]) => s + w, 0);
  let r = rand() * sum;
  for (const [x, w] of weighted) {
    r -= w;
    if (r < 0) return x;
  }
  return weighted.at(-1)?.[0] ?? null;
}

export async function seedMessagingDemo(db: Db, demo: DemoContext): Promise<void> {
  if (demo.size !== 'demo') return seedLargeMessagingDemo(db, demo);
  const rand = seededRandom(20261206);
  const ws = demo.workspaceId;
  const now = demo.now;
  const today = localDateOf(now, demo.timeZone);
  const daysAgoIso = (days: number, hour = 15) => at(calendarDate.addDays(today, -days), hour, now);

  // The pain library.
  const pains = DEMO_PAINS.map((p) => ({ p, id: newId() }));
  await db
    .insertInto('pains')
    .values(
      pains.map(({ p, id }) => ({
        id,
        workspace_id: ws,
        statement: p.statement,
        persona: p.persona,
        segment: p.segment,
        severity: p.severity,
        emotion: p.emotion,
        synonyms: JSON.stringify(p.synonyms),
        status: p.retired ? ('retired' as const) : ('active' as const),
        created_by: demo.person(p.addedDaysAgo < 30 ? 'tom' : 'liam').memberId,
        created_at: daysAgoIso(p.addedDaysAgo, 14),
        updated_at: daysAgoIso(p.retired ? 110 : p.addedDaysAgo, 14),
        retired_at: p.retired ? daysAgoIso(110, 14) : null,
      })),
    )
    .execute();

  // A year of evidence: newer weeks busier, each pain heard more or less as its trend says; three in four tied to a
  // deal of the seller's that was open on the day (its account, amount and outcome are the deal's).
  const deals = (await db
    .selectFrom('deals')
    .select(['id', 'name', 'status', 'amount', 'created_date', 'close_date', 'owner_member_id'])
    .where('workspace_id', '=', ws)
    .where('created_date', '>=', calendarDate.addDays(today, -460))
    .execute()) as DealRow[];
  const usedQuotes = new Map<string, number>();
  const evidence: EvidenceTable[] = [];
  for (let i = 0; i < EVIDENCE_ENTRIES; i++) {
    // More entries lately: the room was adopted over the year.
    const daysAgo = Math.floor(365 * (1 - Math.sqrt(rand())));
    const date = calendarDate.addDays(today, -daysAgo);
    const seller = demo.person(SELLERS[Math.floor(rand() * SELLERS.length)]!);
    const picked = pickPain(rand, pains, daysAgo);
    if (!picked) continue;
    const unconfirmed = rand() < UNCONFIRMED_SHARE || (daysAgo <= 2 && rand() < 0.3);
    const n = usedQuotes.get(picked.id) ?? Math.floor(rand() * picked.p.quotes.length);
    usedQuotes.set(picked.id, n + 1);
    const quote = picked.p.quotes[n % picked.p.quotes.length]!;
    const stamp = at(date, 16 + Math.floor(rand() * 6), now);
    const open = deals.filter((d) => d.created_date !== null && d.created_date <= date && (d.close_date === null || d.close_date >= date));
    const own = open.filter((d) => d.owner_member_id === seller.memberId);
    const pool = own.length > 0 ? own : open;
    const deal = rand() < 0.75 && pool.length > 0 ? pool[Math.floor(rand() * pool.length)]! : null;
    evidence.push({
      id: newId(),
      workspace_id: ws,
      pain_id: unconfirmed ? null : picked.id,
      member_id: seller.memberId,
      date,
      account: deal ? accountOf(deal.name) : ['Harbor Point Logistics', 'Quarry Foods', 'Vantage Bank', 'Oakline Media', 'Fjord Capital'][Math.floor(rand() * 5)]!,
      deal_id: deal?.id ?? null,
      deal_external_id: null,
      amount: deal?.amount ?? null,
      outcome: deal && (deal.status === 'won' || deal.status === 'lost') ? deal.status : 'open',
      quote,
      notes: NOTES[Math.floor(rand() * NOTES.length)] ?? null,
      created_at: stamp,
      updated_at: stamp,
    });
  }
  for (let i = 0; i < evidence.length; i += 200) await db.insertInto('evidence').values(evidence.slice(i, i + 200)).execute();

  await seedDemoPieces(db, demo, DEMO_PIECES);
  await citeDemoPieces(db, ws);
}

/**
 * Sales names the piece that helped (decision 056) on a few entries of each published piece's best-matched pain,
 * logged on or after the day it went out — so the demo shows "Cited by sales" and the wins job proposes from them.
 */
async function citeDemoPieces(db: Db, workspaceId: string): Promise<void> {
  const published = await db
    .selectFrom('pieces')
    .innerJoin('piece_pain_matches as m', (j) => j.onRef('m.piece_id', '=', 'pieces.id').onRef('m.version', '=', 'pieces.version'))
    .select(['pieces.id', 'pieces.published_at', 'm.pain_id', 'm.similarity'])
    .where('pieces.workspace_id', '=', workspaceId)
    .where('pieces.status', '=', 'published')
    .orderBy('pieces.id')
    .orderBy('m.similarity', 'desc')
    .execute();
  const best = new Map<string, { painId: string; since: string }>();
  for (const r of published) if (!best.has(r.id) && r.published_at) best.set(r.id, { painId: r.pain_id, since: r.published_at.slice(0, 10) });
  let n = 0;
  for (const [pieceId, { painId, since }] of best) {
    // Every other published piece, three entries each: cited, not every piece every time.
    if (n++ % 2 === 1) continue;
    const entries = await db
      .selectFrom('evidence')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('pain_id', '=', painId)
      // After the UTC day it went out: on or after its day in any zone.
      .where('date', '>', since)
      .where('piece_id', 'is', null)
      .orderBy('date')
      .orderBy('id')
      .limit(3)
      .execute();
    if (entries.length > 0) await db.updateTable('evidence').set({ piece_id: pieceId }).where('id', 'in', entries.map((e) => e.id)).execute();
  }
}

/**
 * Marketing pieces of the demo, each analysed by the real analyzer against the workspace's library as seeded (its
 * score, band and matched pains), with their sales reviews, sentence comments and the leader's override.
 */
export async function seedDemoPieces(db: Db, demo: DemoContext, pieces: readonly DemoPiece[]): Promise<void> {
  const ws = demo.workspaceId;
  const now = demo.now;
  const today = localDateOf(now, demo.timeZone);
  const daysAgoIso = (days: number, hour = 15) => at(calendarDate.addDays(today, -days), hour, now);
  // Written in a few multi-row inserts at the end: one round trip per piece and row cost PostgreSQL more than the analyses.
  const rows = { pieces: [] as PiecesTable[], matches: [] as PiecePainMatchesTable[], reviews: [] as PieceReviewsTable[], comments: [] as PieceCommentsTable[] };
  const overrides: Array<{ by: string; pieceId: string; after: Record<string, unknown> }> = [];
  for (const [i, d] of pieces.entries()) {
    const id = newId();
    const version = d.version ?? 1;
    const analysis = await analyzeInWorkspace(db, ws, d.body);
    const author = demo.person(d.author);
    const written = daysAgoIso(d.daysAgo, 13 + (i % 4));
    const asked = d.reviewers ? daysAgoIso(Math.max(0, d.daysAgo - 1), 10) : null;
    const decidedDays = Math.max(0, d.daysAgo - 2);
    const decided = daysAgoIso(decidedDays, 11);
    const published = d.status === 'published' || d.status === 'archived' ? daysAgoIso(Math.max(0, d.daysAgo - 3), 9) : null;
    const archived = d.status === 'archived' ? daysAgoIso(Math.max(0, d.daysAgo - 60), 9) : null;
    const override = d.override ? demo.person(d.override.by) : null;
    rows.pieces.push({
      id,
      workspace_id: ws,
      title: d.title,
      channel: d.channel,
      body: d.body,
      author_member_id: author.memberId,
      saved_by: author.memberId,
      status: d.status,
      version,
      score: analysis.score,
      band: analysis.band,
      analyzed_at: written,
      published_at: published,
      published_by: published ? (override ?? author).memberId : null,
      override_reason: d.override?.reason ?? null,
      override_by: override?.memberId ?? null,
      override_at: override ? published : null,
      archived_at: archived,
      created_at: daysAgoIso(d.daysAgo + 2, 11),
      updated_at: archived ?? published ?? (d.status === 'draft' ? written : (asked ?? written)),
    });
    const seen = new Set<string>();
    const matches = analysis.matchedPains.filter((m) => !seen.has(m.painId) && seen.add(m.painId));
    rows.matches.push(...matches.map((m) => ({ workspace_id: ws, piece_id: id, pain_id: m.painId, version, similarity: m.similarity })));

    // Reviews: pending while in review; approved for what was approved or published (the override's said changes).
    const sentences = sentencesOf(d.body);
    for (const [r, key] of (d.reviewers ?? []).entries()) {
      const reviewer = demo.person(key);
      const decision = d.status === 'in_review' ? 'pending' : d.status === 'changes_requested' || d.override ? 'changes_requested' : 'approved';
      const reviewId = newId();
      rows.reviews.push({
        id: reviewId,
        workspace_id: ws,
        piece_id: id,
        reviewer_member_id: reviewer.memberId,
        requested_by: author.memberId,
        requested_at: asked ?? written,
        version,
        decision,
        comment: decision === 'pending' || r > 0 ? null : (d.review ?? null),
        decided_at: decision === 'pending' ? null : decided,
      });
      if (r === 0 && d.comments) {
        for (const [index, body] of d.comments) {
          const sentence = sentences[index];
          if (!sentence) continue;
          rows.comments.push({ id: newId(), workspace_id: ws, piece_id: id, review_id: reviewId, member_id: reviewer.memberId, version, sentence_index: index, sentence_text: sentence.text, body, created_at: decided });
        }
      }
    }
    if (d.override && override) overrides.push({ by: override.memberId, pieceId: id, after: { version, score: analysis.score, threshold: analysis.threshold, reason: d.override.reason } });
  }
  const CHUNK = 200;
  for (let i = 0; i < rows.pieces.length; i += CHUNK) await db.insertInto('pieces').values(rows.pieces.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < rows.matches.length; i += CHUNK) await db.insertInto('piece_pain_matches').values(rows.matches.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < rows.reviews.length; i += CHUNK) await db.insertInto('piece_reviews').values(rows.reviews.slice(i, i + CHUNK)).execute();
  for (let i = 0; i < rows.comments.length; i += CHUNK) await db.insertInto('piece_comments').values(rows.comments.slice(i, i + CHUNK)).execute();
  for (const o of overrides) {
    await recordAudit(db, { workspaceId: ws, actorMemberId: o.by, action: 'piece.published_past_gate', entityType: 'piece', entityId: o.pieceId, after: o.after });
  }
}
