// Query and mutation hooks for the pain library, sales evidence and why people buy (issue 12), over /api/v1/messaging.
// Every change refreshes every messaging query: a new entry moves its pain's figures, the report and the coverage.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { usePagedList, withParams, type QueryParams } from '../api/pages.js';
import type { EvidenceInput, EvidenceUpdateInput, EvidenceView, PainInput, PainSuggestion, PainsPageView, PainUpdateInput, PainView, WhyView } from './pain-types.js';

export const painKeys = {
  all: ['messaging'] as const,
  pains: ['messaging', 'pains'] as const,
  pain: (id: string) => ['messaging', 'pain', id] as const,
  evidence: ['messaging', 'evidence'] as const,
  why: ['messaging', 'why'] as const,
};

const id = (s: string) => encodeURIComponent(s);

function useMessagingMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: painKeys.all });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export const usePains = (params: { status: 'active' | 'retired' | 'all'; q: string }) => usePagedList<PainView, PainsPageView>(painKeys.pains, '/messaging/pains', params);
/** One pain; off for an empty id (the evidence form without a pain in its address). */
export const usePain = (painId: string) => useQuery({ queryKey: painKeys.pain(painId), queryFn: () => api.get<PainView>(`/messaging/pains/${id(painId)}`), enabled: painId !== '' });
export const useEvidence = (params: QueryParams, limit?: number) => usePagedList<EvidenceView>(painKeys.evidence, '/messaging/evidence', params, limit ? { limit } : {});
export const useWhy = (params: { from?: string; to?: string; segment?: string }) =>
  useQuery({ queryKey: [...painKeys.why, params], queryFn: () => api.get<WhyView>(withParams('/messaging/why', params)), placeholderData: keepPreviousData });

/** The pains that best match what the rep has typed so far (the analyzer's index); off while the text is short. */
export const usePainSuggestions = (text: string) =>
  useQuery({
    queryKey: ['messaging', 'suggest', text],
    queryFn: () => api.post<{ matches: PainSuggestion[] }>('/messaging/pains/suggest', { text, limit: 5 }),
    enabled: text.trim().length >= 12,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const useCreatePain = () => useMessagingMutation((body: PainInput) => api.post<PainView>('/messaging/pains', body));
export const useUpdatePain = () => useMessagingMutation(({ painId, patch }: { painId: string; patch: PainUpdateInput }) => api.patch<PainView>(`/messaging/pains/${id(painId)}`, patch));
export const useRetirePain = () => useMessagingMutation(({ painId, retire }: { painId: string; retire: boolean }) => api.post<PainView>(`/messaging/pains/${id(painId)}/${retire ? 'retire' : 'reactivate'}`, {}));
export const useLogEvidence = () => useMessagingMutation((body: EvidenceInput) => api.post<EvidenceView>('/messaging/evidence', body));
export const useUpdateEvidence = () => useMessagingMutation(({ evidenceId, patch }: { evidenceId: string; patch: EvidenceUpdateInput }) => api.patch<EvidenceView>(`/messaging/evidence/${id(evidenceId)}`, patch));
export const useDeleteEvidence = () => useMessagingMutation((evidenceId: string) => api.delete<{ ok: true }>(`/messaging/evidence/${id(evidenceId)}`));
