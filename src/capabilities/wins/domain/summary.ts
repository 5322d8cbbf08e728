// The Wins page's summary (SPEC S5 "no popularity contest: team-level and collaborative counts only"; S6
// "Celebration"): wins per week, the last four weeks' rate, shares collaborative and celebrated together, and the
// wins crediting each team. Nothing here is counted per person.
import { calendarDate, weekStartOf } from '../../../shared/calendar/index.js';

export interface WinFact {
  wonOn: string;
  collaborative: boolean;
  hasSales: boolean;
  hasMarketing: boolean;
  celebrated: boolean;
  /** How many wins share these facts (a grouped row); 1 when left out. */
  n?: number;
}

export interface WinsSummary {
  weeks: Array<{ weekStart: string; wins: number; collaborative: number }>;
  last4Weeks: { wins: number; perWeek: number; collaborativeShare: number | null; celebratedShare: number | null };
  byTeam: { sales: number; marketing: number; collaborative: number };
}

/** The first day of each of the last `weeks` weeks ending with today's, oldest first. */
export function summaryWeeks(today: string, weekStart: number, weeks: number): string[] {
  const current = weekStartOf(today, weekStart);
  return Array.from({ length: weeks }, (_, i) => calendarDate.addDays(current, -7 * (weeks - 1 - i)));
}

/** The first day of the last four weeks: the 28 days up to today, as the alignment signal reads them. */
export const last4WeeksFrom = (today: string): string => calendarDate.addDays(today, -27);

/** The first day the summary needs facts from: the first week shown, or the last four weeks' start if earlier. */
export function summaryFrom(today: string, weekStart: number, weeks: number): string {
  const first = summaryWeeks(today, weekStart, weeks)[0]!;
  const last4 = last4WeeksFrom(today);
  return last4 < first ? last4 : first;
}

/** `facts`: the wins dated from summaryFrom through tomorrow (a win may be dated a day ahead). */
export function summarizeWins(facts: readonly WinFact[], today: string, weekStart: number, weeks: number): WinsSummary {
  const starts = summaryWeeks(today, weekStart, weeks);
  const rows = starts.map((weekStart) => ({ weekStart, wins: 0, collaborative: 0 }));
  const byTeam = { sales: 0, marketing: 0, collaborative: 0 };
  const last4From = last4WeeksFrom(today);
  const last4 = { wins: 0, collaborative: 0, celebrated: 0 };
  for (const f of facts) {
    if (f.wonOn > calendarDate.addDays(today, 1)) continue;
    const n = f.n ?? 1;
    if (f.wonOn >= starts[0]!) {
      const i = Math.min(rows.length - 1, Math.floor(calendarDate.daysBetween(starts[0]!, f.wonOn) / 7));
      rows[i]!.wins += n;
      if (f.collaborative) rows[i]!.collaborative += n;
      if (f.hasSales) byTeam.sales += n;
      if (f.hasMarketing) byTeam.marketing += n;
      if (f.collaborative) byTeam.collaborative += n;
    }
    if (f.wonOn >= last4From) {
      last4.wins += n;
      if (f.collaborative) last4.collaborative += n;
      if (f.celebrated) last4.celebrated += n;
    }
  }
  return {
    weeks: rows,
    last4Weeks: {
      wins: last4.wins,
      perWeek: last4.wins / 4,
      collaborativeShare: last4.wins === 0 ? null : last4.collaborative / last4.wins,
      celebratedShare: last4.wins === 0 ? null : last4.celebrated / last4.wins,
    },
    byTeam,
  };
}
