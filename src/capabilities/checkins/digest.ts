// Check-ins' part of the weekly digest (SPEC S2, S6): the coming weekly check-in (its day and time in the
// workspace's time zone), and the check-ins missed this week as disconnects ("most companies do not make this
// meeting a requirement — that is a recipe for a disconnect").
import type { Db } from '../../db/database.js';
import { localDateOf, spokenDate, wallClockOf } from '../../shared/calendar/index.js';
import type { DigestSectionProvider } from '../../shared/contracts/digest.js';

const clock = (iso: string, timeZone: string): string => {
  const w = wallClockOf(Date.parse(iso), timeZone);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
};

export function checkinsDigestSections(db: Db): DigestSectionProvider[] {
  return [
    {
      room: 'checkins',
      key: 'checkin',
      async build(ctx) {
        const next = await db
          .selectFrom('meetings')
          .innerJoin('checkin_series', 'checkin_series.id', 'meetings.series_id')
          .select(['meetings.id', 'meetings.starts_at'])
          .where('meetings.workspace_id', '=', ctx.workspaceId)
          .where('checkin_series.active', '=', 1)
          .where('meetings.status', '=', 'scheduled')
          .where('meetings.starts_at', '>=', ctx.until)
          .orderBy('meetings.starts_at')
          .limit(1)
          .executeTakeFirst();
        if (!next) return [];
        const on = spokenDate(localDateOf(new Date(next.starts_at), ctx.timeZone));
        return [{ id: `meeting:${next.id}`, text: `The weekly check-in is on ${on} at ${clock(next.starts_at, ctx.timeZone)} (${ctx.timeZone})`, detail: 'Add what you want to talk through to its agenda.', href: `/checkins/meetings/${next.id}`, tone: 'neutral' }];
      },
    },
    {
      room: 'checkins',
      key: 'disconnects',
      async build(ctx) {
        const missed = await db
          .selectFrom('meetings')
          .select(['id', 'starts_at'])
          .where('workspace_id', '=', ctx.workspaceId)
          .where('status', '=', 'missed')
          .where('starts_at', '>=', ctx.since)
          .where('starts_at', '<', ctx.until)
          .orderBy('starts_at')
          .execute();
        return missed.map((m) => ({
          id: `missed:${m.id}`,
          text: `The check-in on ${spokenDate(localDateOf(new Date(m.starts_at), ctx.timeZone))} was missed`,
          detail: 'It was not held with both teams’ key players.',
          href: `/checkins/meetings/${m.id}`,
          tone: 'alert' as const,
        }));
      },
    },
  ];
}
