// How the check-ins room's audit entries read (issue 10): the weekly series, meetings, action items, feeds.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema/index.js';
import { memberName } from '../../db/member-name.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { changedWords, fieldsOf, quoted, type AuditDescriber } from '../../shared/contracts/audit.js';

const MEETING_DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

/** The fields of a series change a person sets, in their words (the RRULE is the weekday). */
const SERIES_WORDS: Record<string, string> = { rrule: 'day', localTime: 'time', timeZone: 'time zone', durationMinutes: 'length', attendees: 'attendees', quorum: 'quorum' };

export function checkinsAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'checkins',
    kinds: { checkin_series: 'Weekly check-in', meeting: 'Check-in meeting', action_item: 'Action item', calendar_feed: 'Calendar feed' },
    async names(workspaceId, facts) {
      const ids = (type: string) => [...new Set(facts.filter((f) => f.entityType === type).map((f) => f.entityId))];
      const owners = [...new Set(facts.filter((f) => f.entityType === 'action_item').map((f) => fieldsOf(f.after).ownerId).filter((v): v is string => typeof v === 'string'))];
      const names = new Map<string, string>();
      const items = ids('action_item');
      if (items.length > 0) {
        const rows = await db.selectFrom('action_items').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('id', 'in', items).execute();
        for (const r of rows) names.set(r.id, r.title);
      }
      const meetings = ids('meeting');
      if (meetings.length > 0) {
        const rows = await db
          .selectFrom('meetings')
          .innerJoin('checkin_series', 'checkin_series.id', 'meetings.series_id')
          .select(['meetings.id', 'meetings.starts_at', 'checkin_series.time_zone'])
          .where('meetings.workspace_id', '=', workspaceId)
          .where('meetings.id', 'in', meetings)
          .execute();
        for (const r of rows) names.set(r.id, MEETING_DAY.format(new Date(`${localDateOf(r.starts_at, r.time_zone)}T12:00:00Z`)));
      }
      if (owners.length > 0) {
        const rows = await db
          .selectFrom('members')
          .leftJoin('users', 'users.id', 'members.user_id')
          .select(['members.id', memberName.as('name')])
          .where('members.workspace_id', '=', workspaceId)
          .where('members.id', 'in', owners)
          .execute();
        for (const r of rows) names.set(r.id, r.name);
      }
      return names;
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const item = quoted(name(f.entityId), 'an action item');
      switch (f.action) {
        case 'checkin_series.created':
          return `${f.actor} set up the weekly check-in`;
        case 'checkin_series.changed': {
          const before = fieldsOf(f.before);
          const changed = Object.keys(SERIES_WORDS).filter((k) => k in before && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
          const words = changed.map((k) => SERIES_WORDS[k]!);
          return words.length === 0 ? `${f.actor} saved the weekly check-in unchanged` : `${f.actor} changed the weekly check-in's ${words.join(', ')}`;
        }
        case 'meeting.held':
          return `${f.actor} marked the check-in of ${name(f.entityId) ?? 'a past week'} held`;
        case 'action_item.created':
          return `${f.actor} added the action item ${item}${typeof after.ownerId === 'string' ? ` for ${name(after.ownerId) ?? 'a former member'}` : ''}`;
        case 'action_item.changed':
          if (after.status === 'done') return `${f.actor} marked ${item} done`;
          if (after.status === 'dropped') return `${f.actor} dropped ${item}`;
          if (after.status === 'open') return `${f.actor} reopened ${item}`;
          return `${f.actor} changed the ${changedWords(f.before, f.after)} of ${item}`;
        case 'calendar_feed.created':
          return `${f.actor} made a calendar feed link`;
        default:
          return null;
      }
    },
  };
}
