// The facts about alignment that goals reads from its store — each team's latest top three, what members
// expect of the other team, quiz answers, comp — shared by the Goals page's routes and goals' alignment
// signals and to-dos, so both read them the same way.
import type { Db } from '../../db/database.js';
import { compAlignment, otherTeam, type MemberExpectation, type Team, type TopThreeItem } from './domain/index.js';
import { latestPublication, parseSnapshot, type PublicationRow, type toDomainKpi } from './store.js';

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

export async function loadExpectations(db: Db, workspaceId: string): Promise<MemberExpectation[]> {
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

export async function loadQuizAnswers(db: Db, workspaceId: string) {
  const rows = await db
    .selectFrom('quiz_answers')
    .innerJoin('members', 'members.id', 'quiz_answers.member_id')
    .select(['quiz_answers.member_id', 'quiz_answers.kinds', 'quiz_answers.answered_at', 'members.team'])
    .where('quiz_answers.workspace_id', '=', workspaceId)
    .where('members.active', '=', 1)
    .execute();
  return rows.map((r) => ({ memberId: r.member_id, team: r.team, answeredAt: r.answered_at, kindIds: JSON.parse(r.kinds) as string[] }));
}

/**
 * Comp alignment as the Goals page reports it. A KPI agreed as shared (one team proposed, a lead of the other
 * accepted) is a goal of both teams: the other team's KPI of the same kind counts as shared; when it has none,
 * it holds the goal unpaid.
 */
export function compOf(kpis: ReturnType<typeof toDomainKpi>[]) {
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
