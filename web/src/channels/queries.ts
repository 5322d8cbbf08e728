// The channels room's queries: the workspace's channels, their deliveries, and the changes an admin makes.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.js';
import { usePagedList } from '../api/pages.js';
import type { ChannelCreateInput, ChannelPatchInput, ChannelView, DeliveryView, TestResultView } from './types.js';

const keys = {
  channels: ['channels'] as const,
  deliveries: ['channels', 'deliveries'] as const,
  audit: ['audit'] as const,
};

export function useChannels() {
  return useQuery({ queryKey: keys.channels, queryFn: () => api.get<{ items: ChannelView[] }>('/channels') });
}

export function useDeliveries(status: 'dead' | null) {
  return usePagedList<DeliveryView>(keys.deliveries, '/channels/deliveries', { status: status ?? undefined, limit: 20 });
}

function useRefresh() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: keys.channels });
    void qc.invalidateQueries({ queryKey: keys.audit });
  };
}

export function useCreateChannel() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ChannelCreateInput) => api.post<ChannelView>('/channels', body), onSuccess: refresh });
}

export function useUpdateChannel() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: ChannelPatchInput }) => api.patch<ChannelView>(`/channels/${encodeURIComponent(id)}`, body), onSuccess: refresh });
}

export function useDeleteChannel() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<null>(`/channels/${encodeURIComponent(id)}`), onSuccess: refresh });
}

export function useTestChannel() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post<TestResultView>(`/channels/${encodeURIComponent(id)}/test`), onSuccess: refresh });
}

export function useRetryDelivery() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post<DeliveryView>(`/channels/deliveries/${encodeURIComponent(id)}/retry`), onSuccess: refresh });
}
