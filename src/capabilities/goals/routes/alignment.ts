// Knowing the other team's goals (SPEC S1): expectations and the expectation gap, the awareness quiz,
// comp alignment, and the Goals overview that puts both teams side by side.
import type { Db } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { badRequest, forbidden } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import {
  buildPublicationSnapshot,
  catalogKind,
  diffPublications,
  validateTopThree,
  type Kpi,
  type PublicationChange,
  type PublicationSnapshot,
  compAlignmentSummary,
  expectationGap,
  expectationGapSummary,
  matchKpiKind,
  normalizeKpiText,
  otherTeam,
  publicationFreshness,
  teamPossessive,
  scoreAwarenessQuiz,
  type KpiKind,
} from '../domain/index.js';
import { compOf, GOAL_TEAMS, latestTopThrees, loadExpectations, loadQuizAnswers } from '../alignment-facts.js';
import { canAnswer, canMatchExpectations, canEditTeamGoals, canPublishTeamGoals, onBehalfOf } from '../policies.js';
import { CURRENCY, currentStatus, presentKpi, presentPublication } from '../presenters.js';
import { listStatusValues } from '../status-values.js';
import { AwarenessView, CompAlignmentView, ExpectationGapView, ExpectationMatchInput, ExpectationMatchView, ExpectationsInput, ExpectationsView, GoalsOverviewView, QuizInput, QuizResultView } from '../schemas.js';
import { activeTeamSizes, expectationMatchLock, expectationsLock, latestPublication, listKpis, loadCatalog, loadPeriodOptions, parseSnapshot, teamsWithLead, toDomainKpi } from '../store.js';

const tags = ['goals'];

/** Sales answers about marketing and marketing about sales; leadership must say which. */
function aboutTeamFor(actor: Actor, asked: 'sales' | 'marketing' | undefined): 'sales' | 'marketing' {
  const other = otherTeam(actor.team);
  if (other === 'sales' || other === 'marketing') {
    if (asked && asked !== other) throw badRequest(`As a ${actor.team} member you answer about ${other}.`);
    return other;
  }
  if (!asked) throw badRequest('Say which team this is about: aboutTeam "sales" or "marketing".');
  return asked;
}

/** The kinds chosen for free-text words in this workspace ("webinars" → MQLs), by their normalised words. */
async function chosenKinds(db: Db, workspaceId: string, aboutTeam: 'sales' | 'marketing'): Promise<Map<string, string>> {
  const rows = await db.selectFrom('expectations').select(['text', 'kind']).where('workspace_id', '=', workspaceId).where('about_team', '=', aboutTeam).where('kind', 'is not', null).execute();
  const chosen = new Map<string, string>();
  for (const r of rows) if (r.kind) chosen.set(normalizeKpiText(r.text), r.kind);
  return chosen;
}

/**
 * How many rows of each kind (not in the top three, in it) the gap answers: the most held first. Everyone may
 * type their own words, so a large workspace holds many expectations that one person holds; the rest are counted.
 */
export const GAP_ROWS_SHOWN = 50;

async function computeGap(db: Db, workspaceId: string, catalog: readonly KpiKind[]) {
  const { topThree } = await latestTopThrees(db, workspaceId);
  const report = expectationGap({ expectations: await loadExpectations(db, workspaceId), topThree, teamSizes: await activeTeamSizes(db, workspaceId), catalog });
  const gaps = report.rows.filter((r) => r.matched && !r.inTopThree);
  const met = report.rows.filter((r) => r.inTopThree);
  const unmatched = report.rows.filter((r) => !r.matched);
  const shown = new Set([...gaps.slice(0, GAP_ROWS_SHOWN), ...met.slice(0, GAP_ROWS_SHOWN), ...unmatched.slice(0, GAP_ROWS_SHOWN)]);
  return {
    rows: report.rows.filter((r) => shown.has(r)),
    gaps: gaps.length,
    met: met.length,
    unmatched: unmatched.length,
    held: report.held,
    shareMet: report.shareMet,
    summary: expectationGapSummary(report),
  };
}

async function computeAwareness(db: Db, workspaceId: string) {
  const { topThree } = await latestTopThrees(db, workspaceId);
  const scores = scoreAwarenessQuiz({
    answers: await loadQuizAnswers(db, workspaceId),
    topThree,
    teamSizes: await activeTeamSizes(db, workspaceId),
  });
  return scores.map((s) => ({ team: s.team, aboutTeam: s.aboutTeam, answered: s.answered, teamSize: s.teamSize, participation: s.participation, score: s.score }));
}

async function computeComp(db: Db, workspaceId: string) {
  const report = compOf((await listKpis(db, workspaceId)).map(toDomainKpi));
  return { ...report, summary: compAlignmentSummary(report) };
}

/** What publishing now would change against the latest publication (empty when nothing would). */
export function pendingChanges(kpis: readonly Kpi[], team: 'sales' | 'marketing', latest: PublicationSnapshot | null, now: Date): PublicationChange[] {
  if (!validateTopThree(kpis, { team, forPublication: true }).ok) return [];
  const next = buildPublicationSnapshot(kpis, { team, number: (latest?.number ?? 0) + 1, publishedAt: now, currency: CURRENCY });
  return diffPublications(latest, next);
}

export function registerAlignmentRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/goals/expectations/mine',
    { schema: { tags, summary: "What you expect the other team's top priorities to be.", response: { 200: ExpectationsView } } },
    async (req) => {
      const actor = actorOf(req);
      const catalog = await loadCatalog(k, actor.workspaceId);
      const rows = await k.selectFrom('expectations').selectAll().where('workspace_id', '=', actor.workspaceId).where('member_id', '=', actor.memberId).orderBy('rank').execute();
      return {
        aboutTeam: (rows[0]?.about_team as 'sales' | 'marketing' | undefined) ?? (otherTeam(actor.team) as 'sales' | 'marketing' | null),
        items: rows.map((r) => ({ rank: r.rank, kind: r.kind, kindName: r.kind ? (catalogKind(r.kind, catalog)?.name ?? null) : null, text: r.text })),
      };
    },
  );

  app.put(
    '/goals/expectations/mine',
    { schema: { tags, summary: "Replace your ranked expectations of the other team's top priorities (catalog kinds or free text).", body: ExpectationsInput, response: { 200: ExpectationsView, 400: ErrorView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canAnswer(actor)) throw forbidden('Viewers read only.');
      const aboutTeam = aboutTeamFor(actor, req.body.aboutTeam);
      const catalog = await loadCatalog(k, actor.workspaceId);
      const chosen = await chosenKinds(k, actor.workspaceId, aboutTeam);
      const items = req.body.items.map((i, idx) => {
        if (i.kind !== undefined && !catalogKind(i.kind, catalog)) throw badRequest(`Unknown KPI kind "${i.kind}".`);
        // Free text that clearly names a catalog kind ("lead gen") is stored as that kind, keeping the words; words
        // someone already chose a kind for in this workspace ("webinars" → MQLs) take that kind.
        const kind = i.kind ?? matchKpiKind(i.text ?? '', catalog) ?? chosen.get(normalizeKpiText(i.text ?? '')) ?? null;
        const text = i.text ?? catalogKind(kind ?? '', catalog)?.name ?? '';
        return { rank: idx + 1, kind, text };
      });
      await db.transaction(async (tx) => {
        // Delete-then-insert under the member's lock: two saves at the same moment would otherwise
        // both delete the old list and both insert the new one (on PostgreSQL), doubling every item.
        await lockForUpdate(tx, db.dialect, expectationsLock(actor.memberId));
        await tx.deleteFrom('expectations').where('workspace_id', '=', actor.workspaceId).where('member_id', '=', actor.memberId).execute();
        if (items.length > 0) {
          await tx
            .insertInto('expectations')
            .values(items.map((i) => ({ id: newId(), workspace_id: actor.workspaceId, member_id: actor.memberId, about_team: aboutTeam, rank: i.rank, kind: i.kind, text: i.text, created_at: nowIso() })))
            .execute();
        }
      });
      return { aboutTeam, items: items.map((i) => ({ ...i, kindName: i.kind ? (catalogKind(i.kind, catalog)?.name ?? null) : null })) };
    },
  );

  app.get(
    '/goals/expectation-gap',
    { schema: { tags, summary: "Every expectation that is not in the other team's published top three, and how many hold it.", response: { 200: ExpectationGapView } } },
    async (req) => {
      const actor = actorOf(req);
      return computeGap(k, actor.workspaceId, await loadCatalog(k, actor.workspaceId));
    },
  );

  app.put(
    '/goals/expectation-gap/match',
    {
      schema: {
        tags,
        summary: 'Choose the KPI kind that free-text expectations mean: every expectation of the holder team about the other with the same words (members of the holder team, leaders and admins).',
        body: ExpectationMatchInput,
        response: { 200: ExpectationMatchView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { holderTeam, aboutTeam, text, kind } = req.body;
      if (!canMatchExpectations(actor, holderTeam)) throw forbidden(`Members of ${holderTeam}, leaders and admins choose the KPI that ${teamPossessive(holderTeam)} expectations mean.`);
      const catalog = await loadCatalog(k, actor.workspaceId);
      const chosen = catalogKind(kind, catalog);
      if (!chosen) throw badRequest(`Unknown KPI kind "${kind}". Pick one from the catalog, or add it there first.`);
      const words = normalizeKpiText(text);
      if (!words) throw badRequest(`"${text}" has no words to match; choose a KPI for an expectation the gap lists.`);
      const matched = await db.transaction(async (tx) => {
        // Two choices at once must not both find the same rows unmatched (decision 015).
        await lockForUpdate(tx, db.dialect, expectationMatchLock(actor.workspaceId));
        // Every expectation with these words, not only those of one member: "webinars" means the same to all of them.
        const rows = await tx
          .selectFrom('expectations')
          .innerJoin('members', 'members.id', 'expectations.member_id')
          .select(['expectations.id', 'expectations.text'])
          .where('expectations.workspace_id', '=', actor.workspaceId)
          .where('expectations.about_team', '=', aboutTeam)
          .where('expectations.kind', 'is', null)
          .where('members.team', '=', holderTeam)
          .execute();
        const ids = rows.filter((r) => normalizeKpiText(r.text) === words).map((r) => r.id);
        // Choosing again (a second click, a second tab) finds nothing left to match, and says so by its count.
        if (ids.length === 0) return 0;
        await tx.updateTable('expectations').set({ kind: chosen.id }).where('workspace_id', '=', actor.workspaceId).where('id', 'in', ids).execute();
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: 'expectation.matched',
          entityType: 'expectation',
          entityId: `${holderTeam}:${aboutTeam}`,
          before: { text, kind: null },
          after: { text, kind: chosen.id, kindName: chosen.name, expectations: ids.length },
        });
        return ids.length;
      });
      return { matched, kind: chosen.id, kindName: chosen.name };
    },
  );

  app.post(
    '/goals/quiz',
    { schema: { tags, summary: "Awareness check: name the other team's top three; scored against its latest publication.", body: QuizInput, response: { 200: QuizResultView, 400: ErrorView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canAnswer(actor)) throw forbidden('Viewers read only.');
      const aboutTeam = aboutTeamFor(actor, req.body.aboutTeam);
      const catalog = await loadCatalog(k, actor.workspaceId);
      const kinds = [...new Set(req.body.kinds)];
      for (const kind of kinds) if (!catalogKind(kind, catalog)) throw badRequest(`Unknown KPI kind "${kind}".`);
      const publication = await latestPublication(k, actor.workspaceId, aboutTeam);
      if (!publication) throw badRequest(`${aboutTeam === 'sales' ? 'Sales' : 'Marketing'} has not published its top three yet, so there is nothing to name.`);
      const items = parseSnapshot(publication).items;
      const published = new Set(items.map((i) => i.kindId).filter((x): x is string => x !== null));
      const correct = kinds.filter((kind) => published.has(kind)).length;
      await k
        .insertInto('quiz_answers')
        .values({ id: newId(), workspace_id: actor.workspaceId, member_id: actor.memberId, about_team: aboutTeam, publication_id: publication.id, kinds: JSON.stringify(kinds), correct, answered_at: nowIso() })
        .execute();
      return {
        aboutTeam,
        correct,
        outOf: items.length,
        answer: kinds.map((kind) => ({ kind, name: catalogKind(kind, catalog)?.name ?? kind, correct: published.has(kind) })),
        topThree: items.map((i) => ({ rank: i.rank, name: i.name, kindId: i.kindId })),
      };
    },
  );

  app.get('/goals/awareness', { schema: { tags, summary: "Awareness per team: the share of the other team's top three its members name correctly.", response: { 200: AwarenessView } } }, async (req) =>
    computeAwareness(k, actorOf(req).workspaceId),
  );

  app.get('/goals/comp-alignment', { schema: { tags, summary: "Where the teams' pay plans pull apart, and the share of comp weight on shared KPIs.", response: { 200: CompAlignmentView } } }, async (req) =>
    computeComp(k, actorOf(req).workspaceId),
  );

  app.get(
    '/goals/overview',
    { schema: { tags, summary: 'The Goals page: both teams side by side with their published top three and current status, shared KPIs, awareness, comp and the gap.', response: { 200: GoalsOverviewView } }, config: { readCache: true } },
    async (req) => {
      const actor = actorOf(req);
      const now = new Date();
      const options = await loadPeriodOptions(k, actor.workspaceId);
      const catalog = await loadCatalog(k, actor.workspaceId);
      const kpis = await listKpis(k, actor.workspaceId);
      const { latest } = await latestTopThrees(k, actor.workspaceId);
      // A published KPI is judged in its published period, which may differ from its live one.
      const published = GOAL_TEAMS.flatMap((team) => (latest[team] ? parseSnapshot(latest[team]).items.map((i) => ({ id: i.kpiId, period: i.targetPeriod })) : []));
      const values = await listStatusValues(k, actor.workspaceId, [...kpis, ...published.filter((p) => kpis.some((x) => x.id === p.id))], now, options);
      const led = await teamsWithLead(k, actor.workspaceId);
      const teams = GOAL_TEAMS.map((team) => {
        const p = latest[team];
        const items = p ? parseSnapshot(p).items : [];
        const unpublishedChanges = pendingChanges(kpis.filter((x) => x.team === team).map(toDomainKpi), team, p ? parseSnapshot(p) : null, now).length > 0;
        return {
          team,
          freshness: publicationFreshness(p?.published_at ?? null, now),
          latest: p ? presentPublication(p) : null,
          topThree: items.map((item) => {
            const live = kpis.find((x) => x.id === item.kpiId);
            // The card shows the published definition, so its status is judged against the published target.
            return { item, current: live ? currentStatus({ ...live, target: item.target, period: item.targetPeriod }, values, options, catalog, now) : null };
          }),
          unpublishedChanges,
          hasLead: led.has(team),
          you: { canEdit: canEditTeamGoals(actor, team), canPublish: canPublishTeamGoals(actor, team, led.has(team)), onBehalf: onBehalfOf(actor, team) !== null },
        };
      });
      return {
        teams,
        shared: kpis.filter((x) => x.shared === 1).map((x) => presentKpi(x, values, options, catalog, now)),
        awareness: await computeAwareness(k, actor.workspaceId),
        comp: await computeComp(k, actor.workspaceId),
        gap: await computeGap(k, actor.workspaceId, catalog),
      };
    },
  );
}
