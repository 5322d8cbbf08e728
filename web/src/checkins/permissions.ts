// What the signed-in member may do with the weekly check-in, mirroring src/capabilities/checkins/policies.ts.
// The server decides; the UI only hides buttons that would be refused.
import { useSession } from '../shell/session.js';
import type { MeetingView } from './types.js';

export function useCheckinPermissions() {
  const { member } = useSession();
  const isLead = member.role === 'leader' || member.role === 'admin';
  const isViewer = member.role === 'viewer';
  return {
    member,
    /** Leaders and admins set up and change the series. */
    canManageSeries: isLead,
    /** Attendees (and leaders) run a meeting: attendance, notes, decisions, action items, marking it held. */
    canRun: (meeting: Pick<MeetingView, 'you'>) => meeting.you.canRun,
    /** Any contributor may add an agenda item. */
    canAddAgendaItem: !isViewer,
    /** Who added it, or a leader, removes an agenda item. */
    canRemoveAgendaItem: (addedById: string | null) => !isViewer && (isLead || addedById === member.id),
    /** The owner, attendees or a leader change an action item. */
    canUpdateActionItem: (ownerId: string, isAttendee: boolean) => !isViewer && (isLead || ownerId === member.id || isAttendee),
    isViewer,
  };
}
