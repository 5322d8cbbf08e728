// Who may do what with the weekly check-in (SPEC S2): leaders and admins set up the series; attendees
// (and leaders) run the meeting — attendance, notes, decisions, action items; any contributor may add an
// agenda item or close their own action item; viewers read.
import type { Actor } from '../../server/auth.js';

type Who = Pick<Actor, 'role'>;

export const canManageSeries = (a: Who): boolean => a.role === 'leader' || a.role === 'admin';
export const canRunMeeting = (a: Who, isAttendee: boolean): boolean => a.role !== 'viewer' && (isAttendee || a.role === 'leader' || a.role === 'admin');
export const canAddAgendaItem = (a: Who): boolean => a.role !== 'viewer';
export const canUpdateActionItem = (a: Who & { memberId: string }, ownerId: string, isAttendee: boolean): boolean =>
  a.role !== 'viewer' && (a.memberId === ownerId || isAttendee || a.role === 'leader' || a.role === 'admin');
