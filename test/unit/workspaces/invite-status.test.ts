// SPEC S0: invite links expire and are single use.
import { describe, expect, it } from 'vitest';
import { inviteStatus } from '../../../src/capabilities/workspaces/domain/invite-status.js';

const now = new Date('2026-11-26T12:00:00.000Z');
const invite = (over: Partial<{ accepted_at: string | null; revoked_at: string | null; expires_at: string }> = {}) => ({
  accepted_at: null,
  revoked_at: null,
  expires_at: '2026-12-03T12:00:00.000Z',
  ...over,
});

describe('inviteStatus', () => {
  it('is pending before it expires', () => {
    expect(inviteStatus(invite(), now)).toBe('pending');
  });
  it('is pending one millisecond before the expiry', () => {
    expect(inviteStatus(invite({ expires_at: '2026-11-26T12:00:00.001Z' }), now)).toBe('pending');
  });
  it('is expired at the expiry instant', () => {
    expect(inviteStatus(invite({ expires_at: now.toISOString() }), now)).toBe('expired');
  });
  it('is accepted once used, even after the expiry', () => {
    expect(inviteStatus(invite({ accepted_at: '2026-11-20T00:00:00.000Z', expires_at: '2026-11-21T00:00:00.000Z' }), now)).toBe('accepted');
  });
  it('revoked wins over everything', () => {
    expect(inviteStatus(invite({ revoked_at: '2026-11-25T00:00:00.000Z', accepted_at: '2026-11-24T00:00:00.000Z' }), now)).toBe('revoked');
    expect(inviteStatus(invite({ revoked_at: '2026-11-25T00:00:00.000Z', expires_at: '2026-11-01T00:00:00.000Z' }), now)).toBe('revoked');
  });
});
