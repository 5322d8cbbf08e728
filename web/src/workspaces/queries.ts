// Query and mutation hooks for workspaces, people and access (SPEC S0), over /api/v1.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../api/client.js';
import { useFirstPage, usePagedList, type QueryParams } from '../api/pages.js';
import type {
  AcceptInviteInput,
  AddMemberInput,
  AddMemberView,
  ApiTokenView,
  AuditEntryView,
  CreatedApiTokenView,
  CreatedInviteView,
  InviteInput,
  InvitePreview,
  InviteView,
  MembersPageView,
  MemberSummaryView,
  MemberUpdateInput,
  MemberView,
  MeView,
  NotificationsView,
  NotificationView,
  SignUpInput,
  WorkspaceSettingsInput,
  WorkspaceView,
} from '../api/types.js';

export const keys = {
  me: ['me'] as const,
  workspace: ['workspace'] as const,
  members: ['members'] as const,
  invites: ['invites'] as const,
  tokens: ['tokens'] as const,
  audit: ['audit'] as const,
  notifications: ['notifications'] as const,
  invitePreview: (token: string) => ['invite-preview', token] as const,
};

/** The signed-in person, or null when signed out (401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<MeView | null> => {
      try {
        return await api.get<MeView>('/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** A new session or workspace: forget everything cached for the old one, keep the new MeView. */
export function startFresh(qc: QueryClient, me: MeView | null): void {
  // An invite preview stays: the invite page is still showing it, and the used invite would now answer 404.
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'invite-preview' });
  qc.setQueryData(keys.me, me);
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<MeView>('/auth/signin', body),
    onSuccess: (me) => startFresh(qc, me),
  });
}

export function useSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SignUpInput) => api.post<MeView>('/auth/signup', body),
    onSuccess: (me) => startFresh(qc, me),
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/signout'),
    meta: { endsSession: true },
    onSettled: () => {
      qc.clear();
      qc.setQueryData(keys.me, null);
    },
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name?: string; timeZone?: string }) => api.patch<MeView>('/me', body),
    onSuccess: (me) => {
      qc.setQueryData(keys.me, me);
      void qc.invalidateQueries({ queryKey: keys.members });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<{ ok: true }>('/me/password', body),
  });
}

export function useSwitchWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) => api.post<MeView>('/me/workspace', { workspaceId }),
    onSuccess: (me) => startFresh(qc, me),
  });
}

export function useAnswerInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, answer }: { id: string; answer: 'accept' | 'decline' }) => api.post<MeView>(`/me/invitations/${encodeURIComponent(id)}/${answer}`),
    onSuccess: (me, { answer }) => {
      if (answer === 'accept') startFresh(qc, me);
      else qc.setQueryData(keys.me, me);
    },
  });
}

export function useCreateWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; timeZone?: string }) => api.post<MeView>('/workspaces', body),
    onSuccess: (me) => startFresh(qc, me),
  });
}

export function useWorkspace() {
  return useQuery({ queryKey: keys.workspace, queryFn: () => api.get<WorkspaceView>('/workspace') });
}

export function useUpdateWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkspaceSettingsInput) => api.patch<WorkspaceView>('/workspace', body),
    onSuccess: (ws) => {
      qc.setQueryData(keys.workspace, ws);
      void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

/** What the members list filters by (the server's MembersQuery). */
export interface MemberFilter extends QueryParams {
  q?: string;
  team?: string;
  role?: string;
  status?: 'invited' | 'active' | 'inactive';
  active?: 'true' | 'false';
  keyPlayer?: 'true' | 'false';
}

/** The members list a person browses: a page at a time, searched and filtered on the server. */
export function useMembersList(filter: MemberFilter) {
  return usePagedList<MemberView, MembersPageView>(keys.members, '/members', filter);
}

/** The first members matching a search, for a picker: the person types to narrow it down. */
export function useMemberSearch(filter: MemberFilter, limit = 20, enabled = true) {
  return useFirstPage<MemberView, MembersPageView>(keys.members, '/members', { ...filter, limit }, { enabled });
}

/** People by status and, per team, members, key players and leads (the dashboard's cards). */
export function useMemberSummary() {
  return useQuery({ queryKey: [...keys.members, 'summary'], queryFn: () => api.get<MemberSummaryView>('/members/summary') });
}

export function useAddMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberInput) => api.post<AddMemberView>('/members', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.members });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

export function useUpdateMember() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: MemberUpdateInput }) => api.patch<MemberView>(`/members/${encodeURIComponent(id)}`, patch),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.members });
      void qc.invalidateQueries({ queryKey: keys.me });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

export function useInvites(enabled: boolean) {
  return usePagedList<InviteView>(keys.invites, '/invites', {}, { enabled });
}

export function useCreateInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteInput) => api.post<CreatedInviteView>('/invites', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.invites }),
  });
}

export function useRevokeInvite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/invites/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.invites });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: keys.invitePreview(token),
    queryFn: () => api.get<InvitePreview>(`/invites/preview/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAcceptInvite(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInviteInput) => api.post<MeView>(`/invites/accept/${encodeURIComponent(token)}`, body),
    onSuccess: (me) => startFresh(qc, me),
  });
}

export function useTokens(enabled: boolean) {
  return usePagedList<ApiTokenView>(keys.tokens, '/tokens', {}, { enabled });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => api.post<CreatedApiTokenView>('/tokens', body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: keys.tokens });
      void qc.invalidateQueries({ queryKey: keys.audit });
    },
  });
}

/** The audit log, newest first, a page at a time. */
/** The audit log's filters (GET /audit): a person, a kind of thing, and instants from (inclusive) and to. */
export type AuditFilter = Partial<Record<'memberId' | 'entityType' | 'from' | 'to', string>>;

export function useAuditLog(filter: AuditFilter) {
  return usePagedList<AuditEntryView>(keys.audit, '/audit', filter);
}

/** The kinds of thing the log holds, in words, for its filter. */
export function useAuditKinds() {
  return useQuery({ queryKey: [...keys.audit, 'kinds'], queryFn: () => api.get<{ kinds: Array<{ entityType: string; kind: string }> }>('/audit/kinds') });
}

/** Your notifications, newest first (20 a page), with the unread count; refreshed every minute. */
export function useNotifications(enabled: boolean) {
  return usePagedList<NotificationView, NotificationsView>(keys.notifications, '/notifications', {}, { enabled, limit: 20, refetchInterval: 60_000 });
}

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/notifications/${encodeURIComponent(id)}/read`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.notifications }),
  });
}

export function useMarkAllNotificationsRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/notifications/read-all'),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.notifications }),
  });
}
