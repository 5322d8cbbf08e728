// indexStemsOf reads a text run by run (the runs between wink's splitters, each read by wink once and remembered),
// where it used to read the whole text as one wink document: the stems must be the same, in the same order, for
// any text. Checked against that whole-text reading on the demo's and the evaluation's texts, on every UTF-16 code
// unit between two words, and on generated texts made of the characters wink treats specially.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import model from 'wink-eng-lite-web-model';
import { indexStemsOf, indexStemsOfWholeText, readText } from '../../../src/capabilities/messaging/analyzer/nlp.js';
import { DEMO_PAINS, DEMO_PIECES } from '../../../src/capabilities/messaging/demo-content.js';

const FIXTURES = new URL('../../fixtures/messaging-eval/', import.meta.url).pathname;

/** Every string anywhere in the evaluation's JSON files. */
function fixtureStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) walk(JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')));
  return out;
}

/**
 * The run-by-run stems of a text are the whole-text stems read in the same state of wink's vocabulary. wink adds each
 * token it has not met to its vocabulary, and reads a run it knows as one token: a text can read differently the
 * first time and the next (its own history, whichever path reads it). So the text is read whole first, and both paths
 * then read it in the vocabulary that leaves. That the two paths also grow the vocabulary alike, text after text from a
 * fresh one, is the last test's (two fresh copies of the module, one per path).
 */
const sameAsWholeText = (text: string) => {
  indexStemsOfWholeText(text);
  expect(indexStemsOf(text), JSON.stringify(text.slice(0, 200))).toEqual(indexStemsOfWholeText(text));
};

describe('indexStemsOf, run by run', () => {
  it('splits where the English model says wink splits', () => {
    // The split characters are written into indexStemsOf; a model that changed them must fail here.
    const helpers = (model as unknown as { core: () => { trex: { helpers: { splitter: [string, string] } } } }).core().trex.helpers;
    expect(helpers.splitter).toEqual(['([ \\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]+|[\\n\\r\\t]+)', '']);
  });

  it('gives the whole-text stems for the demo and evaluation texts, in any order, read again or not', () => {
    const texts = [...DEMO_PAINS.flatMap((p) => [p.statement, ...p.quotes]), ...DEMO_PIECES.map((p) => p.body), ...fixtureStrings()];
    expect(texts.length).toBeGreaterThan(500);
    for (const t of texts) sameAsWholeText(t);
    for (const t of [...texts].reverse()) sameAsWholeText(t);
    // The joined forms the index reads a pain's statement and synonyms in.
    for (const p of DEMO_PAINS) sameAsWholeText([p.statement, ...p.quotes].join('.\n'));
  });

  it('gives the whole-text stems with any code unit between, before or after words', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      sameAsWholeText(`leads${ch}waiting`);
      if (c < 0x3000) sameAsWholeText(`${ch}reps don't call back${ch}${ch}tomorrow${ch}`);
    }
  });

  it('gives the whole-text stems for generated texts of words, spaces, breaks, punctuation and odd characters', () => {
    const pieces = [
      'leads', 'Leads', 'LEADS', "don't", "can't", 'cannot', "it's", "buyers'", 'gonna', 'e.g.', 'U.S.', 'Mr.', 'co-op', 'month-end', 'follow—up',
      '3', '42%', '$1,200', '10x', '2026-11-10', '9am', '1st', '#pipeline', '@dana', 'https://example.com/a?b=c', 'dana@northwind.example',
      ':)', '🙂', '👍🏽', 'café', 'naïve', 'Straße', '“quoted”', '(aside)', '[note]', '...', '…', '--', '––', '-', '–', ',', '.', '!', '?', ';', ':',
      "'s", '’', '"', 'reconciliation', 'reconciling', 'spreadsheets', 'a', 'I', 'the', 'x'.repeat(210), 'y'.repeat(64), 'z'.repeat(65),
    ];
    const gaps = [' ', '  ', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u2009', '\u3000', '\u000b', '', '', ''];
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { maxLength: 40 }).map((xs) => xs.map(([p, g]) => p + g).join(''));
    fc.assert(
      fc.property(text, (t) => {
        sameAsWholeText(t);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (t) => {
        sameAsWholeText(t);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the index filter of readText', () => {
    for (const p of DEMO_PIECES) {
      const fromRead = readText(p.body).tokens.filter((t) => t.type === 'word' && !t.stop && t.normal.length > 1).map((t) => t.stem);
      expect(indexStemsOf(p.body)).toEqual(fromRead);
    }
  });

  it('gives the whole-text stems text after text from a fresh vocabulary, as a cold server reads its library', async () => {
    const fresh = async () => {
      vi.resetModules();
      return (await import('../../../src/capabilities/messaging/analyzer/nlp.js')) as typeof import('../../../src/capabilities/messaging/analyzer/nlp.js');
    };
    const byRuns = await fresh();
    const whole = await fresh();
    expect(byRuns).not.toBe(whole);
    const odd = ['10X growth, then 10x', 'The 10x rep', 'CRM-sync broke; crm-sync again', 'Q3: QBR, qbr.', "reps' notes (re-keyed) — again", 'Leads. leads.', 'e.g. E.G. eg'];
    const texts = [...odd, ...DEMO_PAINS.flatMap((p) => [p.statement, ...p.quotes]), ...fixtureStrings(), ...DEMO_PIECES.map((p) => p.body), ...odd];
    for (const t of texts) expect(byRuns.indexStemsOf(t), JSON.stringify(t.slice(0, 200))).toEqual(whole.indexStemsOfWholeText(t));
    const gen = fc.sample(fc.string({ unit: 'grapheme-ascii', maxLength: 60 }), { numRuns: 3000, seed: 64 });
    for (const t of gen) expect(byRuns.indexStemsOf(t), JSON.stringify(t)).toEqual(whole.indexStemsOfWholeText(t));
  });
});
