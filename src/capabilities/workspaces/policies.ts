// Who may do what in workspaces, people and access (SPEC S0), as pure predicates over the actor.
import type { Actor, Role, Team } from '../../server/auth.js';

type Who = Pick<Actor, 'role' | 'team'>;

export const canManageWorkspace = (a: Who): boolean => a.role === 'admin';
export const canManageMembers = (a: Who): boolean => a.role === 'admin';
/** SPEC S0: keyPlayer means "attends the weekly check-in", which leaders run: they may set that flag alone (decision 027). */
export const canMarkKeyPlayers = (a: Who): boolean => a.role === 'admin' || a.role === 'leader';
export const canManageIntegrations = (a: Who): boolean => a.role === 'admin';
export const canReadAudit = (a: Who): boolean => a.role === 'admin' || a.role === 'leader';
/** Anyone but a viewer may change things in the product's rooms (capabilities add narrower rules). */
export const canContribute = (a: Who): boolean => a.role !== 'viewer';
/** A team's lead: a leader or admin on that team (SPEC S0: edits and publishes the team's KPIs). */
export const isLeadOf = (a: Who, team: Team): boolean => a.team === team && (a.role === 'leader' || a.role === 'admin');
export const isLeaderRole = (role: Role): boolean => role === 'leader' || role === 'admin';
