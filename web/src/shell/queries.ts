// Query hooks for the kernel's cross-room routes: what the signed-in member owes every room.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../api/client.js';
import type { TodosView } from '../../../src/server/contract-routes.js';

export type MyTodos = z.infer<typeof TodosView>;
export type MyTodo = MyTodos['todos'][number];

export const shellKeys = { myTodos: ['me', 'todos'] as const };

export function useMyTodos() {
  return useQuery({ queryKey: shellKeys.myTodos, queryFn: () => api.get<MyTodos>('/me/todos') });
}
