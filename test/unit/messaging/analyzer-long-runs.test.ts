// Hostile text the analyzer must read as any other (found by the hostile-input suite: 100,000 letters without a
// space took wink over a minute): a run without spaces longer than any word is left out of the analysis, and the
// text around it keeps its offsets.
import { describe, expect, it } from 'vitest';
import { analyzePiece, PainIndex, sentencesOf } from '../../../src/capabilities/messaging/analyzer/index.js';
import { blankMarkdown } from '../../../src/capabilities/messaging/analyzer/markdown.js';
import { stemOf } from '../../../src/capabilities/messaging/analyzer/nlp.js';

const index = PainIndex.build([{ id: 'p1', statement: 'Inbound leads go cold before anyone calls them', synonyms: [], quotes: [{ text: 'our reps call back two days later', date: '2026-11-01' }] }]);

describe('long runs without spaces', () => {
  it('are left out, and the sentences after them keep their place in the text', () => {
    const junk = 'x'.repeat(5000);
    const text = `${junk} Your inbound leads go cold before anyone calls them back.`;
    const sentences = sentencesOf(text);
    const last = sentences.at(-1)!;
    expect(last.text).toBe('Your inbound leads go cold before anyone calls them back.');
    expect(text.slice(last.start, last.end)).toBe(last.text);
    const analysis = analyzePiece(text, index, 50);
    expect(analysis.matchedPains[0]?.painId).toBe('p1');
  });

  it('a 100,000-character run alone is analysed as no words', () => {
    const analysis = analyzePiece('a'.repeat(100_000), index, 50);
    expect(analysis.matchedPains).toEqual([]);
    expect(analysis.flagged).toEqual([]);
  });

  it('ordinary links and long words are still read', () => {
    const text = 'Read https://example.com/a/fairly/long/path?with=query&and=more to see why your leads go cold.';
    expect(sentencesOf(text)).toHaveLength(1);
    expect(stemOf('pneumonoultramicroscopicsilicovolcanoconiosis')).not.toBe('');
    expect(stemOf('a'.repeat(100))).toBe('a'.repeat(100));
  });
});

describe('markdown openings never closed', () => {
  // Found by reading markdown.ts: 100 KB of "[a" took 9 s to blank, "**a " 3.5 s and "<a " 2.1 s — each opening
  // scanned the rest of its line. A piece's body is analysed as its author types, so that blocked the server.
  it.each([
    ['link openings', '[a'],
    ['image openings', '![a](b'],
    ['strong openings', '**a '],
    ['tag openings', '<a '],
    ['script openings', '<script '],
  ])('%s, 100 KB on one line, are analysed as copy with a bounded scan from each', (_name, unit) => {
    const text = `Your leads go cold. ${unit.repeat(Math.floor(95_000 / unit.length))}`;
    const plain = blankMarkdown(text);
    expect(plain).toHaveLength(text.length);
    expect(plain.startsWith('Your leads go cold.')).toBe(true);
    expect(analyzePiece(text, index, 50).score).toBeGreaterThanOrEqual(0);
  });
});
