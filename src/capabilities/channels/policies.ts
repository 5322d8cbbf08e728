// Who may manage outbound channels (issue 13): admins only — a channel decides what leaves the workspace and where.
import type { Actor } from '../../server/auth.js';

export const canManageChannels = (a: Pick<Actor, 'role'>): boolean => a.role === 'admin';
