// Who may import deals (issue 11, docs/decisions/034-deal-imports-over-http.md): admins and leaders of the workspace
// upload, map columns and owners, save presets, commit and cancel; members and viewers read imports and their
// error reports, since they read the deals those imports wrote.
import type { Actor } from '../../../server/auth.js';

type Who = Pick<Actor, 'role'>;

export const canImportDeals = (a: Who): boolean => a.role === 'admin' || a.role === 'leader';

export const IMPORTERS = 'Only admins and leaders import deals.';
