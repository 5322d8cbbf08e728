// A quarter's progress (SPEC S4 "Progress", S6 shadowing): per team, the participants who have not opted out, how
// many completed their day (the day came and their reflection is written), and how many were expected by now —
// pro-rated by the quarter's workdays up to today (on a quarter's last workday every participant is expected); and
// who is behind: no date yet, or the day passed without a reflection. A pair's status follows the same facts.

export type PairStatus = 'unscheduled' | 'scheduled' | 'date_proposed' | 'awaiting_reflection' | 'done';

export function pairStatus(p: { date: string | null; reflected: boolean; proposalOpen: boolean }, today: string): PairStatus {
  if (p.reflected) return 'done';
  if (p.proposalOpen) return 'date_proposed';
  if (p.date === null) return 'unscheduled';
  // The reflection may be written on the day itself.
  return p.date <= today ? 'awaiting_reflection' : 'scheduled';
}

export interface ProgressParticipant {
  memberId: string;
  team: 'sales' | 'marketing';
  optedOut: boolean;
}

export interface ProgressPair {
  guestId: string;
  date: string | null;
  reflected: boolean;
}

export interface Progress {
  teams: Array<{ team: 'sales' | 'marketing'; participants: number; completed: number; expectedByNow: number }>;
  overdue: Array<{ memberId: string; why: 'No date yet' | 'Day passed, no reflection' }>;
}

/** The share of the quarter's workdays on or before today, 0–1 (1 once the quarter is over). */
export function elapsedShare(workdays: readonly string[], today: string): number {
  if (workdays.length === 0) return 1;
  return workdays.filter((d) => d <= today).length / workdays.length;
}

export function quarterProgress(participants: readonly ProgressParticipant[], pairs: readonly ProgressPair[], workdays: readonly string[], today: string): Progress {
  const byGuest = new Map(pairs.map((p) => [p.guestId, p]));
  const share = elapsedShare(workdays, today);
  const teams = (['sales', 'marketing'] as const).map((team) => {
    const inTeam = participants.filter((p) => p.team === team && !p.optedOut);
    const completed = inTeam.filter((p) => {
      const pair = byGuest.get(p.memberId);
      return pair !== undefined && pair.reflected && pair.date !== null && pair.date <= today;
    }).length;
    return { team, participants: inTeam.length, completed, expectedByNow: Math.round(inTeam.length * share * 10) / 10 };
  });
  const overdue: Progress['overdue'] = [];
  for (const p of [...participants].sort((a, b) => (a.memberId < b.memberId ? -1 : 1))) {
    if (p.optedOut) continue;
    const pair = byGuest.get(p.memberId);
    if (!pair || pair.date === null) overdue.push({ memberId: p.memberId, why: 'No date yet' });
    else if (pair.date < today && !pair.reflected) overdue.push({ memberId: p.memberId, why: 'Day passed, no reflection' });
  }
  return { teams, overdue };
}

/**
 * How well the quarter keeps pace (the alignment signal): completed days against expected-by-now, at most 1 — and
 * no verdict while less than one day is expected yet, so the first days of every quarter do not read as 0.
 */
export function paceScore(completed: number, expectedByNow: number): number | null {
  return expectedByNow >= 1 ? Math.min(1, completed / expectedByNow) : null;
}

/** A reflection is late a week after the day (a guest writes it in the days after): before that it is not missing. */
export const REFLECTION_GRACE_DAYS = 7;

/**
 * The reflections signal's count: of the days that came, those with a reflection, and those a week past without one
 * (a day yesterday with no reflection yet is not a miss). `dueBy` is today minus the grace, as a local date.
 */
export function reflectionTally(pairs: ReadonlyArray<{ date: string | null; reflected: boolean }>, today: string, dueBy: string): { written: number; counted: number } {
  let written = 0;
  let counted = 0;
  for (const p of pairs) {
    if (p.date === null || p.date > today) continue;
    if (p.reflected) {
      written++;
      counted++;
    } else if (p.date <= dueBy) counted++;
  }
  return { written, counted };
}
