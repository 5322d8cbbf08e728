// Who may do what with published goals (SPEC S0, S1): a team's leads edit and publish its KPIs; admins and
// leadership leaders edit them on the team's behalf, and publish on its behalf only while the team has no lead
// yet; any lead may add a catalog kind; members (not viewers) record expectations and take the quiz.
import type { Actor } from '../../server/auth.js';
import type { Team } from './domain/index.js';

type Who = Pick<Actor, 'role' | 'team'>;

export const leadsTeam = (a: Who, team: Team): boolean => a.team === team && (a.role === 'leader' || a.role === 'admin');
export const actsForEitherTeam = (a: Who): boolean => a.role === 'admin' || (a.role === 'leader' && a.team === 'leadership');
export const canEditTeamGoals = (a: Who, team: Team): boolean => leadsTeam(a, team) || actsForEitherTeam(a);
export const canPublishTeamGoals = (a: Who, team: Team, teamHasLead: boolean): boolean => leadsTeam(a, team) || (!teamHasLead && actsForEitherTeam(a));
export const onBehalfOf = (a: Who, team: Team): Team | null => (leadsTeam(a, team) ? null : team);
export const canEditTeamGoals = (a: Who, team: Team): boolean => a.team === team && (a.role === 'leader' || a.role === 'admin');
export const canAddCatalogKind = (a: Who): boolean => a.role === 'leader' || a.role === 'admin';
export const canAnswer = (a: Who): boolean => a.role !== 'viewer';
