// "Download CSV" of the workspace room's tables (SPEC S7): people, invites and API tokens, each exactly as its list
// answers for the same filters and the same person (src/server/csv-export.ts; the audit log has its own, /audit.csv).
// Times are in the workspace's time zone. A token's secret is never in a list, so never in its CSV.
import { z } from 'zod';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { CsvAnswer, localDateTime, sendListAsCsv, timeZoneOf, yesNo } from '../../../server/csv-export.js';
import { MembersQuery, type ApiTokenView, type InviteView, type MemberView } from '../schemas.js';

const tags = ['members'];
const ROLE_WORDS = { admin: 'Admin', leader: 'Leader', member: 'Member', viewer: 'Viewer' } as const;
const TEAM_WORDS = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' } as const;
const MEMBER_STATUS: Record<string, string> = { active: 'Active', invited: 'Invited', inactive: 'Deactivated' };
const INVITE_STATUS = { pending: 'Pending', accepted: 'Accepted', expired: 'Expired', revoked: 'Revoked' } as const;

export function registerWorkspaceExportRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;
  const zone = async (req: Parameters<typeof actorOf>[0]) => timeZoneOf(k, actorOf(req).workspaceId);

  app.get(
    '/members.csv',
    {
      schema: {
        tags,
        summary: 'The people list with the same search and filters, as CSV: every page of it.',
        querystring: MembersQuery.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: CsvAnswer, 400: ErrorView },
      },
    },
    async (req, reply) => {
      const tz = await zone(req);
      return sendListAsCsv<MemberView>(app, req, reply, {
        sources: [{ list: '/api/v1/members', query: req.query }],
        name: 'people',
        timeZone: tz,
        columns: [
          { header: 'Name', cell: (m) => m.name },
          { header: 'Email', cell: (m) => m.email },
          { header: 'Team', cell: (m) => TEAM_WORDS[m.team] },
          { header: 'Role', cell: (m) => ROLE_WORDS[m.role] },
          { header: 'Function', cell: (m) => m.function },
          { header: 'Manager', cell: (m) => m.managerName ?? '' },
          { header: 'Key player', cell: (m) => yesNo(m.keyPlayer) },
          { header: 'Status', cell: (m) => MEMBER_STATUS[m.status] ?? m.status },
          { header: `Joined (${tz})`, cell: (m) => localDateTime(m.joinedAt, tz) },
          { header: `Added (${tz})`, cell: (m) => localDateTime(m.createdAt, tz) },
        ],
      });
    },
  );

  app.get(
    '/invites.csv',
    { schema: { tags: ['invites'], summary: 'The invites list, as CSV (admins): every page of it; the links themselves are never in it.', produces: ['text/csv'], response: { 200: CsvAnswer, 403: ErrorView } } },
    async (req, reply) => {
      const tz = await zone(req);
      return sendListAsCsv<z.infer<typeof InviteView>>(app, req, reply, {
        sources: [{ list: '/api/v1/invites', query: {} }],
        name: 'invites',
        timeZone: tz,
        columns: [
          { header: 'Email', cell: (i) => i.email ?? 'Anyone with the link' },
          { header: 'Team', cell: (i) => TEAM_WORDS[i.team] },
          { header: 'Role', cell: (i) => ROLE_WORDS[i.role] },
          { header: 'Function', cell: (i) => i.function },
          { header: 'Status', cell: (i) => INVITE_STATUS[i.status] },
          { header: 'Invited by', cell: (i) => i.createdByName ?? '' },
          { header: `Created (${tz})`, cell: (i) => localDateTime(i.createdAt, tz) },
          { header: `Expires (${tz})`, cell: (i) => localDateTime(i.expiresAt, tz) },
          { header: `Accepted (${tz})`, cell: (i) => localDateTime(i.acceptedAt, tz) },
        ],
      });
    },
  );

  app.get(
    '/tokens.csv',
    { schema: { tags: ['api tokens'], summary: 'The API tokens list, as CSV (admins): names, prefixes and use, never the tokens.', produces: ['text/csv'], response: { 200: CsvAnswer, 403: ErrorView } } },
    async (req, reply) => {
      const tz = await zone(req);
      return sendListAsCsv<z.infer<typeof ApiTokenView>>(app, req, reply, {
        sources: [{ list: '/api/v1/tokens', query: {} }],
        name: 'api-tokens',
        timeZone: tz,
        columns: [
          { header: 'Name', cell: (t) => t.name },
          { header: 'Prefix', cell: (t) => t.prefix },
          { header: 'Created by', cell: (t) => t.memberName },
          { header: `Created (${tz})`, cell: (t) => localDateTime(t.createdAt, tz) },
          { header: `Last used (${tz})`, cell: (t) => localDateTime(t.lastUsedAt, tz) },
          { header: `Revoked (${tz})`, cell: (t) => localDateTime(t.revokedAt, tz) },
        ],
      });
    },
  );
}
