// What the signed-in member may do with pains and evidence, mirroring src/capabilities/messaging/pains/policies.ts.
// The server decides; the UI only hides buttons that would be refused.
import { useSession } from '../shell/session.js';

export function usePainPermissions() {
  const { member } = useSession();
  const isLead = member.role === 'leader' || member.role === 'admin';
  const contributes = member.role !== 'viewer';
  return {
    memberId: member.id,
    canEditPains: contributes && (member.team === 'sales' || member.team === 'marketing' || isLead),
    canRetirePains: isLead,
    canLogEvidence: contributes && (member.team === 'sales' || isLead),
  };
}
