// SPEC S0: a workspace keeps at least one active admin, and manager lines never loop.
import { describe, expect, it } from 'vitest';
import { memberChangeProblem, type MemberState } from '../../../src/capabilities/workspaces/domain/member-rules.js';

const m = (id: string, role: MemberState['role'] = 'member', managerId: string | null = null, active = true): MemberState => ({ id, role, active, managerId });

describe('memberChangeProblem', () => {
  const team = [m('ada', 'admin'), m('bob', 'leader', 'ada'), m('cy', 'member', 'bob'), m('di', 'viewer', 'bob')];

  it('accepts an ordinary change', () => {
    expect(memberChangeProblem(team, { ...m('cy', 'leader', 'ada') })).toBeNull();
  });

  it('accepts clearing a manager', () => {
    expect(memberChangeProblem(team, m('bob', 'leader', null))).toBeNull();
  });

  it('refuses demoting the last admin', () => {
    expect(memberChangeProblem(team, m('ada', 'leader'))).toMatch(/at least one active admin/);
  });

  it('refuses deactivating the last admin', () => {
    expect(memberChangeProblem(team, m('ada', 'admin', null, false))).toMatch(/at least one active admin/);
  });

  it('allows demoting an admin when another active admin remains', () => {
    const two = [...team, m('eve', 'admin')];
    expect(memberChangeProblem(two, m('ada', 'member'))).toBeNull();
  });

  it('does not count an inactive admin as the remaining one', () => {
    const withInactive = [...team, m('eve', 'admin', null, false)];
    expect(memberChangeProblem(withInactive, m('ada', 'member'))).toMatch(/at least one active admin/);
  });

  it('refuses a member as their own manager', () => {
    expect(memberChangeProblem(team, m('cy', 'member', 'cy'))).toMatch(/own manager/);
  });

  it('refuses a manager who is not in the workspace', () => {
    expect(memberChangeProblem(team, m('cy', 'member', 'stranger'))).toMatch(/must be a member of this workspace/);
  });

  it('refuses a two-step loop', () => {
    // bob reports to ada; ada reporting to bob would loop.
    expect(memberChangeProblem(team, m('ada', 'admin', 'bob'))).toMatch(/loop/);
  });

  it('refuses a longer loop', () => {
    // cy → bob → ada; ada → cy closes the circle.
    expect(memberChangeProblem(team, m('ada', 'admin', 'cy'))).toMatch(/loop/);
  });

  it('stops walking at a loop that does not include the changed member', () => {
    // x and y already point at each other (bad data); z reporting to x must not hang.
    const messy = [m('ada', 'admin'), m('x', 'member', 'y'), m('y', 'member', 'x'), m('z')];
    expect(memberChangeProblem(messy, m('z', 'member', 'x'))).toMatch(/loop/);
  });
});
