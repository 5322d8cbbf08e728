// Awareness check scoring (SPEC S1 "Awareness check": "the score per team is the share correctly
// named"). Each member's LATEST answer counts; its first three distinct kinds are compared with the
// other team's latest published top three, order ignored: member score = kinds correctly named ÷ the
// number of KPIs in that top three (3 once it is complete). A top-three KPI without a catalog kind
// cannot be named in the quiz, so it still counts in the denominator: give custom KPIs a kind.
// Team score = mean member score over members who answered; participation = answered ÷ team size.
// Leadership answers are ignored (they have no "other team").
import { instantMs } from '../../../shared/calendar/index.js';
import { otherTeam } from './other-team.js';
import type { AwarenessAnswer, AwarenessMemberScore, AwarenessTeamScore, Team, TopThreeItem } from './types.js';

export interface AwarenessQuizInput {
  answers: readonly AwarenessAnswer[];
  topThree: Partial<Record<Team, readonly TopThreeItem[]>>;
  teamSizes: Partial<Record<Team, number>>;
}

/** At most this many kinds of an answer count, so listing the whole catalog earns nothing. */
export const QUIZ_PICKS = 3;

export function scoreAwarenessQuiz(input: AwarenessQuizInput): AwarenessTeamScore[] {
  const latest = new Map<string, AwarenessAnswer>();
  for (const a of input.answers) {
    if (otherTeam(a.team) === null) continue;
    const seen = latest.get(a.memberId);
    if (!seen || instantMs(a.answeredAt) >= instantMs(seen.answeredAt)) latest.set(a.memberId, a);
  }

  const teams: Team[] = ['sales', 'marketing'];
  return teams.map((team) => {
    const about = otherTeam(team) as Team;
    const top = input.topThree[about];
    const answers = [...latest.values()].filter((a) => a.team === team).sort((a, b) => a.memberId.localeCompare(b.memberId));
    const topKinds = new Set((top ?? []).map((t) => t.kindId).filter((k): k is string => k !== null));
    const denominator = top?.length ?? 0;
    const members: AwarenessMemberScore[] = answers.map((a) => {
      const picks = [...new Set(a.kindIds)].slice(0, QUIZ_PICKS);
      const correct = picks.filter((k) => topKinds.has(k)).length;
      return { memberId: a.memberId, correct, score: denominator === 0 ? 0 : correct / denominator };
    });
    const size = Math.max(input.teamSizes[team] ?? 0, answers.length);
    return {
      team,
      aboutTeam: about,
      answered: answers.length,
      teamSize: size,
      participation: size === 0 ? null : answers.length / size,
      score: denominator === 0 || members.length === 0 ? null : members.reduce((s, m) => s + m.score, 0) / members.length,
      members,
    };
  });
}
