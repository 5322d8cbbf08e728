// The weekly digest's order and rules (SPEC S5, S6; decision 057) on crafted sections: wins first even when empty,
// the to-dos after shadow days, disconnects last and never more of them than wins where there are wins.
import { describe, expect, it } from 'vitest';
import type { DigestItem, DigestSectionKey } from '../../../src/shared/contracts/digest.js';
import { assembleDigest, capDisconnects, digestText, digestTitle, DIGEST_ITEMS_SHOWN } from '../../../src/capabilities/alignment/domain/digest.js';

const item = (id: string): DigestItem => ({ id, text: `Item ${id}`, detail: null, href: `/x/${id}`, tone: 'neutral' });
const items = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => item(`${prefix}${i}`));
const todo = { key: 'goals:publish', title: 'Publish the sales top three', href: '/goals', due: '2026-12-04' };

describe('capDisconnects', () => {
  it('cuts the disconnects to the number of wins where there are wins, and keeps them all without wins', () => {
    expect(capDisconnects(items('w', 2), items('d', 5)).map((d) => d.id)).toEqual(['d0', 'd1']);
    expect(capDisconnects(items('w', 4), items('d', 1))).toHaveLength(1);
    expect(capDisconnects([], items('d', 3))).toHaveLength(3);
  });
});

describe('assembleDigest', () => {
  it('orders wins, KPIs, the check-in, shadow days, the to-dos, then disconnects, whatever order rooms answered in', () => {
    const sections = new Map<DigestSectionKey, DigestItem[]>([
      ['disconnects', items('d', 3)],
      ['checkin', items('c', 1)],
      ['wins', items('w', 1)],
      ['shadow_days', items('s', 1)],
      ['kpis', items('k', 2)],
    ]);
    const parts = assembleDigest(sections, [todo]);
    expect(parts.map((p) => p.key)).toEqual(['wins', 'kpis', 'checkin', 'shadow_days', 'todos', 'disconnects']);
    expect(parts.at(-1)!.items.map((i) => i.id)).toEqual(['d0']);
    expect(parts[4]!.items[0]).toMatchObject({ id: 'goals:publish', text: 'Publish the sales top three', detail: 'Due 2026-12-04' });
  });

  it('keeps an empty wins section first and leaves out other empty parts', () => {
    const parts = assembleDigest(new Map([['disconnects', items('d', 2)]]), []);
    expect(parts.map((p) => [p.key, p.items.length])).toEqual([
      ['wins', 0],
      ['disconnects', 2],
    ]);
  });
});

describe('digestText and digestTitle', () => {
  it('writes a paragraph per part with absolute links, says when no win was posted, and counts what is cut', () => {
    const text = digestText(assembleDigest(new Map([['kpis', items('k', DIGEST_ITEMS_SHOWN + 2)]]), []), (h) => `https://app.example${h}`);
    const [wins, kpis] = text.split('\n\n');
    expect(wins).toBe('Wins this week\n• No win was posted this week — who deserves a shout-out?');
    expect(kpis!.split('\n')[1]).toBe('• Item k0 (https://app.example/x/k0)');
    expect(kpis!.split('\n').at(-1)).toBe('• and 2 more');
  });

  it('names the week, the wins and the score, or that it is not scored yet', () => {
    expect(digestTitle('2026-W49', 72, 3)).toBe('Your week in Lockstep (2026-W49): 3 wins, alignment 72/100');
    expect(digestTitle('2026-W49', null, 1)).toBe('Your week in Lockstep (2026-W49): 1 win, alignment not scored yet');
  });
});
