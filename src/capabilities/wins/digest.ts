// The wins room's part of the weekly digest (SPEC S5 "the weekly digest opens with wins"): the wins of the week —
// the same items the check-in agenda opens with (posted or dated in the week, those crediting sales and marketing
// together first, with the people credited).
import type { Db } from '../../db/database.js';
import type { DigestSectionProvider } from '../../shared/contracts/digest.js';
import { winsAgendaSection } from './agenda.js';

export function winsDigestSection(db: Db): DigestSectionProvider {
  const agenda = winsAgendaSection(db);
  return {
    room: 'wins',
    key: 'wins',
    async build(ctx) {
      const items = await agenda.build({ workspaceId: ctx.workspaceId, meetingId: '', since: ctx.since, until: ctx.until, timeZone: ctx.timeZone, now: ctx.now.toISOString() });
      return items.map((i) => ({ id: i.id, text: i.text, detail: i.detail ?? null, href: i.href ?? '/wins', tone: i.tone ?? 'celebrate' }));
    },
  };
}
