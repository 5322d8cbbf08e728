// The Shadowing room's words (SPEC S4): directions, statuses, quarters and the limits the server's schemas take.
import type { Direction, PairStatus, PairView, QuarterView, ShadowMember } from './types.js';

/** The server's limits (src/capabilities/shadowing/schemas.ts SHADOW_LIMITS), for the forms' maxLength and ranges. */
export const LIMITS = { capacityMax: 10, capacityDefault: 2, reason: 500, reflection: 2000, bonusMax: 10, rules: 200, functionName: 60 } as const;

export const DIRECTION_LABEL: Record<Direction, string> = {
  marketing_shadows_sales: 'Marketing shadows sales',
  sales_shadows_marketing: 'Sales shadows marketing',
};

export const DIRECTIONS: Direction[] = ['marketing_shadows_sales', 'sales_shadows_marketing'];

export const STATUS_LABEL: Record<PairStatus, string> = {
  unscheduled: 'No date yet',
  scheduled: 'Scheduled',
  date_proposed: 'New date proposed',
  awaiting_reflection: 'Reflection due',
  done: 'Done',
};

export const STATUS_COLOR: Record<PairStatus, string> = {
  unscheduled: 'gray',
  scheduled: 'blue',
  date_proposed: 'yellow',
  awaiting_reflection: 'orange',
  done: 'teal',
};

export const TEAM_LABEL = { sales: 'Sales', marketing: 'Marketing' } as const;
export const TEAM_COLOR = { sales: 'blue', marketing: 'grape' } as const;

/** "Ana Ruiz (SDR)", or just the name when the member has no function. */
export const withFunction = (m: ShadowMember): string => (m.function ? `${m.name} (${m.function})` : m.name);

/** The quarter after a key: FY2027-Q4 → FY2028-Q1 (keys as periodOf('quarter') writes them). */
export function nextQuarter(key: string): { key: string; label: string } | null {
  const m = /^FY(\d{4})-Q([1-4])$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  const [y, n] = q === 4 ? [year + 1, 1] : [year, q + 1];
  return { key: `FY${y}-Q${n}`, label: `FY${y} Q${n}` };
}

/** The last day of a quarter (its endDate is exclusive). */
export function lastDayOf(q: QuarterView): string {
  const [y = 1970, m = 1, d = 1] = q.endDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The Monday of a date's week, 'YYYY-MM-DD'. */
export function mondayOf(date: string): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, m - 1, d - back)).toISOString().slice(0, 10);
}

/** The member's own side of a pair: the guest, the host, or neither. */
export function sideOf(pair: PairView, memberId: string): 'guest' | 'host' | null {
  if (pair.guest.id === memberId) return 'guest';
  if (pair.host.id === memberId) return 'host';
  return null;
}

/** The other person of a pair, from one side. */
export const otherOf = (pair: PairView, side: 'guest' | 'host'): ShadowMember => (side === 'guest' ? pair.host : pair.guest);

export const RATING_LABEL: Record<number, string> = { 1: 'Not worth it', 2: 'Somewhat useful', 3: 'Useful', 4: 'Very useful', 5: 'Eye-opening' };

/**
 * A team's shadow days against those expected by now, the one verdict the Shadowing page and the dashboard show:
 * "Ahead", "On pace" (within one day) or "Behind".
 */
export function paceOf(completed: number, expectedByNow: number): { label: string; color: string } {
  if (completed >= expectedByNow + 1) return { label: 'Ahead', color: 'teal' };
  if (completed > expectedByNow - 1) return { label: 'On pace', color: 'blue' };
  return { label: 'Behind', color: 'orange' };
}
