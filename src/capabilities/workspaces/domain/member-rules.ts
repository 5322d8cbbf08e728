// Rules that keep a workspace governable when members change (SPEC S0).
import type { Role } from '../../../shared/vocabulary.js';

export interface MemberState {
  id: string;
  role: Role;
  active: boolean;
  managerId: string | null;
}

/**
 * Why a change to one member is refused, or null when it is fine. `members` is the whole workspace
 * before the change; `next` is the changed member.
 */
export function memberChangeProblem(members: readonly MemberState[], next: MemberState): string | null {
  const activeAdminsAfter = members
    .map((m) => (m.id === next.id ? next : m))
    .filter((m) => m.active && m.role === 'admin').length;
  if (activeAdminsAfter === 0) return 'A workspace needs at least one active admin; make someone else admin first.';
  if (next.managerId !== null) {
    if (next.managerId === next.id) return 'A member cannot be their own manager.';
    const byId = new Map(members.map((m) => [m.id, m.id === next.id ? next : m]));
    if (!byId.has(next.managerId)) return 'The manager must be a member of this workspace.';
    // Walk up the manager line; coming back to this member would make a loop.
    const seen = new Set<string>([next.id]);
    let cursor: string | null = next.managerId;
    while (cursor !== null) {
      if (seen.has(cursor)) return 'That manager line would loop back to this member.';
      seen.add(cursor);
      cursor = byId.get(cursor)?.managerId ?? null;
    }
  }
  return null;
}
