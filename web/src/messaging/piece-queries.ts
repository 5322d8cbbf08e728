// Query and mutation hooks for marketing pieces (SPEC S3; issue 12), over /api/v1/messaging/pieces. Every piece
// mutation refreshes the pieces and the room's overview (coverage reads what published pieces matched).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { usePagedList } from '../api/pages.js';
import type { DecisionInput, PieceAnalysisView, PieceChannel, PieceCreateInput, PieceStatus, PieceSummaryView, PieceUpdateInput, PieceView, ReviewerView } from './piece-types.js';

export const pieceKeys = {
  all: ['messaging', 'pieces'] as const,
  one: (id: string) => ['messaging', 'pieces', 'one', id] as const,
  reviewers: ['messaging', 'pieces', 'reviewers'] as const,
  analysis: (text: string) => ['messaging', 'pieces', 'analysis', text] as const,
};

const id = (s: string) => encodeURIComponent(s);

function usePieceMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      // The answer is the piece as it is now: show it at once, then refresh the lists around it.
      if (result && typeof result === 'object' && 'id' in result && 'gate' in result) qc.setQueryData(pieceKeys.one((result as unknown as PieceView).id), result);
      void qc.invalidateQueries({ queryKey: ['messaging'] });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
      void qc.invalidateQueries({ queryKey: ['todos'] });
    },
  });
}

export interface PieceFilters {
  status?: PieceStatus | undefined;
  channel?: PieceChannel | undefined;
  q?: string | undefined;
  author?: string | undefined;
}

export const usePieces = (filters: PieceFilters) => usePagedList<PieceSummaryView>(pieceKeys.all, '/messaging/pieces', { ...filters }, { limit: 25 });
export const usePiece = (pieceId: string) => useQuery({ queryKey: pieceKeys.one(pieceId), queryFn: () => api.get<PieceView>(`/messaging/pieces/${id(pieceId)}`) });
export const useReviewers = () => useQuery({ queryKey: pieceKeys.reviewers, queryFn: () => api.get<{ items: ReviewerView[]; nextCursor: string | null }>('/messaging/pieces/reviewers?limit=200') });

/** The analysis of the text as typed (the caller debounces it); the last answer stays on screen while the next is read. */
export const useLiveAnalysis = (text: string, enabled: boolean) =>
  useQuery({
    queryKey: pieceKeys.analysis(text),
    // The text travels with its answer: the highlights' offsets are offsets into this text, not the one typed since.
    queryFn: async () => ({ text, analysis: await api.post<PieceAnalysisView>('/messaging/pieces/analysis', { text }) }),
    enabled: enabled && text.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });

export const useCreatePiece = () => usePieceMutation((body: PieceCreateInput) => api.post<PieceView>('/messaging/pieces', body));
export const useUpdatePiece = (pieceId: string) => usePieceMutation((patch: PieceUpdateInput) => api.patch<PieceView>(`/messaging/pieces/${id(pieceId)}`, patch));
export const useRequestReview = (pieceId: string) => usePieceMutation((body: { reviewerIds: string[] }) => api.post<PieceView>(`/messaging/pieces/${id(pieceId)}/review-requests`, body));
export const useDecide = (pieceId: string) => usePieceMutation((body: DecisionInput) => api.post<PieceView>(`/messaging/pieces/${id(pieceId)}/decisions`, body));
export const useComment = (pieceId: string) => usePieceMutation((body: { version: number; sentenceIndex: number | null; body: string }) => api.post(`/messaging/pieces/${id(pieceId)}/comments`, body));
export const usePublish = (pieceId: string) => usePieceMutation((body: { version: number; overrideReason?: string }) => api.post<PieceView>(`/messaging/pieces/${id(pieceId)}/publish`, body));
export const useArchivePiece = (pieceId: string) => usePieceMutation(() => api.post<PieceView>(`/messaging/pieces/${id(pieceId)}/archive`));
