// The day-before reminder (SPEC S4 "each pair gets an invite (ICS) and reminders"): hourly, every shadow day that is
// tomorrow in its workspace's zone and has no reminder for that date yet is claimed by one conditional update — so
// two instances, or two runs, never send it twice — and announced to host and guest in the same transaction. A day
// that moves gets a reminder for its new date.
import type { Database } from '../../db/database.js';
import { calendarDate, localDateOf } from '../../shared/calendar/index.js';
import type { Job } from '../../server/jobs.js';
import { membersById } from './store.js';
import { announceDay } from './write.js';

export async function sendReminders(database: Database, publicUrl: string, now: Date): Promise<number> {
  const workspaces = await database.kysely.selectFrom('workspaces').select(['id', 'time_zone']).orderBy('id').execute();
  let sent = 0;
  for (const w of workspaces) {
    const tomorrow = calendarDate.addDays(localDateOf(now, w.time_zone), 1);
    const due = await database.kysely
      .selectFrom('shadow_pairs')
      .selectAll()
      .where('workspace_id', '=', w.id)
      .where('date', '=', tomorrow)
      .where((eb) => eb.or([eb('reminder_sent_for', 'is', null), eb('reminder_sent_for', '!=', tomorrow)]))
      .orderBy('id')
      .execute();
    for (const pair of due) {
      await database.transaction(async (tx) => {
        const claimed = await tx
          .updateTable('shadow_pairs')
          .set({ reminder_sent_for: tomorrow })
          .where('id', '=', pair.id)
          .where('date', '=', tomorrow)
          .where((eb) => eb.or([eb('reminder_sent_for', 'is', null), eb('reminder_sent_for', '!=', tomorrow)]))
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return;
        const members = await membersById(tx, w.id, [pair.guest_id, pair.host_id]);
        await announceDay(tx, { publicUrl, members, now }, { ...pair, date: tomorrow }, 'reminder');
        sent++;
      });
    }
  }
  return sent;
}

export function shadowRemindersJob(publicUrl: string): Job {
  return {
    name: 'shadowing.day-before-reminders',
    period: 'hour',
    async run({ db, log, now }) {
      const sent = await sendReminders(db, publicUrl, now);
      if (sent > 0) log.info({ job: 'shadowing.day-before-reminders', sent }, 'shadow-day reminders sent');
    },
  };
}
