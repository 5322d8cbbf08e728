// A member's name as their workspace may show it (docs/SECURITY.md): while invited, what the admin typed
// (members.invited_name); once the person has joined, the name they keep on their account (users.name).
// For queries that join members to users; every room that lists people uses it.
import { sql } from 'kysely';

export const memberName = sql<string>`coalesce(members.invited_name, users.name)`;
