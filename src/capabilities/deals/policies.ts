// Who may do what in the deals room (SPEC S0, S7): everyone in the workspace reads the deals, their facets and the
// marketing-source rule; only admins change the rule (it decides a compensated KPI's numbers).
import type { Actor } from '../../server/auth.js';

type Who = Pick<Actor, 'role'>;

export const canChangeMarketingRule = (a: Who): boolean => a.role === 'admin';
export const MARKETING_RULE_EDITORS = 'Only admins change which sources count as marketing.';
