// Roles and teams (SPEC S0). The words used in the API, the tables and the UI.
export const ROLES = ['admin', 'leader', 'member', 'viewer'] as const;
export const TEAMS = ['sales', 'marketing', 'leadership'] as const;
export type Role = (typeof ROLES)[number];
export type Team = (typeof TEAMS)[number];
