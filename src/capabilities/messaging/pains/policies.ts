// Who may do what with pains and evidence (SPEC S3, issue 12; docs/decisions/040-pains-and-evidence.md):
// - pains: sales and marketing members (and leaders, admins) create and edit them; leaders and admins retire
//   and reactivate; viewers read.
// - evidence: sales members log it (admins and leaders too); its author, leaders and admins change or delete it.
import type { Actor } from '../../../server/auth.js';

type Who = Pick<Actor, 'role' | 'team'>;

const isLead = (a: Who): boolean => a.role === 'leader' || a.role === 'admin';

export const canEditPains = (a: Who): boolean => a.role !== 'viewer' && (a.team === 'sales' || a.team === 'marketing' || isLead(a));
export const canRetirePains = (a: Who): boolean => isLead(a);
export const canLogEvidence = (a: Who): boolean => a.role !== 'viewer' && (a.team === 'sales' || isLead(a));
export const canChangeEvidence = (a: Who & { memberId: string }, authorId: string | null): boolean =>
  a.role !== 'viewer' && (isLead(a) || (authorId !== null && authorId === a.memberId));

export const EDIT_PAINS = 'Sales and marketing members, leaders and admins create and edit pains; viewers read them.';
export const RETIRE_PAINS = 'Only leaders and admins retire or reactivate a pain.';
export const LOG_EVIDENCE = 'Sales members, leaders and admins log evidence; others read it.';
export const CHANGE_EVIDENCE = 'Only the person who logged this evidence, leaders and admins change or delete it.';
