// Goals' part of the weekly digest (SPEC S6; the digest contract): the KPI status of both teams' top three and the
// shared KPIs (the same items the check-in agenda lists, off-track first), and the expectation gaps — what one team
// expects of the other that the other's top three does not hold — as disconnects.
import type { Db } from '../../db/database.js';
import type { DigestItem, DigestSectionProvider } from '../../shared/contracts/digest.js';
import { kpiAgendaSection } from './agenda.js';
import { latestTopThrees, loadExpectations } from './alignment-facts.js';
import { expectationGap } from './domain/index.js';
import { activeTeamSizes, loadCatalog } from './store.js';

/** The gaps a digest names (the biggest first); the check-in is where they are talked through. */
export const DIGEST_GAPS_SHOWN = 3;

export function goalsDigestSections(db: Db): DigestSectionProvider[] {
  const kpis = kpiAgendaSection(db);
  return [
    {
      room: 'goals',
      key: 'kpis',
      async build(ctx) {
        const items = await kpis.build({ workspaceId: ctx.workspaceId, meetingId: '', since: ctx.since, until: ctx.until, timeZone: ctx.timeZone, now: ctx.now.toISOString() });
        return items.map((i): DigestItem => ({ id: i.id, text: i.text, detail: i.detail ?? null, href: i.href ?? '/goals', tone: i.tone ?? 'neutral' }));
      },
    },
    {
      room: 'goals',
      key: 'disconnects',
      async build(ctx) {
        const [{ topThree }, catalog, teamSizes, expectations] = [await latestTopThrees(db, ctx.workspaceId), await loadCatalog(db, ctx.workspaceId), await activeTeamSizes(db, ctx.workspaceId), await loadExpectations(db, ctx.workspaceId)];
        const gap = expectationGap({ expectations, topThree, teamSizes, catalog });
        return gap.rows
          .filter((r) => r.matched && !r.inTopThree)
          .slice(0, DIGEST_GAPS_SHOWN)
          .map((r): DigestItem => ({ id: `gap:${r.holderTeam}:${r.aboutTeam}:${r.kindId ?? r.label}`, text: `Expectation gap: ${r.sentence}`, detail: null, href: '/goals', tone: 'warning' }));
      },
    },
  ];
}
