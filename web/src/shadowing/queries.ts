// Query and mutation hooks for the Shadowing room (SPEC S4; issue 15), over /api/v1/shadowing. A change to one program
// (generate, swap, a pair's pin or date, a reflection, a participant) reads that program and the programs list again,
// since progress, the calendar and the history all follow from it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { AffinityInput, AffinityView, PairView, ParticipantInput, ParticipantView, ProgramsView, ProgramView, ReflectionInput } from './types.js';

export const shadowKeys = {
  all: ['shadowing'] as const,
  programs: ['shadowing', 'programs'] as const,
  program: (id: string) => ['shadowing', 'program', id] as const,
  affinity: ['shadowing', 'affinity'] as const,
};

const enc = encodeURIComponent;

export const usePrograms = () => useQuery({ queryKey: shadowKeys.programs, queryFn: () => api.get<ProgramsView>('/shadowing/programs') });
export const useProgram = (id: string | null) =>
  useQuery({ queryKey: shadowKeys.program(id ?? ''), queryFn: () => api.get<ProgramView>(`/shadowing/programs/${enc(id ?? '')}`), enabled: Boolean(id) });
export const useAffinity = (enabled = true) => useQuery({ queryKey: shadowKeys.affinity, queryFn: () => api.get<AffinityView>('/shadowing/affinity'), enabled });

const isProgram = (data: unknown): data is ProgramView => typeof data === 'object' && data !== null && 'participantsList' in data;

/** Any change in the room: what the server answered is shown at once where it is a program, and the room is read again. */
function useShadowChange<V, R>(call: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (data) => {
      if (isProgram(data)) qc.setQueryData(shadowKeys.program(data.id), data);
      void qc.invalidateQueries({ queryKey: shadowKeys.all });
    },
  });
}

export const useOpenProgram = () => useShadowChange((quarter: string) => api.post<ProgramView>('/shadowing/programs', { quarter }));
export const useGenerate = (programId: string) => useShadowChange(() => api.post<ProgramView>(`/shadowing/programs/${enc(programId)}/generate`, {}));
export const useSwap = (programId: string) => useShadowChange((pairIds: [string, string]) => api.post<ProgramView>(`/shadowing/programs/${enc(programId)}/swap`, { pairIds }));
export const usePin = () => useShadowChange(({ pairId, pinned }: { pairId: string; pinned: boolean }) => api.post<PairView>(`/shadowing/pairs/${enc(pairId)}/pin`, { pinned }));
export const useProposeDate = () => useShadowChange(({ pairId, date }: { pairId: string; date: string }) => api.post<PairView>(`/shadowing/pairs/${enc(pairId)}/propose-date`, { date }));
export const useAnswerProposal = () =>
  useShadowChange(({ pairId, accept }: { pairId: string; accept: boolean }) => api.post<PairView>(`/shadowing/pairs/${enc(pairId)}/${accept ? 'accept-date' : 'decline-date'}`, {}));
export const useWriteReflection = () => useShadowChange(({ pairId, body }: { pairId: string; body: ReflectionInput }) => api.put<PairView>(`/shadowing/pairs/${enc(pairId)}/reflection`, body));
export const useUpdateParticipant = (programId: string) =>
  useShadowChange(({ memberId, patch }: { memberId: string; patch: ParticipantInput }) =>
    api.patch<ParticipantView>(`/shadowing/programs/${enc(programId)}/participants/${enc(memberId)}`, patch),
  );
export const useSaveAffinity = () => useShadowChange((body: AffinityInput) => api.put<AffinityView>('/shadowing/affinity', body));
