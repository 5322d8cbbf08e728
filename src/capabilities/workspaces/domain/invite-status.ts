// An invite link is single use and expires (SPEC S0).
export type InviteStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export function inviteStatus(
  invite: { accepted_at: string | null; revoked_at: string | null; expires_at: string },
  now: Date,
): InviteStatus {
  if (invite.revoked_at) return 'revoked';
  if (invite.accepted_at) return 'accepted';
  if (Date.parse(invite.expires_at) <= now.getTime()) return 'expired';
  return 'pending';
}
