// The record ids a file has used (seen-ids.ts): it answers as a Set of the ids would, across the growth of its
// tables, for ids of every shape an export holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenIds } from '../../src/capabilities/deals/import/seen-ids.js';

describe('the record ids seen in a file', () => {
  it('says false exactly for an id it was given before, as a Set would', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer({ min: 0, max: 500 }).map(String), fc.uuid()), { maxLength: 3000 }), (ids) => {
        const seen = new SeenIds();
        const set = new Set<string>();
        for (const id of ids) {
          expect(seen.add(id)).toBe(!set.has(id));
          set.add(id);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a quarter of a million numeric ids, then each again: every first time new, every second time seen', () => {
    const seen = new SeenIds();
    const ids = Array.from({ length: 250_000 }, (_, i) => String(10_000_000_000 + i));
    expect(ids.every((id) => seen.add(id))).toBe(true);
    expect(ids.some((id) => seen.add(id))).toBe(false);
    expect(seen.add('006Dn00000ABCdeIAH')).toBe(true);
  });
});
