// Query and mutation hooks for the weekly check-in (SPEC S2), over /api/v1/checkins.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { usePagedList } from '../api/pages.js';
import type {
  ActionItemInput,
  ActionItemUpdateInput,
  ActionItemView,
  ComplianceView,
  FeedView,
  MaybeSeriesView,
  MeetingSummaryView,
  MeetingsView,
  MeetingView,
  SeriesInput,
} from './types.js';

export const checkinKeys = {
  all: ['checkins'] as const,
  series: ['checkins', 'series'] as const,
  meetings: ['checkins', 'meetings'] as const,
  meeting: (id: string) => ['checkins', 'meeting', id] as const,
  myActionItems: ['checkins', 'action-items', 'me', 'open'] as const,
  compliance: ['checkins', 'compliance'] as const,
  feed: ['checkins', 'feed'] as const,
};

const enc = encodeURIComponent;

export function useSeries() {
  return useQuery({ queryKey: checkinKeys.series, queryFn: () => api.get<MaybeSeriesView>('/checkins/series') });
}

/** The next four meetings, soonest first. */
export function useUpcomingMeetings(enabled = true) {
  return useQuery({ queryKey: [...checkinKeys.meetings, 'upcoming'], queryFn: () => api.get<MeetingsView>('/checkins/meetings?when=upcoming&limit=4'), enabled });
}

/** The meetings that have started, most recent first: twelve, and twelve more on "Load more". */
export function usePastMeetings(enabled = true) {
  return usePagedList<MeetingSummaryView>(checkinKeys.meetings, '/checkins/meetings', { when: 'past' }, { limit: 12, enabled });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: checkinKeys.meeting(id), queryFn: () => api.get<MeetingView>(`/checkins/meetings/${enc(id)}`) });
}

export function useCompliance(enabled = true) {
  return useQuery({ queryKey: checkinKeys.compliance, queryFn: () => api.get<ComplianceView>('/checkins/compliance'), enabled });
}

/** Your open action items, soonest due first, a page at a time. */
export function useMyActionItems() {
  return usePagedList<ActionItemView>(checkinKeys.myActionItems, '/checkins/action-items', { owner: 'me', status: 'open' });
}

export function useFeed() {
  return useQuery({ queryKey: checkinKeys.feed, queryFn: () => api.get<FeedView>('/checkins/feed') });
}

/** A check-in change can move the series, the meetings list, compliance and every agenda: refresh them all. */
const refreshAll = (qc: QueryClient) => qc.invalidateQueries({ queryKey: checkinKeys.all });

export function useSaveSeries() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SeriesInput) => api.put<MaybeSeriesView>('/checkins/series', body),
    onSuccess: (view) => {
      qc.setQueryData(checkinKeys.series, view);
      void refreshAll(qc);
    },
  });
}

/** Every meeting mutation answers with the fresh MeetingView: put it in the cache, and refresh the lists around it. */
function useMeetingMutation<V>(id: string, call: (vars: V) => Promise<MeetingView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (view) => {
      qc.setQueryData(checkinKeys.meeting(id), view);
      void qc.invalidateQueries({ queryKey: checkinKeys.meetings });
      void qc.invalidateQueries({ queryKey: checkinKeys.compliance });
    },
  });
}

export const useSaveNotes = (id: string) => useMeetingMutation(id, (notes: string) => api.patch<MeetingView>(`/checkins/meetings/${enc(id)}`, { notes }));
export const useSaveAttendance = (id: string) =>
  useMeetingMutation(id, (present: string[]) => api.put<MeetingView>(`/checkins/meetings/${enc(id)}/attendance`, { present }));
export const useMarkHeld = (id: string) => useMeetingMutation(id, () => api.post<MeetingView>(`/checkins/meetings/${enc(id)}/held`));
export const useAddAgendaItem = (id: string) =>
  useMeetingMutation(id, (body: { title: string; note: string }) => api.post<MeetingView>(`/checkins/meetings/${enc(id)}/agenda-items`, body));
export const useAddDecision = (id: string) => useMeetingMutation(id, (text: string) => api.post<MeetingView>(`/checkins/meetings/${enc(id)}/decisions`, { text }));

/** Deletes answer `{ ok }`: refetch the meeting they belonged to. */
function useMeetingDelete(meetingId: string, path: (itemId: string) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => api.delete<{ ok: true }>(path(itemId)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkinKeys.meeting(meetingId) }),
  });
}

export const useRemoveAgendaItem = (meetingId: string) => useMeetingDelete(meetingId, (id) => `/checkins/agenda-items/${enc(id)}`);
export const useRemoveDecision = (meetingId: string) => useMeetingDelete(meetingId, (id) => `/checkins/decisions/${enc(id)}`);

export function useAddActionItem(meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionItemInput) => api.post<ActionItemView>(`/checkins/meetings/${enc(meetingId)}/action-items`, body),
    onSuccess: () => void refreshAll(qc),
  });
}

export function useUpdateActionItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ActionItemUpdateInput }) => api.patch<ActionItemView>(`/checkins/action-items/${enc(id)}`, patch),
    onSuccess: () => void refreshAll(qc),
  });
}

export function useCreateFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<FeedView>('/checkins/feed'),
    // The answer carries the URL once; the cached status must not keep it.
    onSuccess: (view) => qc.setQueryData(checkinKeys.feed, { ...view, url: null }),
  });
}

export function useRevokeFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>('/checkins/feed'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: checkinKeys.feed }),
  });
}
