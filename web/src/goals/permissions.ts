// What the signed-in member may do with goals, mirroring src/capabilities/goals/policies.ts. The server decides;
// the UI only hides buttons that would be refused. Publishing depends on whether a team has a lead, so the Goals
// overview says per team what you may do (`you`); editing is decided here from the role and team alone.
import { useSession } from '../shell/session.js';
import type { GoalTeam } from './types.js';

export function useGoalsPermissions() {
  const { member } = useSession();
  const isLead = member.role === 'leader' || member.role === 'admin';
  const ownTeam: GoalTeam | null = member.team === 'sales' || member.team === 'marketing' ? member.team : null;
  return {
    member,
    /** A team's leads (its members with role leader or admin) edit and publish its KPIs. */
    leads: (team: GoalTeam) => isLead && member.team === team,
    /** Its leads, and admins and leadership leaders on the team's behalf, create and change a team's KPIs and top three. */
    canEdit: (team: GoalTeam) => (isLead && member.team === team) || member.role === 'admin' || (member.role === 'leader' && member.team === 'leadership'),
    /** Any leader or admin may add a KPI kind to the catalog. */
    canAddKind: isLead,
    /** Viewers read only: no expectations, no quiz. */
    canAnswer: member.role !== 'viewer',
    /** Chooses the KPI a team's free-text expectations mean: a member of that team, or any lead. */
    canMatch: (holderTeam: string) => member.role !== 'viewer' && (member.team === holderTeam || isLead),
    ownTeam,
    /** Sales answers about marketing and marketing about sales; leadership chooses (null). */
    otherTeam: ownTeam === 'sales' ? ('marketing' as const) : ownTeam === 'marketing' ? ('sales' as const) : null,
  };
}
