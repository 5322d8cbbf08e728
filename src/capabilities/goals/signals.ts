// What goals reports for the alignment score (SPEC S6 "Goals"), through AlignmentSignalProvider only: the
// facts come from goals' own store, the scores from domain/goal-signals.ts.
import type { Db } from '../../db/database.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { compAlignment, expectationGap, otherTeam, publicationFreshness, scoreAwarenessQuiz, type MemberExpectation, type Team, type TopThreeItem } from './domain/index.js';
import { awarenessSignal, compSignal, expectationsSignal, topThreeSignal } from './domain/goal-signals.js';
import { activeTeamSizes, latestPublication, listKpis, loadCatalog, parseSnapshot, toDomainKpi, type PublicationRow } from './store.js';

export const GOAL_TEAMS = ['sales', 'marketing'] as const;

/** Each team's latest publication and the top three it published (a team missing has not published). */
export async function latestTopThrees(db: Db, workspaceId: string) {
  const topThree: Partial<Record<Team, TopThreeItem[]>> = {};
  const latest: Partial<Record<Team, PublicationRow>> = {};
  for (const team of GOAL_TEAMS) {
    const p = await latestPublication(db, workspaceId, team);
    if (!p) continue;
    latest[team] = p;
    topThree[team] = parseSnapshot(p).items.map((i) => ({ kindId: i.kindId, name: i.name }));
  }
  return { topThree, latest };
}

async function expectationsOf(db: Db, workspaceId: string): Promise<MemberExpectation[]> {
  const rows = await db
    .selectFrom('expectations')
    .innerJoin('members', 'members.id', 'expectations.member_id')
    .select(['expectations.member_id', 'expectations.about_team', 'expectations.rank', 'expectations.kind', 'expectations.text', 'members.team'])
    .where('expectations.workspace_id', '=', workspaceId)
    .where('members.active', '=', 1)
    .orderBy('expectations.rank')
    .execute();
  const byMember = new Map<string, MemberExpectation & { items: Array<{ rank: number; kindId: string | null; text: string }> }>();
  for (const r of rows) {
    const e = byMember.get(r.member_id) ?? { memberId: r.member_id, team: r.team, aboutTeam: r.about_team, items: [] };
    e.items.push({ rank: r.rank, kindId: r.kind, text: r.text });
    byMember.set(r.member_id, e);
  }
  return [...byMember.values()];
}

async function quizAnswersOf(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom('quiz_answers')
    .innerJoin('members', 'members.id', 'quiz_answers.member_id')
    .select(['quiz_answers.member_id', 'quiz_answers.kinds', 'quiz_answers.answered_at', 'members.team'])
    .where('quiz_answers.workspace_id', '=', workspaceId)
    .where('members.active', '=', 1)
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, team: r.team, answeredAt: r.answered_at, kindIds: JSON.parse(r.kinds) as string[] }));
}

/** Comp alignment as the Goals page reports it: a KPI agreed as shared is a goal of both teams (see routes/alignment.ts). */
function compOf(kpis: ReturnType<typeof toDomainKpi>[]) {
  const sharedKinds = new Set(kpis.filter((k) => k.shared && k.kindId).map((k) => k.kindId));
  const marked = kpis.map((k) => ({ ...k, shared: k.shared || (k.kindId !== null && sharedKinds.has(k.kindId)) }));
  const counterparts = kpis
    .filter((k) => k.shared)
    .flatMap((k) => {
      const other = otherTeam(k.team);
      if (!other || marked.some((m) => m.team === other && m.kindId === k.kindId)) return [];
      return [{ ...k, id: `${k.id}:${other}`, team: other, compensated: false, compWeight: 0, rank: null, shared: true }];
    });
  return compAlignment([...marked, ...counterparts]);
}

export function goalsSignals(db: Db): AlignmentSignalProvider {
  return {
    room: 'goals',
    async signals({ workspaceId, now }) {
      const [kpis, { topThree, latest }, catalog, teamSizes] = [
        (await listKpis(db, workspaceId)).map(toDomainKpi),
        await latestTopThrees(db, workspaceId),
        await loadCatalog(db, workspaceId),
        await activeTeamSizes(db, workspaceId),
      ];
      const gap = expectationGap({ expectations: await expectationsOf(db, workspaceId), topThree, teamSizes, catalog });
      const awareness = scoreAwarenessQuiz({ answers: await quizAnswersOf(db, workspaceId), topThree, teamSizes });
      return [
        topThreeSignal({ teams: GOAL_TEAMS.map((team) => ({ team, freshness: publicationFreshness(latest[team]?.published_at ?? null, now) })), kpiCount: kpis.length }),
        expectationsSignal(gap),
        awarenessSignal(awareness),
        compSignal(compOf(kpis)),
      ];
    },
  };
}
