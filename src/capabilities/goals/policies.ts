// Who may do what with published goals (SPEC S0, S1): a team's leads edit and publish its KPIs;
// any lead may add a catalog kind; members (not viewers) record expectations and take the quiz.
import type { Actor } from '../../server/auth.js';
import type { Team } from './domain/index.js';

type Who = Pick<Actor, 'role' | 'team'>;

export const canEditTeamGoals = (a: Who, team: Team): boolean => a.team === team && (a.role === 'leader' || a.role === 'admin');
export const canAddCatalogKind = (a: Who): boolean => a.role === 'leader' || a.role === 'admin';
export const canAnswer = (a: Who): boolean => a.role !== 'viewer';
