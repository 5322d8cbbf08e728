// Query and mutation hooks for the Wins room (SPEC S5; issue 13), over /api/v1/wins. A change to one win (a reaction,
// "celebrated together", an edit) answers with the win as it is now: it replaces that win wherever a list or its own
// page holds it, so the feed keeps its loaded pages; posting, deleting and proposals refresh the room.
import { useMutation, useQuery, useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { usePagedList, type Page } from '../api/pages.js';
import type { ConfirmProposalInput, Emoji, ProposalView, WinCommentView, WinDetailView, WinFilters, WinInput, WinsSummaryView, WinView } from './types.js';

export const winKeys = {
  all: ['wins'] as const,
  list: ['wins', 'list'] as const,
  one: (id: string) => ['wins', 'one', id] as const,
  summary: ['wins', 'summary'] as const,
  proposals: ['wins', 'proposals'] as const,
};

const enc = (s: string) => encodeURIComponent(s);

export const NO_FILTERS: WinFilters = { team: null, kind: null, collaborative: null, q: '' };

/** The feed, newest first, with the filters the URL keeps. */
export const useWins = (filters: WinFilters, limit = 20) =>
  usePagedList<WinView>(winKeys.list, '/wins', { team: filters.team, kind: filters.kind, collaborative: filters.collaborative, q: filters.q || undefined }, { limit });

export const useWin = (id: string, enabled = true) => useQuery({ queryKey: winKeys.one(id), queryFn: () => api.get<WinDetailView>(`/wins/${enc(id)}`), enabled });
export const useWinsSummary = () => useQuery({ queryKey: winKeys.summary, queryFn: () => api.get<WinsSummaryView>('/wins/summary?weeks=12') });
export const useProposals = (enabled = true) => usePagedList<ProposalView>(winKeys.proposals, '/wins/proposals', {}, { limit: 10, enabled });

/** Puts the win as the server answered it into every list and into its own page (keeping that page's comments). */
function replaceWin(qc: QueryClient, win: WinView): void {
  qc.setQueriesData<InfiniteData<Page<WinView>>>({ queryKey: winKeys.list }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((w) => (w.id === win.id ? win : w)) })) } : data,
  );
  qc.setQueryData<WinDetailView>(winKeys.one(win.id), (old) => (old ? { ...win, comments: old.comments } : old));
}

/** A change that answers with one win: shown at once, and the room's counts read again. */
function useWinChange<V>(call: (vars: V) => Promise<WinView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (win) => {
      replaceWin(qc, win);
      void qc.invalidateQueries({ queryKey: winKeys.summary });
    },
  });
}

/** A change after which the feed itself may differ (a new win, one gone, a proposal settled): read the room again. */
function useRoomChange<V, R>(call: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => void qc.invalidateQueries({ queryKey: winKeys.all }),
  });
}

export const usePostWin = () => useRoomChange((body: WinInput) => api.post<WinView>('/wins', body));
export const useUpdateWin = (id: string) => useRoomChange((patch: Partial<WinInput>) => api.patch<WinView>(`/wins/${enc(id)}`, patch));
export const useDeleteWin = () => useRoomChange((id: string) => api.delete<null>(`/wins/${enc(id)}`));

export const useReact = () =>
  useWinChange(({ winId, emoji, on }: { winId: string; emoji: Emoji; on: boolean }) =>
    on ? api.put<WinView>(`/wins/${enc(winId)}/reactions/${emoji}`, {}) : api.delete<WinView>(`/wins/${enc(winId)}/reactions/${emoji}`),
  );

/** Marks a win celebrated together (in a check-in when meetingId is set), or takes the mark back. */
export const useCelebrated = () =>
  useWinChange(({ winId, on, meetingId = null }: { winId: string; on: boolean; meetingId?: string | null }) =>
    on ? api.put<WinView>(`/wins/${enc(winId)}/celebrated`, { meetingId }) : api.delete<WinView>(`/wins/${enc(winId)}/celebrated`),
  );

export function useAddComment(winId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<WinCommentView>(`/wins/${enc(winId)}/comments`, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: winKeys.all }),
  });
}

export function useDeleteComment(winId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) => api.delete<null>(`/wins/${enc(winId)}/comments/${enc(commentId)}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: winKeys.all }),
  });
}

export const useConfirmProposal = () => useRoomChange(({ id, body }: { id: string; body: ConfirmProposalInput }) => api.post<WinView>(`/wins/proposals/${enc(id)}/confirm`, body));
export const useDismissProposal = () => useRoomChange((id: string) => api.post<null>(`/wins/proposals/${enc(id)}/dismiss`));
