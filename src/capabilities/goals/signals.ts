// What goals reports for the alignment score (SPEC S6 "Goals"), through AlignmentSignalProvider only: the
// facts come from goals' own store, the scores from domain/goal-signals.ts.
import type { Db } from '../../db/database.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { expectationGap, publicationFreshness, scoreAwarenessQuiz } from './domain/index.js';
import { compOf, GOAL_TEAMS, latestTopThrees, loadExpectations, loadQuizAnswers } from './alignment-facts.js';
import { awarenessSignal, compSignal, expectationsSignal, topThreeSignal } from './domain/goal-signals.js';
import { activeTeamSizes, listKpis, loadCatalog, toDomainKpi } from './store.js';

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
      const gap = expectationGap({ expectations: await loadExpectations(db, workspaceId), topThree, teamSizes, catalog });
      const awareness = scoreAwarenessQuiz({ answers: await loadQuizAnswers(db, workspaceId), topThree, teamSizes });
      return [
        topThreeSignal({ teams: GOAL_TEAMS.map((team) => ({ team, freshness: publicationFreshness(latest[team]?.published_at ?? null, now) })), kpiCount: kpis.length }),
        expectationsSignal(gap),
        awarenessSignal(awareness),
        compSignal(compOf(kpis)),
      ];
    },
  };
}
