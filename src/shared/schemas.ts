// Zod schemas of the shared vocabulary (src/shared/vocabulary.ts), for every room's request and response
// schemas, so a team, a role or a time zone is checked and described the same way everywhere.
import { z } from 'zod';
import { isValidTimeZone } from './calendar/index.js';
import { ROLES, TEAMS } from './vocabulary.js';

export const Role = z
  .enum(ROLES)
  .describe('admin manages settings, members and integrations; leader leads a team; member contributes; viewer reads only.');
export const Team = z.enum(TEAMS);
export const TimeZone = z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });
