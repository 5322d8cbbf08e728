// Who may do what with published goals (SPEC S0, S1): a team's leads edit and publish its KPIs; admins and
// leadership leaders edit them on the team's behalf, and publish on its behalf only while the team has no lead
// yet; any lead may add a catalog kind; members (not viewers) record expectations and take the quiz.
import type { Actor } from '../../server/auth.js';
import type { Team } from './domain/index.js';

type Who = Pick<Actor, 'role' | 'team'>;

/** A lead of the team: a member of it with role leader or admin. */
export const leadsTeam = (a: Who, team: Team): boolean => a.team === team && (a.role === 'leader' || a.role === 'admin');
/** Admins (of any team) and leaders of the leadership team act for either team (SPEC S0 "on a team's behalf"). */
export const actsForEitherTeam = (a: Who): boolean => a.role === 'admin' || (a.role === 'leader' && a.team === 'leadership');
/** Creates and changes the team's KPIs, values and top three: its leads, or someone acting on its behalf. */
export const canEditTeamGoals = (a: Who, team: Team): boolean => leadsTeam(a, team) || actsForEitherTeam(a);
/** Publishes the team's top three: its leads (S1); on its behalf only while the team has no lead of its own. */
export const canPublishTeamGoals = (a: Who, team: Team, teamHasLead: boolean): boolean => leadsTeam(a, team) || (!teamHasLead && actsForEitherTeam(a));
/** The team this change is made for on its behalf (to record as such), or null when the actor leads it. */
export const onBehalfOf = (a: Who, team: Team): Team | null => (leadsTeam(a, team) ? null : team);
export const canAddCatalogKind = (a: Who): boolean => a.role === 'leader' || a.role === 'admin';
export const canAnswer = (a: Who): boolean => a.role !== 'viewer';
/** Chooses the KPI a team's free-text expectations mean: a member of that team (they wrote them), or any lead. */
export const canMatchExpectations = (a: Who, holderTeam: Team): boolean => a.role !== 'viewer' && (a.team === holderTeam || a.role === 'leader' || a.role === 'admin');
