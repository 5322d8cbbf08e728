// Pairing guests with hosts for a quarter's shadow days (SPEC S4 "Pairing"; docs/decisions/058-shadow-pairing.md).
// An optimal min-cost assignment, not greedy: each host offers one column per place left (capacity minus the guests
// pinned to them), so nobody is ever over capacity; the k-th place of a host costs a little more than the one before
// (a host's existing load), which spreads guests. A guest-host pair costs
//   REPEAT   when the guest shadowed this host in the last four quarters (heavier than every other cost together),
//   MANAGER  when they are in the same manager line (one manages the other, up the chain, or they share a manager),
//   (10 − affinity bonus) × MISMATCH_STEP for how far apart their functions are (the workspace's affinity table),
//   LOAD × k for the host's k-th guest this quarter (k from 0).
// The rectangular Jonker–Volgenant solver (linear-sum-assignment) minimises the total; with more guests than places
// the places are all filled at least total cost and the rest are named as unplaced, with why. Guests and hosts are
// sorted by id before the matrix is built, so the same input gives the same pairs.
import { linearSumAssignment } from 'linear-sum-assignment';

export const PAIRING_COSTS = { REPEAT: 1000, MANAGER: 300, MISMATCH_STEP: 10, LOAD: 40 } as const;

export type Direction = 'marketing_shadows_sales' | 'sales_shadows_marketing';

export interface PairingPerson {
  id: string;
  name: string;
  function: string;
  managerId: string | null;
}

export interface PairingHost extends PairingPerson {
  /** Guests this member hosts this quarter (0–10). */
  capacity: number;
}

export interface PairingInput {
  direction: Direction;
  guests: readonly PairingPerson[];
  hosts: readonly PairingHost[];
  /** Pairs kept as they are (pinned, or their day has passed): they hold a place of their host. */
  kept: ReadonlyArray<{ guestId: string; hostId: string }>;
  /** guestId → hostId → the quarter's label ("FY2026 Q3"): whom each guest shadowed in the last four quarters. */
  recentHosts: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** `${salesFunction}\u0000${marketingFunction}` → bonus 0–10. */
  affinity: ReadonlyMap<string, number>;
  /** Every member's manager, for the manager line (members.manager_id). */
  managerOf: ReadonlyMap<string, string | null>;
}

export interface PlacedPair {
  guestId: string;
  hostId: string;
  cost: number;
  costReasons: string[];
}

export interface PairingResult {
  pairs: PlacedPair[];
  unplaced: Array<{ guestId: string; reason: string }>;
  totalCost: number;
}

export const affinityKey = (salesFunction: string, marketingFunction: string): string => `${salesFunction.trim().toLowerCase()}\u0000${marketingFunction.trim().toLowerCase()}`;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const ordinal = (n: number): string => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;
/** How a pair's words name a person: the first word of the name. */
export const firstName = (name: string): string => name.split(' ')[0] || name;

/** Whether `a` manages `b`, directly or up the chain (bounded: a cycle in the data ends the walk). */
function manages(a: string, b: string, managerOf: ReadonlyMap<string, string | null>): boolean {
  let at = managerOf.get(b) ?? null;
  for (let depth = 0; at !== null && depth < 30; depth++) {
    if (at === a) return true;
    at = managerOf.get(at) ?? null;
  }
  return false;
}

/** The manager line in words, or null when they are not in one. */
export function managerLine(guest: PairingPerson, host: PairingPerson, managerOf: ReadonlyMap<string, string | null>): string | null {
  if (manages(host.id, guest.id, managerOf)) return `Same manager line (${firstName(host.name)} manages ${firstName(guest.name)})`;
  if (manages(guest.id, host.id, managerOf)) return `Same manager line (${firstName(guest.name)} manages ${firstName(host.name)})`;
  const g = managerOf.get(guest.id) ?? guest.managerId;
  if (g && g === (managerOf.get(host.id) ?? host.managerId)) return 'Same manager line (they report to the same manager)';
  return null;
}

/** What a guest-host pair costs before the host's load, with the reasons in words. */
export function pairCost(direction: Direction, guest: PairingPerson, host: PairingPerson, input: Pick<PairingInput, 'recentHosts' | 'affinity' | 'managerOf'>): { cost: number; reasons: string[] } {
  const reasons: string[] = [];
  let cost = 0;
  const before = input.recentHosts.get(guest.id)?.get(host.id);
  if (before) {
    cost += PAIRING_COSTS.REPEAT;
    reasons.push(`Repeat: ${firstName(guest.name)} shadowed ${firstName(host.name)} in ${before}`);
  } else {
    reasons.push('First time together');
  }
  const [sales, marketing] = direction === 'marketing_shadows_sales' ? [host, guest] : [guest, host];
  if (!sales.function.trim() || !marketing.function.trim()) {
    cost += 10 * PAIRING_COSTS.MISMATCH_STEP;
    reasons.push(`No function set for ${[sales, marketing].filter((p) => !p.function.trim()).map((p) => firstName(p.name)).join(' and ')}`);
  } else {
    const bonus = Math.max(0, Math.min(10, input.affinity.get(affinityKey(sales.function, marketing.function)) ?? 0));
    cost += (10 - bonus) * PAIRING_COSTS.MISMATCH_STEP;
    const functions = `${sales.function} ↔ ${marketing.function}`;
    reasons.push(bonus >= 7 ? `Functions match (${functions})` : bonus > 0 ? `Functions partly match (${functions}, ${bonus}/10)` : `Functions differ (${functions})`);
  }
  const line = managerLine(guest, host, input.managerOf);
  if (line) {
    cost += PAIRING_COSTS.MANAGER;
    reasons.push(line);
  }
  return { cost, reasons };
}

/**
 * The optimal assignment of a cost matrix (rows to columns, each used at most once; min(rows, columns) pairs):
 * rowToColumn[r] is the column of row r, or -1 when it is left out (only when there are more rows than columns).
 */
export function solveAssignment(matrix: readonly number[][], columns: number): number[] {
  const rows = matrix.length;
  if (rows === 0) return [];
  if (columns === 0) return Array.from({ length: rows }, () => -1);
  // The library maximises unless told not to (its option is spelled "maximaze").
  const { rowAssignments } = linearSumAssignment(matrix.map((r) => [...r]), { maximaze: false });
  return Array.from(rowAssignments, (c) => (c >= 0 ? c : -1));
}

export interface PairingMatrix {
  guests: PairingPerson[];
  /** One column per place left: its host and which of the host's guests it would be (0 = the first). */
  slots: Array<{ host: PairingHost; index: number }>;
  /** The pair's cost before load and its reasons, per guest × host (hosts in sorted order). */
  base: Array<Array<{ cost: number; reasons: string[] }>>;
  hosts: PairingHost[];
  matrix: number[][];
}

/** The cost matrix: guests (sorted by id, kept ones left out) × every host's free places. */
export function pairingMatrix(input: PairingInput): PairingMatrix {
  const keptGuests = new Set(input.kept.map((k) => k.guestId));
  const held = new Map<string, number>();
  for (const k of input.kept) held.set(k.hostId, (held.get(k.hostId) ?? 0) + 1);
  const guests = input.guests.filter((g) => !keptGuests.has(g.id)).sort(byId);
  const hosts = [...input.hosts].sort(byId);
  const slots: PairingMatrix['slots'] = [];
  for (const host of hosts) {
    for (let index = held.get(host.id) ?? 0; index < host.capacity; index++) slots.push({ host, index });
  }
  const base = guests.map((g) => hosts.map((h) => (g.id === h.id ? { cost: Number.POSITIVE_INFINITY, reasons: [] } : pairCost(input.direction, g, h, input))));
  const hostIndex = new Map(hosts.map((h, i) => [h.id, i]));
  // Nobody hosts themself: a member is a guest in one direction and a host in the other, so this only guards bad input.
  const BLOCKED = 1e9;
  const matrix = base.map((row) =>
    slots.map((s) => {
      const b = row[hostIndex.get(s.host.id)!]!;
      return Number.isFinite(b.cost) ? b.cost + PAIRING_COSTS.LOAD * s.index : BLOCKED;
    }),
  );
  return { guests, slots, base, hosts, matrix };
}

/** Pairs the guests of one direction with hosts, optimally; see the file's header for the costs. */
export function pairGuests(input: PairingInput, words: { guestTeam: string; hostTeam: string }): PairingResult {
  const m = pairingMatrix(input);
  const assignment = solveAssignment(m.matrix, m.slots.length);
  const hostIndex = new Map(m.hosts.map((h, i) => [h.id, i]));
  const pairs: PlacedPair[] = [];
  const unplaced: PairingResult['unplaced'] = [];
  let totalCost = 0;
  const reason =
    m.slots.length === 0
      ? `No ${words.hostTeam} member can host this quarter: each has opted out or has a capacity of 0. Give a ${words.hostTeam} member a capacity to place this guest.`
      : `${words.hostTeam[0]!.toUpperCase()}${words.hostTeam.slice(1)} hosts have ${m.slots.length} ${m.slots.length === 1 ? 'place' : 'places'} this quarter for ${m.guests.length} ${words.guestTeam} guests, so ${m.guests.length - m.slots.length} cannot be placed. Raise a host's capacity, then generate again.`;
  m.guests.forEach((g, r) => {
    const c = assignment[r] ?? -1;
    const slot = c >= 0 ? m.slots[c] : undefined;
    if (!slot) {
      unplaced.push({ guestId: g.id, reason });
      return;
    }
    const b = m.base[r]![hostIndex.get(slot.host.id)!]!;
    const cost = m.matrix[r]![c]!;
    totalCost += cost;
    const reasons = slot.index > 0 ? [...b.reasons, `${firstName(slot.host.name)}'s ${ordinal(slot.index + 1)} guest this quarter`] : b.reasons;
    pairs.push({ guestId: g.id, hostId: slot.host.id, cost, costReasons: reasons });
  });
  return { pairs, unplaced, totalCost };
}
