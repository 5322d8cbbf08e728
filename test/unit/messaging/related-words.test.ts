import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/capabilities/messaging/analyzer/nlp.js';
import { RELATED_WORDS_VERSION, RelatedWords, relatedWords, type RelatedWordsTable } from '../../../src/capabilities/messaging/analyzer/related-words.js';

const stem = (w: string) => readText(w).tokens[0]!.stem;

describe('the word-vector table (decision 054)', () => {
  it('reads a table: unit vectors from signed bytes, ranks, words for showing, rarity weights', () => {
    const small: RelatedWordsTable = {
      version: RELATED_WORDS_VERSION,
      source: 'test',
      words: 1000,
      dimensions: 2,
      stems: 'repli respons',
      forms: 'reply response',
      ranks: [10, 900],
      vectors: Buffer.from([127, 0, 0x81, 0x81]).toString('base64'),
    };
    const rw = new RelatedWords(small);
    expect(rw.size).toBe(2);
    expect([...rw.vectorOf('repli')!]).toEqual([1, 0]);
    const [x, y] = rw.vectorOf('respons')!;
    expect(x).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(y).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(rw.cosine('repli', 'respons')).toBeCloseTo(-Math.SQRT1_2, 6);
    expect(rw.cosine('repli', 'unknown')).toBeNull();
    expect(rw.vectorOf('unknown')).toBeNull();
    expect(rw.rankOf('respons')).toBe(900);
    expect(rw.wordOf('respons')).toBe('response');
    expect(rw.wordOf('unknown')).toBeUndefined();
    // A rarer word weighs more; a word outside the table nothing.
    expect(rw.weightOf('respons')).toBeGreaterThan(rw.weightOf('repli'));
    expect(rw.weightOf('repli')).toBeGreaterThan(0);
    expect(rw.weightOf('respons')).toBeLessThan(1);
    expect(rw.weightOf('unknown')).toBe(0);
  });

  it('ships a table of the current version, keyed by the analyzer\'s own stems', () => {
    const rw = relatedWords();
    expect(rw.version).toBe(RELATED_WORDS_VERSION);
    expect(rw.size).toBeGreaterThan(20_000);
    expect(rw.dimensions).toBe(100);
    for (const word of ['reply', 'response', 'invoice', 'shipment', 'appointments', 'reconciliation', 'spreadsheet']) {
      expect(rw.has(stem(word)), word).toBe(true);
      expect(stem(rw.wordOf(stem(word))!), word).toBe(stem(word));
    }
    // Stop words are not in it (the index holds none), and a frequent word weighs less than a rare one.
    expect(rw.has(stem('the'))).toBe(false);
    expect(rw.weightOf(stem('day'))).toBeLessThan(rw.weightOf(stem('spreadsheet')));
  });

  it('puts words that mean alike closer than words that do not', () => {
    const rw = relatedWords();
    const cos = (a: string, b: string) => rw.cosine(stem(a), stem(b))!;
    expect(cos('telephone', 'phone')).toBeGreaterThan(0.8);
    expect(cos('invoice', 'payment')).toBeGreaterThan(cos('invoice', 'volcano'));
    expect(cos('patients', 'doctor')).toBeGreaterThan(cos('patients', 'warehouse'));
    expect(cos('reply', 'reply')).toBeCloseTo(1, 5);
  });
});
