// The product's shared words (SPEC S0), used the same way by every room, the kernel, the API and the tables:
// who a person is in a workspace (role, team) and the kinds of value rows hold. Pure types and constants.
export const ROLES = ['admin', 'leader', 'member', 'viewer'] as const;
export const TEAMS = ['sales', 'marketing', 'leadership'] as const;
export type Role = (typeof ROLES)[number];
export type Team = (typeof TEAMS)[number];

/** Row ids: text (UUIDs), the same on SQLite and PostgreSQL. */
export type Id = string;
/** An instant as stored and sent: an ISO-8601 string in UTC ("2026-12-01T09:30:00.000Z"). */
export type IsoInstant = string;
/** A calendar date in the workspace's zone: "YYYY-MM-DD". */
export type LocalDate = string;
/** Money in integer minor units (cents), never a float. */
export type Cents = number;
