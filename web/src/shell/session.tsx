// The signed-in session for pages inside the app shell: always a person, a workspace and their membership.
import { createContext, useContext } from 'react';
import type { MemberView, MeView, WorkspaceView } from '../api/types.js';

export interface Session {
  me: MeView;
  workspace: WorkspaceView;
  member: MemberView;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession is used outside the signed-in app');
  return s;
}

/** What the signed-in member may do, mirroring src/capabilities/workspaces/policies.ts (the server decides; the UI only hides dead buttons). */
export function usePermissions() {
  const { member } = useSession();
  return {
    isAdmin: member.role === 'admin',
    canReadAudit: member.role === 'admin' || member.role === 'leader',
    canContribute: member.role !== 'viewer',
  };
}
