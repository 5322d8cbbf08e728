import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../src/capabilities/workspaces/domain/password-strength.js';

describe('passwordProblem', () => {
  it.for(['1234567890', 'aaaaaaaaaa', 'password12', 'qwertyuiop', 'iloveyou12', 'abcdefghij'])('refuses %j with a reason', (pw) => {
    expect(passwordProblem(pw)).toMatch(/^This password is too easy to guess: .+\. Use a longer one/);
  });
  it('refuses only spaces', () => {
    expect(passwordProblem('          ')).toBe('The password cannot be only spaces.');
  });
  it.for(['correct-horse-battery', 'velvet orbit cactus lantern', 'Tr0ub4dor&3x-plus'])('accepts %j', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });
  it("refuses a password made of the person's own words, however it is written", () => {
    const personal = ['jordan@blackwood.example', 'Jordan Blackwood', 'Blackwood Analytics'];
    for (const pw of ['Jordan Blackwood', 'blackwood-analytics', 'JordanBlackwood!', 'jordan.blackwood1']) expect(passwordProblem(pw, personal)).toMatch(/your name, email or company/);
    expect(passwordProblem('velvet orbit cactus lantern', personal)).toBeNull();
  });
  it('refuses the product name as a password', () => {
    expect(passwordProblem('lockstep123')).not.toBeNull();
  });
});
