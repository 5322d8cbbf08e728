/** One counting window of a rate limit, shared by every instance (docs/decisions/013). */
export interface RateLimitsTable {
  /** What is counted, e.g. `POST /api/v1/auth/signin|203.0.113.7|ada@example.com` or `signin-account:ada@example.com`. */
  key: string;
  /** Tries so far in this window. */
  count: number;
  /** When the window ends (ISO-8601); a try after it starts a new window at 1. */
  reset_at: string;
}
