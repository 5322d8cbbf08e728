// Builds a meeting's agenda (SPEC S2): each capability supplies its sections through
// AgendaSectionProvider; the check-in supplies "open action items carried over" itself. The agenda
// refreshes until the meeting starts, then stays as it was (frozen) for the record.
import type { Db } from '../../db/database.js';
import type { AgendaSectionProvider } from '../../shared/contracts/agenda.js';
import { AGENDA_LOOKBACK_DAYS, ATTENDEE_ITEMS_KEY, agendaWindow, assembleAgenda, carriedOver, collectAgendaSections, meetingState, type Agenda } from './domain/index.js';
import { getMeeting, listActionItems, listMeetings, toDomainActionItem, toDomainMeeting, type MeetingRow } from './store.js';

const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** 'YYYY-MM-DD' → 'Tue, Dec 1' (a calendar date: formatted in UTC so it stays the same day). */
function readableDate(date: string | null): string {
  if (!date) return 'no date';
  return DAY_FORMAT.format(new Date(`${date}T00:00:00Z`));
}

export interface StoredAgenda extends Agenda {
  refreshedAt: string | null;
  frozen: boolean;
}

export function actionItemsSection(db: Db): AgendaSectionProvider {
  return {
    key: 'action_items',
    title: 'Open action items',
    order: 3,
    async build(ctx) {
      const meeting = await getMeeting(db, ctx.workspaceId, ctx.meetingId);
      if (!meeting) return [];
      const open = await listActionItems(db, ctx.workspaceId, { status: 'open' });
      const names = new Map(open.map((a) => [a.id, a.owner_name]));
      // Items agreed before this meeting that are still open carry over.
      const items = carriedOver(open.filter((a) => a.meeting_start < meeting.starts_at).map(toDomainActionItem), { id: meeting.id, start: meeting.starts_at }, ctx.timeZone);
      return items.map((a) => ({
        id: `action:${a.id}`,
        text: `${a.title} — ${names.get(a.id) ?? 'someone'}`,
        detail: a.overdue ? `Overdue by ${a.daysOverdue} day${a.daysOverdue === 1 ? '' : 's'} (due ${readableDate(a.dueDate)})` : `Due ${readableDate(a.dueDate)}`,
        tone: a.overdue ? ('warning' as const) : ('neutral' as const),
        ref: { type: 'action_item', id: a.id },
      }));
    },
  };
}

/** The agenda for a meeting: rebuilt and stored while the meeting is upcoming, the stored one after. */
export async function agendaFor(db: Db, providers: readonly AgendaSectionProvider[], meeting: MeetingRow, timeZone: string, now: Date): Promise<StoredAgenda> {
  const state = meetingState(toDomainMeeting(meeting), now);
  const frozen = state !== 'upcoming';
  if (frozen && meeting.agenda) {
    const stored = JSON.parse(meeting.agenda) as Agenda;
    // Agendas stored before rooms offered only their own sections carry empty placeholders for rooms
    // not built yet: leave those out (they held nothing, so the record loses nothing).
    const offered = new Set<string>([ATTENDEE_ITEMS_KEY, ...providers.map((p) => p.key)]);
    const sections = stored.sections.filter((s) => s.items.length > 0 || offered.has(s.key));
    return { ...stored, sections, refreshedAt: meeting.agenda_refreshed_at, frozen };
  }
  // The window reaches back at most AGENDA_LOOKBACK_DAYS: older meetings cannot bound it (a day more for their length).
  const from = new Date(Date.parse(meeting.starts_at) - (AGENDA_LOOKBACK_DAYS + 1) * 86_400_000).toISOString();
  const meetings = await listMeetings(db, meeting.workspace_id, meeting.series_id, { from, until: meeting.starts_at });
  const window = agendaWindow({ id: meeting.id, start: meeting.starts_at }, meetings.map(toDomainMeeting));
  const results = await collectAgendaSections(providers, {
    workspaceId: meeting.workspace_id,
    meetingId: meeting.id,
    since: window.since,
    until: window.until,
    timeZone,
    // A past meeting that never had an agenda is built as it would have looked when it started.
    now: frozen ? meeting.starts_at : now.toISOString(),
  });
  const custom = await db
    .selectFrom('agenda_items')
    .leftJoin('members', 'members.id', 'agenda_items.member_id')
    .leftJoin('users', 'users.id', 'members.user_id')
    .select(['agenda_items.id', 'agenda_items.title', 'agenda_items.note', 'agenda_items.member_id', 'agenda_items.created_at', 'users.name'])
    .where('agenda_items.workspace_id', '=', meeting.workspace_id)
    .where('agenda_items.meeting_id', '=', meeting.id)
    .orderBy('agenda_items.created_at')
    .orderBy('agenda_items.id')
    .execute();
  const agenda = assembleAgenda(
    results,
    custom.map((c) => ({ id: c.id, text: c.title, detail: c.note || null, addedById: c.member_id ?? '', addedByName: c.name ?? 'Someone', addedAt: c.created_at })),
  );
  // A past meeting built for the first time now is shown as it stood when it started.
  const refreshedAt = frozen ? meeting.starts_at : now.toISOString();
  await db.updateTable('meetings').set({ agenda: JSON.stringify(agenda), agenda_refreshed_at: refreshedAt }).where('id', '=', meeting.id).execute();
  return { ...agenda, refreshedAt, frozen };
}
