// How long the workspace room's texts may be (SPEC S0; issue 10 "forms carry the same limits as the schemas"): the
// schemas refuse longer ones and the web forms stop typing at the same length, so a form never offers what the
// server will refuse.

/** A person's, a workspace's, a holiday's or an API token's name. */
export const NAME_MAX = 120;
/** The longest address SMTP carries (RFC 5321). */
export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 200;
/** A member's function ("SDR", "Demand gen"). */
export const FUNCTION_MAX = 80;
