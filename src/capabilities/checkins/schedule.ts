// Keeps the meetings table in step with the series (SPEC S2): every occurrence from the series start (at
// most a year back) to HORIZON_WEEKS ahead has a row, so meetings can carry attendance, notes and items.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MeetingsTable } from '../../db/schema/checkins.js';
import { newId, nowIso } from '../../server/ids.js';
import { expandCheckinSeries } from './domain/index.js';
import { toDomainSeries, type SeriesRow } from './store.js';

const DAY = 86_400_000;
export const HORIZON_WEEKS = 12;
const HISTORY_DAYS = 366;

/** A scheduled meeting of the series, not yet held, with no agenda, notes or attendance. */
export function newMeetingRow(series: Pick<SeriesRow, 'id' | 'workspace_id'>, start: string, end: string, id = newId()): Insertable<MeetingsTable> {
  const at = nowIso();
  return {
    id,
    workspace_id: series.workspace_id,
    series_id: series.id,
    starts_at: start,
    ends_at: end,
    status: 'scheduled',
    held_at: null,
    quorum_met: 0,
    cancelled_at: null,
    missed_alerted_at: null,
    notes: '',
    agenda: '',
    agenda_refreshed_at: null,
    sequence: 0,
    created_at: at,
    updated_at: at,
  };
}

/** Inserts the series' missing meetings in the window; returns how many were added. */
export async function ensureMeetings(db: Db, series: SeriesRow, now: Date): Promise<number> {
  // A changed series (sequence > 0) applies from the change on: the past keeps the meetings the old
  // schedule had, and none is back-filled on the new weekday or time (it would count as missed).
  const changedAt = series.sequence > 0 ? Date.parse(series.updated_at) : Number.NEGATIVE_INFINITY;
  const from = new Date(Math.max(Date.parse(`${series.start_date}T00:00:00Z`) - DAY, now.getTime() - HISTORY_DAYS * DAY, changedAt));
  const to = new Date(now.getTime() + HORIZON_WEEKS * 7 * DAY);
  const occurrences = expandCheckinSeries(toDomainSeries(series), { from, to });
  if (occurrences.length === 0) return 0;
  const existing = new Set(
    (await db.selectFrom('meetings').select('starts_at').where('series_id', '=', series.id).where('starts_at', '>=', from.toISOString()).execute()).map((m) => m.starts_at),
  );
  const rows = occurrences.filter((o) => !existing.has(o.start)).map((o) => newMeetingRow(series, o.start, o.end));
  if (rows.length === 0) return 0;
  await db
    .insertInto('meetings')
    .values(rows)
    .onConflict((oc) => oc.columns(['series_id', 'starts_at']).doNothing())
    .execute();
  return rows.length;
}

/**
 * After the series changed: future meetings that no longer fit the new schedule go away; those that
 * already carry notes, decisions or items are cancelled instead (calendar clients see STATUS:CANCELLED).
 */
export async function reconcileFutureMeetings(db: Db, series: SeriesRow, now: Date): Promise<void> {
  const to = new Date(now.getTime() + HORIZON_WEEKS * 7 * DAY);
  const wanted = new Set(expandCheckinSeries(toDomainSeries(series), { from: now, to }).map((o) => o.start));
  const future = await db
    .selectFrom('meetings')
    .select(['id', 'starts_at', 'notes'])
    .where('series_id', '=', series.id)
    .where('starts_at', '>', now.toISOString())
    .where('status', '=', 'scheduled')
    .execute();
  for (const m of future) {
    if (wanted.has(m.starts_at)) continue;
    const used =
      m.notes.trim() !== '' ||
      (await db.selectFrom('action_items').select('id').where('meeting_id', '=', m.id).limit(1).executeTakeFirst()) !== undefined ||
      (await db.selectFrom('decisions').select('id').where('meeting_id', '=', m.id).limit(1).executeTakeFirst()) !== undefined ||
      (await db.selectFrom('agenda_items').select('id').where('meeting_id', '=', m.id).limit(1).executeTakeFirst()) !== undefined;
    if (used) {
      await db.updateTable('meetings').set({ status: 'cancelled', cancelled_at: nowIso(), updated_at: nowIso() }).where('id', '=', m.id).execute();
    } else {
      await db.deleteFrom('meetings').where('id', '=', m.id).execute();
    }
  }
}
