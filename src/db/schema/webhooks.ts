// Inbound webhooks (SPEC S7): the workspace's signing secret and the signatures seen inside the replay window.

export interface WebhookSecretsTable {
  workspace_id: string;
  /** Kept as is: an HMAC is verified with the secret itself. Shown once when made; never exported. */
  secret: string;
  /** Its first characters, to recognise it in settings. */
  prefix: string;
  created_by: string | null;
  created_at: string;
}

export interface WebhookReplaysTable {
  workspace_id: string;
  /** The hex HMAC-SHA256 of a request that was accepted. */
  signature: string;
  /** When the request's timestamp leaves the window; after that the timestamp alone refuses it. */
  expires_at: string;
}
