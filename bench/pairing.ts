// The shadow-day pairing's benchmark (issue 15 "Pairing"; decision 058): 500 guests against 250 hosts of capacity 2
// (500 places), the cost matrix included — the guests' history of the last four quarters, functions and an affinity
// table, manager lines — timed at 100, 250 and 500 guests (hosts half as many), the median of a few runs each, with
// the growth exponent between sizes. Not a test: nothing is asserted.
//
//   npm run bench:pairing
//   npm run bench:pairing -- --runs 5
//
// Targets: 500 guests under 3 s; growth no worse than cubic (the exponent between 250 and 500 at most 3).
import { performance } from 'node:perf_hooks';
import { seededRandom } from '../src/shared/seeded-random.js';
import { affinityKey, pairGuests, type PairingHost, type PairingInput, type PairingPerson } from '../src/capabilities/shadowing/domain/pairing.js';

const at = process.argv.indexOf('--runs');
const RUNS = at >= 0 && process.argv[at + 1] ? Number(process.argv[at + 1]) : 3;

// Seeded: every run pairs the same people.
const random = seededRandom(15);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

const SALES = ['SDR', 'Account executive', 'Solutions engineer', 'Sales manager', 'Customer success'];
const MARKETING = ['Demand gen', 'Product marketing', 'Content', 'Marketing ops', 'Field marketing'];

function instance(guests: number): PairingInput {
  const hostsN = guests / 2;
  const managers = Array.from({ length: Math.max(2, Math.round(guests / 9)) }, (_, i) => `m${i}`);
  const people = (prefix: string, n: number, fns: string[]): PairingPerson[] =>
    Array.from({ length: n }, (_, i) => ({ id: `${prefix}${String(i).padStart(4, '0')}`, name: `${prefix.toUpperCase()} ${i}`, function: pick(fns), managerId: pick(managers) }));
  const g = people('g', guests, MARKETING);
  const h: PairingHost[] = people('h', hostsN, SALES).map((p) => ({ ...p, capacity: 2 }));
  const recentHosts = new Map<string, Map<string, string>>();
  // Each guest shadowed one host in each of the last four quarters.
  for (const guest of g) recentHosts.set(guest.id, new Map(['FY2026 Q1', 'FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4'].map((q) => [pick(h).id, q])));
  const affinity = new Map<string, number>();
  for (const s of SALES) for (const m of MARKETING) affinity.set(affinityKey(s, m), Math.floor(random() * 11));
  const managerOf = new Map<string, string | null>([...g, ...h].map((p) => [p.id, p.managerId]));
  return { direction: 'marketing_shadows_sales', guests: g, hosts: h, kept: [], recentHosts, affinity, managerOf };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows: Array<{ guests: number; ms: number; placed: number; cost: number }> = [];
for (const guests of [100, 250, 500]) {
  const input = instance(guests);
  const times: number[] = [];
  let result = pairGuests(input, { guestTeam: 'marketing', hostTeam: 'sales' });
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = pairGuests(input, { guestTeam: 'marketing', hostTeam: 'sales' });
    times.push(performance.now() - t0);
  }
  rows.push({ guests, ms: median(times), placed: result.pairs.length, cost: result.totalCost });
}
console.log(`pairing (median of ${RUNS} runs; hosts = guests / 2, capacity 2; cost matrix included)`);
for (const [i, r] of rows.entries()) {
  const prev = rows[i - 1];
  const exponent = prev ? Math.log(r.ms / prev.ms) / Math.log(r.guests / prev.guests) : null;
  console.log(`  ${String(r.guests).padStart(4)} guests × ${String(r.guests / 2).padStart(3)} hosts: ${r.ms.toFixed(1).padStart(8)} ms  placed ${r.placed}  total cost ${r.cost}${exponent === null ? '' : `  growth exponent ${exponent.toFixed(2)}`}`);
}
const last = rows.at(-1)!;
console.log(`500 guests: ${last.ms < 3000 ? 'under' : 'OVER'} the 3 s target.`);
