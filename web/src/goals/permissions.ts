// What the signed-in member may do with goals, mirroring src/capabilities/goals/policies.ts.
// The server decides; the UI only hides buttons that would be refused.
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
    /** Any leader or admin may add a KPI kind to the catalog. */
    canAddKind: isLead,
    /** Viewers read only: no expectations, no quiz. */
    canAnswer: member.role !== 'viewer',
    ownTeam,
    /** Sales answers about marketing and marketing about sales; leadership chooses (null). */
    otherTeam: ownTeam === 'sales' ? ('marketing' as const) : ownTeam === 'marketing' ? ('sales' as const) : null,
  };
}
