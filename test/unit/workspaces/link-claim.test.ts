import { describe, expect, it } from 'vitest';
import { linkClaim } from '../../../src/capabilities/workspaces/domain/link-claim.js';

describe('linkClaim', () => {
  it('a link creates the account when no account has the email', () => {
    expect(linkClaim(undefined, 'ws-b')).toBe('create-account');
  });
  it("only the workspace that added a person without a password sets their first one", () => {
    expect(linkClaim({ hasPassword: false, setupWorkspaceId: 'ws-a' }, 'ws-a')).toBe('set-first-password');
    expect(linkClaim({ hasPassword: false, setupWorkspaceId: 'ws-a' }, 'ws-b')).toBe('sign-in-first');
    expect(linkClaim({ hasPassword: false, setupWorkspaceId: null }, 'ws-b')).toBe('sign-in-first');
  });
  it('no link sets the password of an account that has one, not even its first workspace', () => {
    expect(linkClaim({ hasPassword: true, setupWorkspaceId: 'ws-a' }, 'ws-a')).toBe('sign-in-first');
    expect(linkClaim({ hasPassword: true, setupWorkspaceId: null }, 'ws-b')).toBe('sign-in-first');
  });
});
