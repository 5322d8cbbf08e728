// Who may edit and publish a team's goals (SPEC S0, S1; decision 028), as pure predicates.
import { describe, expect, it } from 'vitest';
import { canEditTeamGoals, canPublishTeamGoals, leadsTeam, onBehalfOf } from '../../../src/capabilities/goals/policies.js';

type Role = 'admin' | 'leader' | 'member' | 'viewer';
type Team = 'sales' | 'marketing' | 'leadership';
const who = (role: Role, team: Team) => ({ role, team });

describe('goals policies', () => {
  it("edits: the team's leads, admins of any team and leadership leaders; never members, viewers or the other team's leader", () => {
    const rows: Array<[Role, Team, boolean]> = [
      ['leader', 'sales', true],
      ['admin', 'sales', true],
      ['admin', 'marketing', true],
      ['admin', 'leadership', true],
      ['leader', 'leadership', true],
      ['leader', 'marketing', false],
      ['member', 'sales', false],
      ['member', 'leadership', false],
      ['viewer', 'leadership', false],
    ];
    for (const [role, team, may] of rows) expect(canEditTeamGoals(who(role, team), 'sales'), `${role} of ${team}`).toBe(may);
  });

  it('publishes: the leads always; someone acting for the team only while it has no lead', () => {
    expect(canPublishTeamGoals(who('leader', 'sales'), 'sales', true)).toBe(true);
    expect(canPublishTeamGoals(who('admin', 'leadership'), 'sales', false)).toBe(true);
    expect(canPublishTeamGoals(who('admin', 'leadership'), 'sales', true)).toBe(false);
    expect(canPublishTeamGoals(who('leader', 'leadership'), 'sales', true)).toBe(false);
    expect(canPublishTeamGoals(who('leader', 'marketing'), 'sales', false)).toBe(false);
    expect(canPublishTeamGoals(who('member', 'leadership'), 'sales', false)).toBe(false);
  });

  it('records "on behalf" exactly when the actor does not lead the team', () => {
    expect(onBehalfOf(who('admin', 'sales'), 'sales')).toBeNull();
    expect(onBehalfOf(who('admin', 'marketing'), 'sales')).toBe('sales');
    expect(onBehalfOf(who('leader', 'leadership'), 'marketing')).toBe('marketing');
    expect(leadsTeam(who('member', 'sales'), 'sales')).toBe(false);
  });
});
