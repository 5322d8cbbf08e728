// Coverage maths (issue 12): evidence weight decaying with a 180-day half-life, which published piece covers which
// pain (similarity ≥ 0.75 on the current version), the messaging gap, the off-message list and the signals.
import { describe, expect, it } from 'vitest';
import {
  buildCoverage,
  COVERS_AT,
  decayWeight,
  evidenceSignal,
  EVIDENCE_HALF_LIFE_DAYS,
  gateSignal,
  painWeights,
  topPainCoverage,
  topPainsSignal,
  type CoveragePain,
  type CoveragePiece,
} from '../../../src/capabilities/messaging/coverage/index.js';
import { HALF_LIFE_DAYS } from '../../../src/capabilities/messaging/analyzer/index.js';

const today = '2026-12-01';
const pain = (id: string, statement = `Pain ${id}`, severity = 3): CoveragePain => ({ id, statement, persona: 'RevOps lead', segment: 'Mid-market', severity });
const piece = (id: string, status: CoveragePiece['status'] = 'published', publishedAt: string | null = status === 'published' ? '2026-11-01T10:00:00.000Z' : null): CoveragePiece => ({
  id,
  title: `Piece ${id}`,
  channel: 'blog',
  status,
  score: 70,
  band: 'pain_based',
  publishedAt,
});

describe('decayWeight', () => {
  it('is 1 today, ½ a half-life ago, ¼ two half-lives ago', () => {
    // The analyzer's half-life for quotes: a quote weighs the same in matching and in the gap.
    expect(EVIDENCE_HALF_LIFE_DAYS).toBe(HALF_LIFE_DAYS);
    expect(EVIDENCE_HALF_LIFE_DAYS).toBe(180);
    expect(decayWeight(today, today)).toBe(1);
    expect(decayWeight('2026-06-04', today)).toBeCloseTo(0.5, 10);
    expect(decayWeight('2025-12-06', today)).toBeCloseTo(0.25, 10);
  });

  it('weighs a date after today as today, never more than 1', () => {
    expect(decayWeight('2026-12-05', today)).toBe(1);
  });

  it('takes another half-life', () => {
    expect(decayWeight('2026-11-01', today, 30)).toBeCloseTo(0.5, 10);
  });
});

describe('painWeights', () => {
  it('sums the decayed counts, counts the last 90 days and keeps the latest date', () => {
    const w = painWeights(
      [
        { painId: 'a', date: today, count: 2 },
        { painId: 'a', date: '2026-06-04', count: 4 },
        { painId: 'b', date: '2025-12-01', count: 10 },
      ],
      today,
    );
    expect(w.get('a')).toEqual({ weight: 4, count: 6, recentCount: 2, lastHeard: today });
    // A year ago: 10 × ½^(365/180) ≈ 2.5.
    expect(w.get('b')?.weight).toBeCloseTo(10 * 0.5 ** (365 / 180), 10);
    expect(w.get('b')?.recentCount).toBe(0);
  });
});

describe('buildCoverage', () => {
  const pains = [pain('a', 'Leads go cold'), pain('b', 'Reports take days'), pain('c', 'Nobody trusts the numbers'), pain('d', 'Never heard')];
  const evidence = [
    { painId: 'a', date: today, count: 3 },
    { painId: 'b', date: '2026-11-20', count: 5 },
    { painId: 'c', date: '2026-01-10', count: 8 },
  ];

  it('a published piece covers a pain at or above the threshold; below it does not; drafts are coming, not covering', () => {
    const r = buildCoverage({
      pains,
      evidence,
      pieces: [piece('p1'), piece('p2'), piece('d1', 'draft'), piece('x', 'archived')],
      matches: [
        { pieceId: 'p1', painId: 'a', similarity: COVERS_AT },
        { pieceId: 'p2', painId: 'b', similarity: COVERS_AT - 0.01 },
        { pieceId: 'd1', painId: 'b', similarity: 0.85 },
        { pieceId: 'x', painId: 'c', similarity: 0.95 },
      ],
      today,
    });
    const row = (id: string) => r.rows.find((x) => x.id === id)!;
    expect(row('a').coveredBy.map((p) => p.id)).toEqual(['p1']);
    expect(row('b').coveredBy).toEqual([]);
    expect(row('b').inProgress.map((p) => p.id)).toEqual(['d1']);
    // An archived piece covers nothing.
    expect(row('c').coveredBy).toEqual([]);
    // The gap: b (5 recent) before c (8 from January), a covered, d never heard.
    expect(r.gap.map((g) => g.id)).toEqual(['b', 'c']);
    // p2 matched b only below the threshold: off-message, with its closest pain.
    expect(r.offMessage.map((p) => [p.id, p.closest?.statement, p.closest?.similarity])).toEqual([['p2', 'Reports take days', COVERS_AT - 0.01]]);
    expect(r.cells.map((c) => [c.pieceId, c.covers])).toEqual([
      ['p1', true],
      ['p2', false],
      ['d1', true],
    ]);
    expect(r.summary).toMatchObject({ activePains: 4, painsWithEvidence: 3, coveredPains: 1, publishedPieces: 2, inProgressPieces: 1 });
    expect(r.summary.coveredWeightShare).toBeCloseTo(3 / (3 + row('b').weight + row('c').weight), 10);
    expect(r.pieces.map((p) => p.id)).toEqual(['p1', 'p2', 'd1']);
  });

  it('orders pains by weight, then count, then severity, then statement', () => {
    const r = buildCoverage({ pains: [pain('z', 'Zed', 2), pain('y', 'Why', 5), pain('x', 'Ex', 5)], evidence: [], pieces: [], matches: [], today });
    expect(r.rows.map((x) => x.id)).toEqual(['x', 'y', 'z']);
    expect(r.gap).toEqual([]);
    expect(r.summary.coveredWeightShare).toBeNull();
  });

  it('ignores matches to pains that are not active (retired or of no row) and pieces it does not know', () => {
    const r = buildCoverage({ pains: [pain('a')], evidence: [{ painId: 'a', date: today, count: 1 }], pieces: [piece('p')], matches: [{ pieceId: 'p', painId: 'retired', similarity: 0.9 }, { pieceId: 'ghost', painId: 'a', similarity: 0.9 }], today });
    expect(r.rows[0]?.coveredBy).toEqual([]);
    expect(r.offMessage.map((p) => [p.id, p.closest])).toEqual([['p', null]]);
    expect(r.cells).toEqual([]);
  });

  it('lists the latest published off-message piece first', () => {
    const r = buildCoverage({ pains: [], evidence: [], pieces: [piece('old', 'published', '2026-01-01T00:00:00Z'), piece('new', 'published', '2026-11-30T00:00:00Z')], matches: [], today });
    expect(r.offMessage.map((p) => p.id)).toEqual(['new', 'old']);
  });
});

describe('topPainCoverage and the signals', () => {
  const rows = (n: number, covered: (i: number) => boolean) =>
    buildCoverage({
      pains: Array.from({ length: n }, (_, i) => pain(`p${String(i).padStart(2, '0')}`, `Pain ${i}`)),
      evidence: Array.from({ length: n }, (_, i) => ({ painId: `p${String(i).padStart(2, '0')}`, date: today, count: n - i })),
      pieces: [piece('piece')],
      matches: Array.from({ length: n }, (_, i) => i).filter(covered).map((i) => ({ pieceId: 'piece', painId: `p${String(i).padStart(2, '0')}`, similarity: 0.8 })),
      today,
    }).rows;

  it('looks at the ten heaviest pains only', () => {
    const c = topPainCoverage(rows(14, (i) => i < 4 || i >= 10));
    expect(c).toMatchObject({ considered: 10, covered: 4, share: 0.4 });
    expect(c.firstGap?.statement).toBe('Pain 4');
    const s = topPainsSignal(rows(14, (i) => i < 4 || i >= 10));
    expect(s).toMatchObject({ key: 'messaging.top_pains_covered', strategy: 'messaging', score: 0.4 });
    expect(s.detail).toBe('4 of the top 10 pains sales hears most are covered by a published piece (40%); the heaviest not covered is "Pain 4" (10 quotes).');
    expect(s.nextStep).toEqual({ text: 'Write a piece for "Pain 4"', href: '/messaging' });
  });

  it('is null without evidence, and has nothing to do when every top pain is covered', () => {
    expect(topPainsSignal([]).score).toBeNull();
    const s = topPainsSignal(rows(3, () => true));
    expect(s).toMatchObject({ score: 1, nextStep: null });
    expect(s.detail).toBe('3 of the 3 pains sales hears most are covered by a published piece (100%).');
  });

  it('the gate: an override counts as not passed, as does a piece never approved', () => {
    expect(gateSignal([]).score).toBeNull();
    const s = gateSignal([
      { overridden: false, approved: true },
      { overridden: false, approved: true },
      { overridden: true, approved: false },
      { overridden: true, approved: true },
    ]);
    expect(s.score).toBe(0.5);
    expect(s.detail).toBe("2 of 4 pieces published in the last 90 days passed the gate with sales approval (50%); 2 were published by a leader's override.");
    expect(gateSignal([{ overridden: false, approved: true }])).toMatchObject({ score: 1, nextStep: null });
  });

  it('evidence: four entries per sales member in 30 days is full marks, never more', () => {
    expect(evidenceSignal({ entries: 0, sellers: 0 }).score).toBeNull();
    expect(evidenceSignal({ entries: 6, sellers: 3 })).toMatchObject({ score: 0.5, detail: '6 entries of evidence logged in the last 30 days, against 12 expected (4 from each of 3 sales members).' });
    expect(evidenceSignal({ entries: 40, sellers: 3 }).score).toBe(1);
    expect(evidenceSignal({ entries: 0, sellers: 2 })).toMatchObject({ score: 0, nextStep: { href: '/messaging/evidence' } });
  });
});
