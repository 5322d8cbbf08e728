// Hostile text the analyzer must read as any other (found by the hostile-input suite: 100,000 letters without a
// space took wink over a minute): a run without spaces longer than any word is left out of the analysis, and the
// text around it keeps its offsets.
import { describe, expect, it } from 'vitest';
import { analyzePiece, PainIndex, sentencesOf } from '../../../src/capabilities/messaging/analyzer/index.js';
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
