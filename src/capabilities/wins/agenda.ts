// The wins section of every check-in agenda (SPEC S2 item 1, S5 "the check-in agenda opens with them"): the wins
// dated or posted since the last meeting, collaborative ones marked, so the meeting starts by celebrating them.
// Reached only through AgendaSectionProvider; order 1 puts it first (checkins' AGENDA_SECTIONS).
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import { localDateOf } from '../../shared/calendar/index.js';
import type { AgendaItem, AgendaSectionProvider } from '../../shared/contracts/agenda.js';
import { namesInWords } from './domain/announcement.js';
import { clip } from '../../shared/clip.js';

/** Wins listed one by one; more are counted in one item. */
export const AGENDA_WINS_SHOWN = 10;


export function winsAgendaSection(db: Db): AgendaSectionProvider {
  return {
    key: 'wins',
    title: 'Wins since the last check-in',
    order: 1,
    async build(ctx) {
      // Posted in the window, or dated in it (a win typed in late still counts for the week it happened).
      const sinceDate = localDateOf(new Date(ctx.since), ctx.timeZone);
      const untilDate = localDateOf(new Date(ctx.until), ctx.timeZone);
      const wins = await db
        .selectFrom('wins')
        .select(['id', 'title', 'story', 'won_on', 'collaborative', 'celebrated_at'])
        .where('workspace_id', '=', ctx.workspaceId)
        .where((eb) => eb.or([eb.and([eb('created_at', '>=', ctx.since), eb('created_at', '<', ctx.until)]), eb.and([eb('won_on', '>=', sinceDate), eb('won_on', '<', untilDate), eb('created_at', '<', ctx.until)])]))
        .orderBy('collaborative', 'desc')
        .orderBy('won_on', 'desc')
        .orderBy('id')
        .limit(500)
        .execute();
      if (wins.length === 0) return [];
      const shown = wins.slice(0, AGENDA_WINS_SHOWN);
      const credits = await db
        .selectFrom('win_credits')
        .innerJoin('members', 'members.id', 'win_credits.member_id')
        .innerJoin('users', 'users.id', 'members.user_id')
        .select(['win_credits.win_id', sql<string>`${memberName}`.as('name')])
        .where('win_credits.workspace_id', '=', ctx.workspaceId)
        .where('win_credits.win_id', 'in', shown.map((w) => w.id))
        .orderBy('win_credits.win_id')
        .orderBy('win_credits.position')
        .execute();
      const names = new Map<string, string[]>();
      for (const c of credits) names.set(c.win_id, [...(names.get(c.win_id) ?? []), c.name]);
      const items: AgendaItem[] = shown.map((w) => {
        const together = Number(w.collaborative) === 1;
        const who = namesInWords(names.get(w.id) ?? []);
        return {
          id: `win:${w.id}`,
          text: `${together ? 'Together: ' : ''}${w.title}`,
          detail: [who ? `Credited to ${who}` : null, together ? 'sales and marketing together' : null, w.celebrated_at ? 'celebrated' : null, w.story.trim() ? `“${clip(w.story.trim())}”` : null].filter(Boolean).join(' · ') || null,
          href: `/wins/${w.id}`,
          tone: 'celebrate',
          ref: { type: 'win', id: w.id },
        };
      });
      const rest = wins.length - shown.length;
      if (rest > 0) items.push({ id: 'win:more', text: `${rest} more ${rest === 1 ? 'win' : 'wins'} since the last check-in`, detail: null, href: '/wins', tone: 'celebrate', ref: null });
      return items;
    },
  };
}
