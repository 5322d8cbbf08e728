// Lists from the API come a page at a time: `{ items, nextCursor }`, continued with ?cursor=
// (docs/decisions/023-pagination.md). usePagedList keeps the pages a person has loaded and offers the next one.
import { keepPreviousData, useInfiniteQuery, useQuery, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client.js';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** `path?a=1&b=2`, leaving out empty values. */
export function withParams(path: string, params: QueryParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export interface PagedList<T, P extends Page<T> = Page<T>> {
  /** Every item of the pages loaded so far, in the list's order. */
  items: T[];
  /** The first page (for what it says about the whole list: a total, an unread count). */
  first: P | undefined;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  isLoadingMore: boolean;
}

export interface PagedListOptions {
  limit?: number;
  enabled?: boolean;
  refetchInterval?: number;
}

/** A list a person browses: its first page, and the next ones on "Load more". */
export function usePagedList<T, P extends Page<T> = Page<T>>(key: QueryKey, path: string, params: QueryParams = {}, options: PagedListOptions = {}): PagedList<T, P> {
  const { limit, enabled = true, refetchInterval } = options;
  const query = useInfiniteQuery({
    queryKey: [...key, params, limit ?? null],
    enabled,
    ...(refetchInterval ? { refetchInterval } : {}),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => api.get<P>(withParams(path, { ...params, limit, cursor: pageParam })),
    getNextPageParam: (last) => last.nextCursor,
    // A new search keeps the old results on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return {
    items,
    first: query.data?.pages[0],
    isPending: query.isPending,
    isError: query.isError,
    error: query.error,
    hasMore: query.hasNextPage,
    loadMore: () => void query.fetchNextPage(),
    isLoadingMore: query.isFetchingNextPage,
  };
}

/** One page of a list, for pickers that search (the person narrows it with q instead of paging). */
export function useFirstPage<T, P extends Page<T> = Page<T>>(key: QueryKey, path: string, params: QueryParams, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...key, 'first-page', params],
    queryFn: () => api.get<P>(withParams(path, params)),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
