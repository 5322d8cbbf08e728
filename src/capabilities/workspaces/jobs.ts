// Housekeeping for access: expired sessions and used-up invites do not need to stay in the database.
import type { Job } from '../../server/jobs.js';

const DAY = 86_400_000;

export const accessHousekeeping: Job = {
  name: 'access.housekeeping',
  period: 'day',
  async run({ db, now, log }) {
    const sessions = await db.kysely.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    // Expired invites are kept 30 days so admins can still see why a link stopped working.
    const invites = await db.kysely
      .deleteFrom('invites')
      .where('accepted_at', 'is', null)
      .where('expires_at', '<=', new Date(now.getTime() - 30 * DAY).toISOString())
      .executeTakeFirst();
    log.info({ sessions: Number(sessions.numDeletedRows), invites: Number(invites.numDeletedRows) }, 'access housekeeping done');
  },
};
