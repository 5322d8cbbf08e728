// Query hooks for the kernel's cross-room routes: what the signed-in member owes every room, and Getting started.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.js';
import type { GettingStartedView, TodosView } from '../../../src/server/contract-routes.js';

export type MyTodos = z.infer<typeof TodosView>;
export type MyTodo = MyTodos['todos'][number];

export type GettingStarted = z.infer<typeof GettingStartedView>;

export const shellKeys = { myTodos: ['me', 'todos'] as const, gettingStarted: ['me', 'getting-started'] as const };

export function useMyTodos() {
  return useQuery({ queryKey: shellKeys.myTodos, queryFn: () => api.get<MyTodos>('/me/todos') });
}

/** Getting started, read from the workspace's real state; every successful mutation reads it again (app.tsx). */
export function useGettingStarted() {
  return useQuery({ queryKey: shellKeys.gettingStarted, queryFn: () => api.get<GettingStarted>('/me/getting-started') });
}

export function useDismissGettingStarted() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<GettingStarted>('/me/getting-started/dismiss'),
    onSuccess: (view) => qc.setQueryData(shellKeys.gettingStarted, view),
  });
}
