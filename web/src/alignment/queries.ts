// Query hooks of the leader's dashboard (issue 14): the alignment score (GET /alignment) and its weights, and the other
// rooms' reads the dashboard shows beside it — the next check-in with its agenda, and this quarter's shadow programme.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.js';
import { checkinKeys, useUpcomingMeetings } from '../checkins/queries.js';
import type { MeetingView } from '../checkins/types.js';
import type { AlignmentView, ShadowProgramsView, ShadowProgramView, Weights } from './types.js';

export const alignmentKeys = {
  all: ['alignment'] as const,
  view: ['alignment', 'view'] as const,
  shadowing: ['alignment', 'shadowing'] as const,
};

export const useAlignment = () => useQuery({ queryKey: alignmentKeys.view, queryFn: () => api.get<AlignmentView>('/alignment') });

/** Saves the weights; the answer is the score recomputed with them. */
export function useSaveWeights() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (weights: Weights) => api.put<AlignmentView>('/alignment/weights', weights),
    onSuccess: (view) => qc.setQueryData(alignmentKeys.view, view),
  });
}

/**
 * This quarter's shadow programme with its progress, or null when there is none. A workspace whose shadowing room is
 * not open yet answers 404: that is "no programme", said so on the card, not an error.
 */
export function useCurrentShadowProgram() {
  return useQuery({
    queryKey: alignmentKeys.shadowing,
    queryFn: async (): Promise<{ quarterLabel: string | null; program: ShadowProgramView | null }> => {
      try {
        const list = await api.get<ShadowProgramsView>('/shadowing/programs');
        if (!list.currentProgram) return { quarterLabel: list.current.label, program: null };
        const program = await api.get<ShadowProgramView>(`/shadowing/programs/${encodeURIComponent(list.currentProgram.id)}`);
        return { quarterLabel: list.current.label, program };
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return { quarterLabel: null, program: null };
        throw err;
      }
    },
  });
}

/** The check-in to prepare for (or the one happening now) and its meeting, agenda included. */
export function useNextCheckin() {
  const upcoming = useUpcomingMeetings();
  const next = upcoming.data?.items.find((m) => m.state === 'in_progress') ?? upcoming.data?.items.find((m) => m.state === 'upcoming') ?? null;
  const id = next?.id ?? '';
  // The check-ins room's own key for a meeting: its mutations refresh this card too.
  const meeting = useQuery({ queryKey: checkinKeys.meeting(id), queryFn: () => api.get<MeetingView>(`/checkins/meetings/${encodeURIComponent(id)}`), enabled: id !== '' });
  return { upcoming, next, meeting };
}
