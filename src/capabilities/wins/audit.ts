// How the wins room's audit entries read (issue 13): "Sam Seller posted the win 'Globex signed'", "Dana Whitfield
// confirmed the proposed win …", "… marked 'Globex signed' celebrated together in a check-in", "… dismissed the
// proposed win …", "… set the small-deal threshold to $5,000".
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema/index.js';
import { changedWords, fieldsOf, quoted, type AuditDescriber } from '../../shared/contracts/audit.js';
import { wholeDollars } from '../../shared/money.js';

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

export function winsAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'wins',
    kinds: { win: 'Win', win_proposal: 'Proposed win', win_settings: 'Wins settings' },
    async names(workspaceId, facts) {
      const names = new Map<string, string>();
      const winIds = [...new Set(facts.filter((f) => f.entityType === 'win').map((f) => f.entityId))];
      if (winIds.length > 0) {
        const rows = await db.selectFrom('wins').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('id', 'in', winIds).execute();
        for (const r of rows) names.set(r.id, short(r.title));
      }
      const proposalIds = [...new Set(facts.filter((f) => f.entityType === 'win_proposal').map((f) => f.entityId))];
      if (proposalIds.length > 0) {
        const rows = await db.selectFrom('win_proposals').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('id', 'in', proposalIds).execute();
        for (const r of rows) names.set(r.id, short(r.title));
      }
      return names;
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      const title = name(f.entityId) ?? (typeof after.title === 'string' ? short(after.title) : typeof before.title === 'string' ? short(before.title) : null);
      const win = `the win ${quoted(title, '')}`.trimEnd();
      switch (f.action) {
        case 'win.posted':
          return `${f.actor} posted ${win}`;
        case 'win.confirmed':
          return `${f.actor} confirmed the proposed win ${quoted(title, '')}`.trimEnd();
        case 'win.changed':
          return `${f.actor} changed the ${changedWords(f.before, f.after).replace('credited member ids', 'people credited')} of ${win}`;
        case 'win.deleted':
          return `${f.actor} deleted ${win}`;
        case 'win.celebrated':
          return `${f.actor} marked ${win} celebrated together${typeof after.meetingId === 'string' ? ' in a check-in' : ''}`;
        case 'win.uncelebrated':
          return `${f.actor} took back "celebrated together" on ${win}`;
        case 'win_proposal.dismissed':
          return `${f.actor} dismissed the proposed win ${quoted(title, '')}`.trimEnd();
        case 'win_settings.changed':
          return typeof after.smallDealThresholdCents === 'number' ? `${f.actor} set the small-deal threshold of wins to ${wholeDollars(after.smallDealThresholdCents)}` : null;
        default:
          return null;
      }
    },
  };
}
