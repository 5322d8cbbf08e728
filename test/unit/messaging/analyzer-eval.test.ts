// The analyzer's quality, measured (issue 12, "Quality of the analyzer — prove it"; decision 046): band accuracy
// and top-1 pain match on the labelled sets in test/fixtures/messaging-eval, overall and on the paraphrased texts —
// texts.json (tuned on, all of it), its old held-out third (spent: it was looked at, so it is no longer blind) and
// heldout-2.json (written blind by someone who never saw the analyzer and run once on the frozen score; since
// decision 055 its misses were read and the score changed for them, so it is a development set too), and the two
// sets still blind, heldout-3.json and heldout-4.json (each written by another person who never saw the analyzer;
// only their figures are printed) — asserted not to drop below what README.md's "Pain analyzer quality" section
// states. The texts are matched against pains.json with more-quotes.json's quotes added (decision 063): tens of
// buyers' quotes a pain, as a working library holds; the figures on pains.json's own few quotes are printed too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzePiece, PainIndex, type Band, type PainDoc } from '../../../src/capabilities/messaging/analyzer/index.js';
import { indexTermsOf } from '../../../src/capabilities/messaging/analyzer/pain-matcher.js';

interface EvalText {
  id: string;
  style: string;
  industry: string;
  label: Band;
  pain?: string | null;
  paraphrased?: boolean;
  split?: 'tune' | 'holdout';
  text: string;
}

const dir = new URL('../../fixtures/messaging-eval/', import.meta.url);
const { pains: ownPains } = JSON.parse(readFileSync(new URL('pains.json', dir), 'utf8')) as { pains: PainDoc[] };
const more = JSON.parse(readFileSync(new URL('more-quotes.json', dir), 'utf8')) as { quotes: Record<string, PainDoc['quotes']> };
/** The library the sets are measured on: each pain's own quotes and more-quotes.json's. */
const pains: PainDoc[] = ownPains.map((p) => ({ ...p, quotes: [...p.quotes, ...(more.quotes[p.id] ?? [])] }));
const set = JSON.parse(readFileSync(new URL('texts.json', dir), 'utf8')) as { threshold: number; now: string; texts: EvalText[] };
const blind = JSON.parse(readFileSync(new URL('heldout-2.json', dir), 'utf8')) as { status: string; threshold: number; now: string; texts: EvalText[] };
const scored = (s: { threshold: number; now: string; texts: EvalText[] }, library: PainDoc[] = pains) => {
  const index = PainIndex.build(library, new Date(`${s.now}T12:00:00Z`));
  return s.texts.map((t) => {
    const a = analyzePiece(t.text, index, s.threshold);
    return { ...t, score: a.score, band: a.band, top: a.matchedPains[0]?.painId ?? null };
  });
};
const results = scored(set);
const blindResults = scored(blind);
/** The third set, still blind: its figures are printed and asserted, never its misses (reading them would spend it). */
const third = JSON.parse(readFileSync(new URL('heldout-3.json', dir), 'utf8')) as { status: string; threshold: number; now: string; texts: EvalText[] };
const thirdResults = scored(third);
const fourth = JSON.parse(readFileSync(new URL('heldout-4.json', dir), 'utf8')) as { status: string; threshold: number; now: string; texts: EvalText[] };
const fourthResults = scored(fourth);
/** Two more development sets, written by two more people after the analyzer of decision 063 was frozen. */
const devSets = (['dev-5', 'dev-6'] as const).map((name) => {
  const s = JSON.parse(readFileSync(new URL(`${name}.json`, dir), 'utf8')) as { status: string; threshold: number; now: string; texts: EvalText[] };
  return { name, set: s, results: scored(s) };
});

interface Rate {
  hit: number;
  of: number;
}
const rate = (rows: typeof results, ok: (r: (typeof results)[number]) => boolean): Rate => ({ hit: rows.filter(ok).length, of: rows.length });
const pct = (r: Rate) => (r.of === 0 ? 0 : (100 * r.hit) / r.of);
const show = (r: Rate) => `${pct(r).toFixed(1)}% (${r.hit} of ${r.of})`;

const bandOk = (r: (typeof results)[number]) => r.band === r.label;
const painOk = (r: (typeof results)[number]) => r.top === r.pain;
const withPain = results.filter((r) => r.pain);
const blindWithPain = blindResults.filter((r) => r.pain);
const thirdWithPain = thirdResults.filter((r) => r.pain);
const fourthWithPain = fourthResults.filter((r) => r.pain);
const measured = {
  all: { band: rate(results, bandOk), top1: rate(withPain, painOk), paraphrased: rate(withPain.filter((r) => r.paraphrased), painOk) },
  tune: { band: rate(results.filter((r) => r.split === 'tune'), bandOk), top1: rate(withPain.filter((r) => r.split === 'tune'), painOk), paraphrased: rate(withPain.filter((r) => r.split === 'tune' && r.paraphrased), painOk) },
  holdout: {
    band: rate(results.filter((r) => r.split === 'holdout'), bandOk),
    top1: rate(withPain.filter((r) => r.split === 'holdout'), painOk),
    paraphrased: rate(withPain.filter((r) => r.split === 'holdout' && r.paraphrased), painOk),
  },
  blind: { band: rate(blindResults, bandOk), top1: rate(blindWithPain, painOk), paraphrased: rate(blindWithPain.filter((r) => r.paraphrased), painOk) },
  third: { band: rate(thirdResults, bandOk), top1: rate(thirdWithPain, painOk), paraphrased: rate(thirdWithPain.filter((r) => r.paraphrased), painOk) },
  fourth: { band: rate(fourthResults, bandOk), top1: rate(fourthWithPain, painOk), paraphrased: rate(fourthWithPain.filter((r) => r.paraphrased), painOk) },
  ...Object.fromEntries(
    devSets.map(({ name, results: rs }) => {
      const named = rs.filter((r) => r.pain);
      return [name, { band: rate(rs, bandOk), top1: rate(named, painOk), paraphrased: rate(named.filter((r) => r.paraphrased), painOk) }];
    }),
  ),
} as Record<'all' | 'tune' | 'holdout' | 'blind' | 'third' | 'fourth' | 'dev-5' | 'dev-6', { band: Rate; top1: Rate; paraphrased: Rate }>;
/** The blind sets on pains.json's own few quotes a pain (printed, for comparison). */
const onOwnQuotes = (s: typeof third) => {
  const rows = scored(s, ownPains);
  const named = rows.filter((r) => r.pain);
  return `band ${show(rate(rows, bandOk))}   top-1 ${show(rate(named, painOk))}   top-1 paraphr. ${show(rate(named.filter((r) => r.paraphrased), painOk))}`;
};

/** The figures README.md states: its "Pain analyzer quality" table, row by row, the first percentage of each cell (one decimal, as the test prints it). */
function statedFigures(): Record<'all' | 'holdout' | 'blind' | 'third' | 'fourth' | 'dev-5' | 'dev-6', { band: number; top1: number; paraphrased: number }> {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Pain analyzer quality'));
  if (!section) throw new Error('README.md has no "Pain analyzer quality" section');
  const row = (label: string) => {
    const line = section.split('\n').find((l) => l.startsWith(`| ${label}`));
    if (!line) throw new Error(`README.md's quality table has no "${label}" row`);
    const cells = line.split('|').slice(2, 5).map((c) => Number(/(\d+(?:\.\d+)?)%/.exec(c)?.[1] ?? Number.NaN));
    return { band: cells[0]!, top1: cells[1]!, paraphrased: cells[2]! };
  };
  return { all: row('All of texts.json'), holdout: row('Old held-out third'), blind: row('heldout-2.json'), third: row('**heldout-3.json'), fourth: row('**heldout-4.json'), 'dev-5': row('dev-5.json'), 'dev-6': row('dev-6.json') };
}

describe('the analyzer on its evaluation set', () => {
  it('is a set as the issue asks: 80+ texts in three bands, 12+ pains with quotes, 40+ with their pain, half of those paraphrased, a third held out', () => {
    expect(set.texts.length).toBeGreaterThanOrEqual(80);
    for (const band of ['pain_based', 'mixed', 'feature_led']) expect(set.texts.filter((t) => t.label === band).length).toBeGreaterThanOrEqual(15);
    expect(pains.length).toBeGreaterThanOrEqual(12);
    for (const p of ownPains) expect(p.quotes.length).toBeGreaterThanOrEqual(3);
    // more-quotes.json adds quotes to the library's own pains only, 20 or more to each.
    expect(Object.keys(more.quotes).sort()).toEqual(ownPains.map((p) => p.id).sort());
    for (const p of ownPains) expect(more.quotes[p.id]!.length, p.id).toBeGreaterThanOrEqual(20);
    expect(withPain.length).toBeGreaterThanOrEqual(40);
    expect(withPain.filter((r) => r.paraphrased).length * 2).toBeGreaterThanOrEqual(withPain.length);
    expect(set.texts.filter((t) => t.split === 'holdout').length * 3).toBeGreaterThanOrEqual(set.texts.length - 2);
    expect(new Set(set.texts.map((t) => t.style)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(set.texts.map((t) => t.industry)).size).toBeGreaterThanOrEqual(20);
    const ids = new Set(pains.map((p) => p.id));
    for (const t of withPain) expect(ids.has(t.pain!), t.id).toBe(true);
  });

  it('holds paraphrases that truly share no key word with their pain statement', () => {
    const statements = new Map(pains.map((p) => [p.id, new Set(indexTermsOf(p.statement))]));
    for (const t of withPain.filter((r) => r.paraphrased)) {
      const shared = indexTermsOf(t.text).filter((s) => statements.get(t.pain!)!.has(s));
      expect(shared, `${t.id} shares words with its pain's statement`).toEqual([]);
    }
  });

  it('has a second set written blind (a development set since decision 055), final, with texts in all three bands and some naming their pain', () => {
    expect(blind.status).toBe('final');
    expect(blind.texts.length).toBeGreaterThanOrEqual(30);
    for (const band of ['pain_based', 'mixed', 'feature_led']) expect(blind.texts.filter((t) => t.label === band).length, band).toBeGreaterThanOrEqual(5);
    expect(blindWithPain.length).toBeGreaterThanOrEqual(10);
    const ids = new Set(pains.map((p) => p.id));
    for (const t of blindWithPain) expect(ids.has(t.pain!), t.id).toBe(true);
    expect(new Set(blind.texts.map((t) => t.id)).size).toBe(blind.texts.length);
  });

  it.each([
    ['third set, still blind,', third, thirdWithPain],
    ['fourth set, still blind,', fourth, fourthWithPain],
    ...devSets.map(({ name, set: s, results: rs }) => [`development set ${name}`, s, rs.filter((r) => r.pain)] as const),
  ] as const)('has a %s final, with texts in all three bands and some naming their pain', (_, s, withItsPain) => {
    expect(s.status).toBe('final');
    expect(s.texts.length).toBeGreaterThanOrEqual(30);
    for (const band of ['pain_based', 'mixed', 'feature_led']) expect(s.texts.filter((t) => t.label === band).length, band).toBeGreaterThanOrEqual(5);
    expect(withItsPain.filter((t) => t.paraphrased).length).toBeGreaterThanOrEqual(10);
    const ids = new Set(pains.map((p) => p.id));
    for (const t of withItsPain) expect(ids.has(t.pain!), t.id).toBe(true);
    expect(new Set(s.texts.map((t) => t.id)).size).toBe(s.texts.length);
  });

  it('holds paraphrases in heldout-4, dev-5 and dev-6 that share no key word with their pain statement (heldout-3 is left as its writer checked it)', () => {
    const statements = new Map(pains.map((p) => [p.id, new Set(indexTermsOf(p.statement))]));
    for (const t of [...fourthWithPain, ...devSets.flatMap((d) => d.results.filter((r) => r.pain))].filter((r) => r.paraphrased)) expect(indexTermsOf(t.text).filter((w) => statements.get(t.pain!)!.has(w)), `${t.id} shares words with its pain's statement`).toEqual([]);
  });

  it('reaches at least the figures README.md states: all of texts.json, its old held-out third, heldout-2 and the blind heldout-3 and heldout-4', () => {
    const lines = [
      `band accuracy   all ${show(measured.all.band)}   tuned-on ${show(measured.tune.band)}   held-out ${show(measured.holdout.band)}`,
      `top-1 pain      all ${show(measured.all.top1)}   tuned-on ${show(measured.tune.top1)}   held-out ${show(measured.holdout.top1)}`,
      `top-1 paraphr.  all ${show(measured.all.paraphrased)}   tuned-on ${show(measured.tune.paraphrased)}   held-out ${show(measured.holdout.paraphrased)}`,
      ...results.filter((r) => !bandOk(r) || (r.pain && !painOk(r))).map((r) => `  miss ${r.id} [${r.split}] ${r.label} → ${r.band} (${r.score})${r.pain && !painOk(r) ? `; pain ${r.pain} → ${r.top ?? 'none'}` : ''}`),
      `heldout-2 (written blind, tuned on since decision 055; ${blindResults.length} texts): band ${show(measured.blind.band)}   top-1 ${show(measured.blind.top1)}   top-1 paraphr. ${show(measured.blind.paraphrased)}`,
      ...blindResults.filter((r) => !bandOk(r) || (r.pain && !painOk(r))).map((r) => `  miss ${r.id} [heldout-2] ${r.label} → ${r.band} (${r.score})${r.pain && !painOk(r) ? `; pain ${r.pain} → ${r.top ?? 'none'}` : ''}`),
      `heldout-3 (blind: its misses are not printed; ${thirdResults.length} texts): band ${show(measured.third.band)}   top-1 ${show(measured.third.top1)}   top-1 paraphr. ${show(measured.third.paraphrased)}`,
      `heldout-4 (blind: its misses are not printed; ${fourthResults.length} texts): band ${show(measured.fourth.band)}   top-1 ${show(measured.fourth.top1)}   top-1 paraphr. ${show(measured.fourth.paraphrased)}`,
      ...devSets.map(({ name, results: rs }) => `${name} (written after the analyzer was frozen; ${rs.length} texts): band ${show(measured[name].band)}   top-1 ${show(measured[name].top1)}   top-1 paraphr. ${show(measured[name].paraphrased)}`),
      `on pains.json's own quotes only (${ownPains.reduce((n, p) => n + p.quotes.length, 0)} of them):`,
      `  heldout-3: ${onOwnQuotes(third)}`,
      `  heldout-4: ${onOwnQuotes(fourth)}`,
    ];
    console.log(`Pain analyzer evaluation (${results.length} texts, threshold ${set.threshold}):\n${lines.join('\n')}`);
    const stated = statedFigures();
    for (const scope of ['all', 'holdout', 'blind', 'third', 'fourth', 'dev-5', 'dev-6'] as const) {
      for (const key of ['band', 'top1', 'paraphrased'] as const) {
        expect(Number(pct(measured[scope][key]).toFixed(1)), `${scope} ${key}`).toBeGreaterThanOrEqual(stated[scope][key]);
      }
    }
  });
});
