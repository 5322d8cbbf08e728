// The shadow-day pairing (SPEC S4, decision 058): optimal against brute force on small random instances, the same
// pairs for the same input whatever order it comes in, never over a host's capacity, pins kept, costs in words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affinityKey, PAIRING_COSTS, pairCost, pairGuests, type PairingHost, type PairingInput, type PairingPerson } from '../../../src/capabilities/shadowing/domain/pairing.js';

const words = { guestTeam: 'marketing', hostTeam: 'sales' };
const FUNCTIONS = ['SDR', 'AE', 'Demand gen', 'Content', ''];

const person = (id: string, fn = 'SDR', managerId: string | null = null): PairingPerson => ({ id, name: `${id.toUpperCase()} Person`, function: fn, managerId });
const host = (id: string, capacity = 2, fn = 'AE', managerId: string | null = null): PairingHost => ({ ...person(id, fn, managerId), capacity });

function input(guests: PairingPerson[], hosts: PairingHost[], over: Partial<PairingInput> = {}): PairingInput {
  const managerOf = new Map<string, string | null>([...guests, ...hosts].map((p) => [p.id, p.managerId]));
  return { direction: 'marketing_shadows_sales', guests, hosts, kept: [], recentHosts: new Map(), affinity: new Map(), managerOf, ...over };
}

/** The least total cost over every way to give each guest a host or none, within capacity, placing as many as can be. */
function bruteForce(inp: PairingInput): number {
  const kept = new Map<string, number>();
  for (const k of inp.kept) kept.set(k.hostId, (kept.get(k.hostId) ?? 0) + 1);
  const keptGuests = new Set(inp.kept.map((k) => k.guestId));
  const guests = inp.guests.filter((g) => !keptGuests.has(g.id));
  const places = inp.hosts.reduce((n, h) => n + Math.max(0, h.capacity - (kept.get(h.id) ?? 0)), 0);
  const toPlace = Math.min(guests.length, places);
  let best = Number.POSITIVE_INFINITY;
  const load = new Map(inp.hosts.map((h) => [h.id, kept.get(h.id) ?? 0]));
  const walk = (i: number, placed: number, cost: number) => {
    if (cost >= best) return;
    if (i === guests.length) {
      if (placed === toPlace) best = cost;
      return;
    }
    if (guests.length - i - 1 >= toPlace - placed) walk(i + 1, placed, cost);
    for (const h of inp.hosts) {
      const l = load.get(h.id)!;
      if (l >= h.capacity) continue;
      load.set(h.id, l + 1);
      walk(i + 1, placed + 1, cost + pairCost(inp.direction, guests[i]!, h, inp).cost + PAIRING_COSTS.LOAD * l);
      load.set(h.id, l);
    }
  };
  walk(0, 0, 0);
  return best === Number.POSITIVE_INFINITY ? 0 : best;
}

const instance = fc
  .record({
    guests: fc.array(fc.record({ fn: fc.constantFrom(...FUNCTIONS), manager: fc.integer({ min: 0, max: 3 }) }), { minLength: 0, maxLength: 5 }),
    hosts: fc.array(fc.record({ fn: fc.constantFrom(...FUNCTIONS), manager: fc.integer({ min: 0, max: 3 }), capacity: fc.integer({ min: 0, max: 3 }) }), { minLength: 0, maxLength: 4 }),
    repeats: fc.array(fc.tuple(fc.nat(4), fc.nat(3)), { maxLength: 4 }),
    bonuses: fc.array(fc.tuple(fc.constantFrom(...FUNCTIONS), fc.constantFrom(...FUNCTIONS), fc.integer({ min: 0, max: 10 })), { maxLength: 6 }),
    pin: fc.option(fc.tuple(fc.nat(4), fc.nat(3)), { nil: undefined }),
  })
  .map(({ guests, hosts, repeats, bonuses, pin }) => {
    const g = guests.map((x, i) => person(`g${i}`, x.fn, x.manager === 0 ? null : `boss${x.manager}`));
    const h = hosts.map((x, i) => host(`h${i}`, x.capacity, x.fn, x.manager === 0 ? null : `boss${x.manager}`));
    const recentHosts = new Map<string, Map<string, string>>();
    for (const [gi, hi] of repeats) {
      if (!g[gi] || !h[hi]) continue;
      if (!recentHosts.has(g[gi].id)) recentHosts.set(g[gi].id, new Map());
      recentHosts.get(g[gi].id)!.set(h[hi].id, 'FY2026 Q3');
    }
    const affinity = new Map(bonuses.map(([s, m, b]) => [affinityKey(s, m), b]));
    const [pg, ph] = pin ? [g[pin[0]], h[pin[1]]] : [undefined, undefined];
    const kept = pg && ph && ph.capacity > 0 ? [{ guestId: pg.id, hostId: ph.id }] : [];
    return input(g, h, { recentHosts, affinity, kept });
  });

describe('pairGuests', () => {
  it('finds the least total cost, as brute force does, on small random instances', () => {
    fc.assert(
      fc.property(instance, (inp) => {
        const r = pairGuests(inp, words);
        expect(r.totalCost).toBe(bruteForce(inp));
        expect(r.pairs.reduce((n, p) => n + p.cost, 0)).toBe(r.totalCost);
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a host over capacity (kept pairs count), and names everyone it cannot place', () => {
    fc.assert(
      fc.property(instance, (inp) => {
        const r = pairGuests(inp, words);
        const load = new Map<string, number>();
        for (const p of [...r.pairs, ...inp.kept]) load.set(p.hostId, (load.get(p.hostId) ?? 0) + 1);
        for (const h of inp.hosts) expect(load.get(h.id) ?? 0).toBeLessThanOrEqual(h.capacity);
        const kept = new Set(inp.kept.map((k) => k.guestId));
        const seen = [...r.pairs.map((p) => p.guestId), ...r.unplaced.map((u) => u.guestId)].sort();
        expect(seen).toEqual(inp.guests.filter((g) => !kept.has(g.id)).map((g) => g.id).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same pairs for the same input, in whatever order guests and hosts come', () => {
    fc.assert(
      fc.property(instance, fc.integer(), (inp, seed) => {
        const shuffle = <T>(xs: readonly T[]) => [...xs].map((x, i) => ({ x, k: Math.sin(seed + i) })).sort((a, b) => a.k - b.k).map((e) => e.x);
        const a = pairGuests(inp, words);
        const b = pairGuests({ ...inp, guests: shuffle(inp.guests), hosts: shuffle(inp.hosts) }, words);
        expect(b).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps pinned pairs out of the matrix and their host\'s place taken', () => {
    const inp = input([person('a'), person('b'), person('c')], [host('x', 1), host('y', 2)], { kept: [{ guestId: 'a', hostId: 'x' }] });
    const r = pairGuests(inp, words);
    expect(r.pairs.map((p) => p.guestId).sort()).toEqual(['b', 'c']);
    expect(r.pairs.every((p) => p.hostId === 'y')).toBe(true);
    expect(r.pairs.map((p) => p.costReasons.at(-1)).filter((x) => x?.includes('2nd guest'))).toHaveLength(1);
  });

  it('avoids a host from the last four quarters, the same manager line and far-apart functions, and says so', () => {
    const guests = [person('g1', 'Demand gen', 'boss')];
    const hosts = [host('h1', 1, 'SDR'), host('h2', 1, 'SDR', 'boss'), host('h3', 1, 'AE')];
    const affinity = new Map([[affinityKey('SDR', 'Demand gen'), 9], [affinityKey('AE', 'Demand gen'), 2]]);
    const recentHosts = new Map([['g1', new Map([['h1', 'FY2026 Q4']])]]);
    const r = pairGuests(input(guests, hosts, { affinity, recentHosts }), words);
    expect(r.pairs).toEqual([{ guestId: 'g1', hostId: 'h3', cost: 80, costReasons: ['First time together', 'Functions partly match (AE ↔ Demand gen, 2/10)'] }]);
    const only = pairGuests(input(guests, [hosts[0]!], { affinity, recentHosts }), words);
    expect(only.pairs[0]!.costReasons).toEqual(['Repeat: G1 shadowed H1 in FY2026 Q4', 'Functions match (SDR ↔ Demand gen)']);
    expect(only.pairs[0]!.cost).toBe(PAIRING_COSTS.REPEAT + 10);
    const line = pairGuests(input(guests, [hosts[1]!], { affinity }), words);
    expect(line.pairs[0]!.costReasons).toContain('Same manager line (they report to the same manager)');
  });

  it('places as many as there are places, optimally, and says how many cannot be placed and why', () => {
    const r = pairGuests(input([person('a', 'SDR'), person('b', 'Content'), person('c', 'SDR')], [host('x', 2, 'AE')], { affinity: new Map([[affinityKey('AE', 'Content'), 10]]) }), words);
    expect(r.pairs.map((p) => p.guestId)).toContain('b');
    expect(r.pairs).toHaveLength(2);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]!.reason).toBe('Sales hosts have 2 places this quarter for 3 marketing guests, so 1 cannot be placed. Raise a host\'s capacity, then generate again.');
    const none = pairGuests(input([person('a')], [host('x', 0)]), words);
    expect(none.unplaced[0]!.reason).toMatch(/^No sales member can host this quarter/);
  });
});
