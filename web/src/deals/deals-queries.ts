// Query and mutation hooks of the Deals view (SPEC S7), over /api/v1/deals.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { Page, PagedList, QueryParams } from '../api/pages.js';
import type { DealDetailView, DealFacetsView, DealFilterState, DealSettingsChangedView, DealSettingsView, DealSourcesView, DealSummaryView, DealView } from './deals-types.js';

export const dealKeys = {
  all: ['deals'] as const,
  list: ['deals', 'list'] as const,
  one: (id: string) => ['deals', 'one', id] as const,
  facets: ['deals', 'facets'] as const,
  summary: ['deals', 'summary'] as const,
  settings: ['deals', 'settings'] as const,
  sources: ['deals', 'sources'] as const,
};

const cents = (dollars: number | null) => (dollars === null ? undefined : Math.round(dollars * 100));

/** The filters as GET /deals and /deals.csv take them; a stage list is sent as the parameter repeated. */
export function dealParams(f: DealFilterState): { params: QueryParams; stages: string[] } {
  return {
    params: {
      q: f.q.trim().slice(0, 100) || undefined,
      owner: f.owner ?? undefined,
      source: f.source ?? undefined,
      status: f.status ?? undefined,
      marketingSourced: f.marketingSourced ?? undefined,
      closedIn: f.closedIn ?? undefined,
      amountMin: cents(f.amountMin),
      amountMax: cents(f.amountMax),
    },
    stages: f.stage,
  };
}

/** `?a=1&stage=x&stage=y`: the query string of the filters, empty values left out. */
export function dealQueryString(f: DealFilterState): string {
  const { params, stages } = dealParams(f);
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  for (const s of stages) q.append('stage', s);
  return q.toString();
}

/**
 * The filtered list a page at a time. Like usePagedList, but its query string repeats `stage` for several stages,
 * which a params object cannot say.
 */
export function useDeals(f: DealFilterState): PagedList<DealView> {
  const query = dealQueryString(f);
  const list = useInfiniteQuery({
    queryKey: [...dealKeys.list, query],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<Page<DealView>>(`/deals?${[query, 'limit=50', pageParam ? `cursor=${encodeURIComponent(pageParam)}` : ''].filter(Boolean).join('&')}`),
    getNextPageParam: (last) => last.nextCursor,
    // A new search keeps the old rows on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  return {
    items,
    first: list.data?.pages[0],
    isPending: list.isPending,
    isError: list.isError,
    error: list.error,
    hasMore: list.hasNextPage,
    loadMore: () => void list.fetchNextPage(),
    isLoadingMore: list.isFetchingNextPage,
  };
}

export const useDeal = (id: string | null) => useQuery({ queryKey: dealKeys.one(id ?? ''), queryFn: () => api.get<DealDetailView>(`/deals/${encodeURIComponent(id ?? '')}`), enabled: id !== null });
export const useDealFacets = () => useQuery({ queryKey: dealKeys.facets, queryFn: () => api.get<DealFacetsView>('/deals/facets') });
export const useDealSummary = () => useQuery({ queryKey: dealKeys.summary, queryFn: () => api.get<DealSummaryView>('/deals/summary') });
export const useDealSettings = () => useQuery({ queryKey: dealKeys.settings, queryFn: () => api.get<DealSettingsView>('/deals/settings') });
export const useDealSources = (enabled: boolean) => useQuery({ queryKey: dealKeys.sources, queryFn: () => api.get<DealSourcesView>('/deals/sources'), enabled });

/** Changing the rule moves every deal's flag and the KPIs computed from deals: every deals and goals query refreshes. */
export function useSaveMarketingRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (marketingSources: string[]) => api.put<DealSettingsChangedView>('/deals/settings', { marketingSources }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: dealKeys.all });
      void qc.invalidateQueries({ queryKey: ['goals'] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
