// What the Shadowing room reports for the alignment score (SPEC S6 "Shadowing: members who completed their day this
// quarter against expected-by-now; reflections written"), judged at ctx.now: null scores when the quarter has no
// program, or nothing is expected or due yet — never a verdict without data.
import type { Db } from '../../db/database.js';
import type { AlignmentSignal, AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { calendarDate } from '../../shared/calendar/index.js';
import { paceScore, quarterProgress, REFLECTION_GRACE_DAYS, reflectionTally } from './domain/progress.js';
import { currentProgramFacts } from './store.js';

const HREF = '/shadowing';

export function shadowingSignals(db: Db): AlignmentSignalProvider {
  return {
    room: 'shadowing',
    async signals({ workspaceId, now }): Promise<AlignmentSignal[]> {
      const facts = await currentProgramFacts(db, workspaceId, now);
      if (!facts) {
        const none = { strategy: 'shadowing' as const, score: null, nextStep: { text: 'Open this quarter\'s shadow program', href: HREF } };
        return [
          { key: 'shadowing.completed_vs_expected', label: 'Shadow days on track', detail: 'No shadow program this quarter yet.', ...none },
          { key: 'shadowing.reflections_written', label: 'Reflections written', detail: 'No shadow program this quarter yet.', ...none },
        ];
      }
      const { cal, quarter, participants, pairs, reflections, workdays } = facts;
      const progress = quarterProgress(
        participants.map((p) => ({ memberId: p.member_id, team: p.team, optedOut: p.opted_out_at !== null })),
        pairs.map((p) => ({ guestId: p.guest_id, date: p.date, reflected: reflections.has(p.id) })),
        workdays,
        cal.today,
      );
      const completed = progress.teams.reduce((n, t) => n + t.completed, 0);
      const expected = Math.round(progress.teams.reduce((n, t) => n + t.expectedByNow, 0) * 10) / 10;
      const tally = reflectionTally(
        pairs.map((p) => ({ date: p.date, reflected: reflections.has(p.id) })),
        cal.today,
        calendarDate.addDays(cal.today, -REFLECTION_GRACE_DAYS),
      );
      const { written, counted } = tally;
      const missing = counted - written;
      const undated = progress.overdue.filter((o) => o.why === 'No date yet').length;
      return [
        {
          key: 'shadowing.completed_vs_expected',
          strategy: 'shadowing',
          label: 'Shadow days on track',
          score: paceScore(completed, expected),
          detail:
            expected >= 1
              ? `${completed} of ${participants.filter((p) => p.opted_out_at === null).length} members completed their day in ${quarter.label}; ${expected} expected by now.`
              : `${quarter.label} has just begun: no day is expected yet${completed > 0 ? ` (${completed} done already)` : ''}.`,
          nextStep: undated > 0 ? { text: `Give ${undated} ${undated === 1 ? 'member' : 'members'} a shadow day: generate the pairs`, href: HREF } : null,
        },
        {
          key: 'shadowing.reflections_written',
          strategy: 'shadowing',
          label: 'Reflections written',
          score: counted > 0 ? written / counted : null,
          detail:
            counted > 0
              ? `${written} of ${counted} shadow days in ${quarter.label} have their reflection${missing > 0 ? ` (${missing} more than a week late)` : ''}.`
              : `No shadow day of ${quarter.label} is past its week for a reflection yet.`,
          nextStep: missing > 0 ? { text: `Remind ${missing} ${missing === 1 ? 'guest' : 'guests'} to write their reflection`, href: HREF } : null,
        },
      ];
    },
  };
}
