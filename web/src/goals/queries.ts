// Query and mutation hooks for published goals (SPEC S1), over /api/v1/goals.
// Every goals mutation refreshes every goals query: a KPI change moves the overview, the gap and the comp flags at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { useFirstPage, usePagedList } from '../api/pages.js';
import type {
  AwarenessView,
  ExpectationGapView,
  ExpectationMatchInput,
  ExpectationMatchView,
  ExpectationsInput,
  ExpectationsView,
  GoalsOverviewView,
  GoalTeam,
  KpiCreateInput,
  KpiDetailView,
  KpiKindInput,
  KpiKindView,
  KpisPageView,
  KpiUpdateInput,
  KpiValuesInput,
  KpiValueView,
  KpiView,
  PublicationView,
  QuizInput,
  QuizResultView,
  ValuesRecordedView,
} from './types.js';

export const goalKeys = {
  all: ['goals'] as const,
  overview: ['goals', 'overview'] as const,
  catalog: ['goals', 'catalog'] as const,
  kpis: ['goals', 'kpis'] as const,
  kpi: (id: string) => ['goals', 'kpi', id] as const,
  publications: (team: GoalTeam | 'all') => ['goals', 'publications', team] as const,
  expectations: ['goals', 'expectations'] as const,
  gap: ['goals', 'gap'] as const,
  awareness: ['goals', 'awareness'] as const,
};


const id = (s: string) => encodeURIComponent(s);

function useGoalsMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: goalKeys.all });
      // Publications notify the workspace; KPI changes land in the audit log.
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const useGoalsOverview = () => useQuery({ queryKey: goalKeys.overview, queryFn: () => api.get<GoalsOverviewView>('/goals/overview') });
/** The catalog a page at a time (the KPIs page lists it). */
export const useCatalog = () => usePagedList<KpiKindView>(goalKeys.catalog, '/goals/catalog');
/** The first 50 kinds matching a search, for a picker. */
export const useCatalogSearch = (q: string) => useFirstPage<KpiKindView>(goalKeys.catalog, '/goals/catalog', { q });
/** A team's KPIs a page at a time: the top three first, then by name; with how many there are. */
export const useTeamKpis = (team: GoalTeam) => usePagedList<KpiView, KpisPageView>(goalKeys.kpis, '/goals/kpis', { team });
/** The first KPIs of a team matching a search, for a picker. */
export const useKpiSearch = (team: GoalTeam, q: string) => useFirstPage<KpiView, KpisPageView>(goalKeys.kpis, '/goals/kpis', { team, q, limit: 20 });
/** A team's ranked KPIs: they come first in the list, so its first three hold them. */
export const useRankedKpis = (team: GoalTeam) => useFirstPage<KpiView, KpisPageView>(goalKeys.kpis, '/goals/kpis', { team, limit: 3 });
export const useKpi = (kpiId: string) => useQuery({ queryKey: goalKeys.kpi(kpiId), queryFn: () => api.get<KpiDetailView>(`/goals/kpis/${id(kpiId)}`) });
export const useKpiValues = (kpiId: string, limit: number) => usePagedList<KpiValueView>([...goalKeys.kpi(kpiId), 'values'], `/goals/kpis/${id(kpiId)}/values`, {}, { limit });
export const usePublications = (team: GoalTeam | 'all') => usePagedList<PublicationView>(goalKeys.publications(team), '/goals/publications', team === 'all' ? {} : { team }, { limit: 10 });
export const useMyExpectations = () => useQuery({ queryKey: goalKeys.expectations, queryFn: () => api.get<ExpectationsView>('/goals/expectations/mine') });
export const useExpectationGap = () => useQuery({ queryKey: goalKeys.gap, queryFn: () => api.get<ExpectationGapView>('/goals/expectation-gap') });
export const useAwareness = () => useQuery({ queryKey: goalKeys.awareness, queryFn: () => api.get<AwarenessView>('/goals/awareness') });

export const useCreateKpi = () => useGoalsMutation((body: KpiCreateInput) => api.post<KpiView>('/goals/kpis', body));
export const useUpdateKpi = () => useGoalsMutation(({ kpiId, patch }: { kpiId: string; patch: KpiUpdateInput }) => api.patch<KpiView>(`/goals/kpis/${id(kpiId)}`, patch));
export const useArchiveKpi = () => useGoalsMutation((kpiId: string) => api.delete<KpiView>(`/goals/kpis/${id(kpiId)}`));
export const useSetTopThree = () => useGoalsMutation((body: { team: GoalTeam; kpiIds: string[] }) => api.put<KpiView[]>('/goals/top-three', body));
export const useRecordValues = () =>
  useGoalsMutation(({ kpiId, body }: { kpiId: string; body: KpiValuesInput }) => api.post<ValuesRecordedView>(`/goals/kpis/${id(kpiId)}/values`, body));
export const usePasteValues = () =>
  useGoalsMutation(({ kpiId, text }: { kpiId: string; text: string }) => api.post<ValuesRecordedView>(`/goals/kpis/${id(kpiId)}/values/paste`, { text }));
export const useShareKpi = () => useGoalsMutation((kpiId: string) => api.post<KpiView>(`/goals/kpis/${id(kpiId)}/share`));
export const useUnshareKpi = () => useGoalsMutation((kpiId: string) => api.delete<KpiView>(`/goals/kpis/${id(kpiId)}/share`));
export const usePublish = () => useGoalsMutation((body: { team: GoalTeam; note?: string }) => api.post<PublicationView>('/goals/publications', body));
export const useAddCatalogKind = () => useGoalsMutation((body: KpiKindInput) => api.post<KpiKindView>('/goals/catalog', body));
export const useMatchExpectation = () =>
  useGoalsMutation((body: ExpectationMatchInput) => api.put<ExpectationMatchView>('/goals/expectation-gap/match', body));
export const useSaveExpectations = () => useGoalsMutation((body: ExpectationsInput) => api.put<ExpectationsView>('/goals/expectations/mine', body));
export const useTakeQuiz = () => useGoalsMutation((body: QuizInput) => api.post<QuizResultView>('/goals/quiz', body));
