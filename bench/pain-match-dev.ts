// The pain match on the development sets (issue 12; decision 054): top-1 on texts.json and on heldout-2.json — the
// development set since its blind run was reported — with each miss's top three and what they matched on, so a
// change to the matcher can be measured while it is made. It reads only these two sets: heldout-3.json is blind and
// is run once, by the eval test, on the frozen matcher. Not a test: nothing is asserted.
//
//   npx tsx bench/pain-match-dev.ts            (figures and misses)
//   npx tsx bench/pain-match-dev.ts --all      (every text with a pain, hit or miss)
import { readFileSync } from 'node:fs';
import { analyzePiece, PainIndex as RepoIndex, type Band, type PainDoc } from '../src/capabilities/messaging/analyzer/index.js';
const at = process.argv.indexOf('--matcher');
const PainIndex = (at >= 0 ? ((await import(process.argv[at + 1]!)) as { PainIndex: typeof RepoIndex }).PainIndex : RepoIndex);

interface EvalText {
  id: string;
  pain?: string | null;
  paraphrased?: boolean;
  label: Band;
  text: string;
}
const dir = new URL('../test/fixtures/messaging-eval/', import.meta.url);
const { pains } = JSON.parse(readFileSync(new URL('pains.json', dir), 'utf8')) as { pains: PainDoc[] };
const all = process.argv.includes('--all');

for (const file of ['texts.json', 'heldout-2.json']) {
  const set = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { now: string; threshold: number; texts: EvalText[] };
  const index = PainIndex.build(pains, new Date(`${set.now}T12:00:00Z`));
  let hit = 0;
  let of = 0;
  let pHit = 0;
  let pOf = 0;
  const lines: string[] = [];
  let bands = 0;
  const bandMisses: string[] = [];
  for (const t of set.texts) {
    const a = analyzePiece(t.text, index as unknown as RepoIndex, set.threshold);
    if (a.band === t.label) bands += 1;
    else bandMisses.push(`${t.id} ${t.label}→${a.band} (${a.score}, evidence ${a.parts.find((p) => p.key === 'evidence_match')?.points})`);
    if (!t.pain) continue;
    const matches = index.match(t.text, 3);
    const ok = matches[0]?.painId === t.pain;
    of += 1;
    if (ok) hit += 1;
    if (t.paraphrased) {
      pOf += 1;
      if (ok) pHit += 1;
    }
    if (!ok || all) {
      const rank = matches.findIndex((m) => m.painId === t.pain);
      lines.push(`  ${ok ? 'hit ' : 'miss'} ${t.id}${t.paraphrased ? ' (paraphrased)' : ''} ${t.pain} rank ${rank < 0 ? '-' : rank + 1}`);
      for (const m of matches) lines.push(`       ${m.painId} ${m.similarity} [${m.matchedOn.join(', ')}] via ${m.viaQuotes}`);
    }
  }
  console.log(`${file}: band ${bands} of ${set.texts.length} (${((100 * bands) / set.texts.length).toFixed(1)}%)${process.argv.includes('--bands') ? `\n  band misses: ${bandMisses.join('; ')}` : ''}`);
  console.log(`${file}: top-1 ${hit} of ${of} (${((100 * hit) / of).toFixed(1)}%), paraphrased ${pHit} of ${pOf} (${((100 * pHit) / Math.max(1, pOf)).toFixed(1)}%)`);
  console.log(lines.join('\n'));
}
