// The check-in's periodic work (SPEC S2): keep meetings scheduled ahead, and mark a meeting missed once its
// time has passed without being held with quorum, alerting the leaders once ("most companies do not make
// this meeting a requirement").
import type { Db } from '../../db/database.js';
import { nowIso } from '../../server/ids.js';
import type { Job } from '../../server/jobs.js';
import { notifyMember } from '../../server/notifications.js';
import { announce } from '../../server/outbound/announce.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { meetingState } from './domain/index.js';
import { ensureMeetings } from './schedule.js';
import { toDomainMeeting } from './store.js';

/**
 * Marks missed meetings and alerts each workspace's leaders; returns how many meetings it marked. With `outbound`
 * (the public URL links are made absolute with), the alert also goes to the channels subscribed to missed check-ins.
 */
export async function sweepCheckins(db: Db, now: Date, outbound: { publicUrl: string } | null = null): Promise<number> {
  const series = await db.selectFrom('checkin_series').selectAll().where('active', '=', 1).execute();
  let marked = 0;
  for (const s of series) {
    await ensureMeetings(db, s, now);
    const due = await db.selectFrom('meetings').selectAll().where('series_id', '=', s.id).where('status', '=', 'scheduled').where('ends_at', '<', now.toISOString()).execute();
    const missed = due.filter((m) => meetingState(toDomainMeeting(m), now) === 'missed');
    if (missed.length === 0) continue;
    const leaders = await db.selectFrom('members').select('id').where('workspace_id', '=', s.workspace_id).where('active', '=', 1).where('role', 'in', ['leader', 'admin']).execute();
    for (const m of missed) {
      const at = nowIso();
      const claimed = await db.updateTable('meetings').set({ status: 'missed', missed_alerted_at: at, updated_at: at }).where('id', '=', m.id).where('status', '=', 'scheduled').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue;
      marked++;
      // Only recent misses alert: a series set up with past dates should not flood the leaders.
      if (now.getTime() - Date.parse(m.ends_at) > 7 * 86_400_000) continue;
      const title = `The weekly check-in on ${localDateOf(m.starts_at, s.time_zone)} was missed`;
      const body = 'It was not held with both teams’ key players. Most companies do not make this meeting a requirement — that is a recipe for a disconnect. Reschedule or make sure the next one happens.';
      const link = `/checkins/meetings/${m.id}`;
      for (const l of leaders) {
        await notifyMember(db, s.workspace_id, l.id, { kind: 'checkin_missed', title, body, link });
      }
      if (outbound) {
        // Email goes to the same leaders; Slack and Teams to the channel. Keyed by meeting: a second sweep sends nothing.
        await announce(db, outbound, s.workspace_id, { kind: 'missed_checkins', key: `checkin-missed:${m.id}`, title, text: body, link, linkLabel: 'Open the check-in', accent: 'warning', recipientMemberIds: leaders.map((l) => l.id) });
      }
    }
  }
  return marked;
}

/** The hourly sweep; missed check-ins also go out through the workspace's channels (issue 13). */
export function checkinSweepJob(ctx: { config: { publicUrl: string } }): Job {
  return {
    name: 'checkins.sweep',
    period: 'hour',
    async run({ db, now }) {
      await db.transaction((tx) => sweepCheckins(tx, now, { publicUrl: ctx.config.publicUrl }));
    },
  };
}
