// Who may set a credential through an invite link (issue #7, SPEC S0; docs/SECURITY.md).
// A link sets a password only for a person with no account yet, or for a person that this link's workspace
// added before they had a password (their first workspace). Every other link only adds a membership, and
// only for the person signed in as themselves.

export interface LinkAccount {
  hasPassword: boolean;
  /** The workspace whose admin added the person before they had a password. */
  setupWorkspaceId: string | null;
}

export type LinkClaim =
  /** No account has this email: the link creates it with the password given. */
  | 'create-account'
  /** The link's workspace added this person and they have no password yet: the link sets their first one. */
  | 'set-first-password'
  /** The account exists: sign in as that person, then accept. */
  | 'sign-in-first';

export function linkClaim(account: LinkAccount | undefined, linkWorkspaceId: string): LinkClaim {
  if (!account) return 'create-account';
  if (!account.hasPassword && account.setupWorkspaceId === linkWorkspaceId) return 'set-first-password';
  return 'sign-in-first';
}
