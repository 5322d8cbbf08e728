// Who may do what with the alignment score (SPEC S6): every member reads it; leaders and admins set the weights.
import type { Actor } from '../../server/auth.js';

export const canChangeWeights = (a: Pick<Actor, 'role'>): boolean => a.role === 'leader' || a.role === 'admin';
export const CHANGE_WEIGHTS = 'Only leaders and admins change how the alignment score weighs the strategies.';
