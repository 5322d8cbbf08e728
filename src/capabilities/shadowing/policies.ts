// Who may do what in the Shadowing room (SPEC S4, issue 15): every member reads; leaders and admins open a quarter,
// generate, pin and swap pairs and set the affinity table; a participant changes their own opt-out, capacity and
// unavailable dates (a leader or admin anyone's); the guest or host proposes another date and the other one answers;
// the guest writes the reflection.
import type { Actor } from '../../server/auth.js';

type Who = Pick<Actor, 'role' | 'memberId'>;

export const canManage = (a: Pick<Actor, 'role'>): boolean => a.role === 'leader' || a.role === 'admin';
export const canChangeParticipant = (a: Who, memberId: string): boolean => canManage(a) || (a.role !== 'viewer' && a.memberId === memberId);
export const canPropose = (a: Who, pair: { guest_id: string; host_id: string }): boolean => canManage(a) || (a.role !== 'viewer' && (a.memberId === pair.guest_id || a.memberId === pair.host_id));
/** The answer is the other person's: guest or host, but not who proposed (when a leader proposed, either of them). */
export const canAnswer = (a: Who, pair: { guest_id: string; host_id: string }, proposedBy: string | null): boolean =>
  a.role !== 'viewer' && (a.memberId === pair.guest_id || a.memberId === pair.host_id) && a.memberId !== proposedBy;
export const canReflect = (a: Who, pair: { guest_id: string }): boolean => a.role !== 'viewer' && a.memberId === pair.guest_id;

export const MANAGE = 'Only leaders and admins open a shadow quarter, generate and change pairs, and set the affinity table.';
export const CHANGE_PARTICIPANT = 'Only the member themself, or a leader or admin, changes their shadow-day settings.';
export const PROPOSE = 'Only the guest or the host of this shadow day, or a leader or admin, proposes another date.';
export const ANSWER = 'Only the other person of this shadow day answers the proposal: not the one who proposed it.';
export const REFLECT = 'Only the guest of this shadow day writes its reflection.';
