// "Download CSV" of the check-in room's tables (SPEC S7): the meetings list and the action items, each exactly as
// its list answers for the same filters (src/server/csv-export.ts), times in the workspace's time zone.
import { z } from 'zod';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { CsvAnswer, localDateTime, sendListAsCsv, timeZoneOf, yesNo, type CsvColumn } from '../../../server/csv-export.js';
import { ActionItemsQuery, IdParams, type ActionItemView, type MeetingSummaryView, type MeetingView } from '../schemas.js';

const tags = ['checkins'];
const STATE_WORDS: Record<string, string> = { upcoming: 'Upcoming', in_progress: 'In progress', held: 'Held', missed: 'Missed', cancelled: 'Cancelled', ended: 'Ended, not marked yet' };
const STATUS_WORDS = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const;

export function registerCheckinExportRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/checkins/meetings.csv',
    {
      schema: {
        tags,
        summary: 'The meetings list as the check-ins page shows it, as CSV: the upcoming ones soonest first, then the past ones most recent first (or only one of them, as `when` says), every page.',
        querystring: z.strictObject({ when: z.enum(['all', 'upcoming', 'past']).default('all') }),
        produces: ['text/csv'],
        response: { 200: CsvAnswer, 400: ErrorView },
      },
    },
    async (req, reply) => {
      const tz = await timeZoneOf(k, actorOf(req).workspaceId);
      return sendListAsCsv<z.infer<typeof MeetingSummaryView>>(app, req, reply, {
        sources: (['upcoming', 'past'] as const).filter((w) => req.query.when === 'all' || req.query.when === w).map((when) => ({ list: '/api/v1/checkins/meetings', query: { when } })),
        name: req.query.when === 'all' ? 'check-ins' : `${req.query.when}-check-ins`,
        timeZone: tz,
        columns: [
          { header: `Starts (${tz})`, cell: (m) => localDateTime(m.start, tz) },
          { header: `Ends (${tz})`, cell: (m) => localDateTime(m.end, tz) },
          { header: 'State', cell: (m) => STATE_WORDS[m.state] ?? m.state },
          { header: `Marked held (${tz})`, cell: (m) => localDateTime(m.heldAt, tz) },
          { header: 'Present', cell: (m) => m.attended },
          { header: 'Action items', cell: (m) => m.actionItems },
        ],
      });
    },
  );

  app.get(
    '/checkins/action-items.csv',
    {
      schema: {
        tags,
        summary: 'The action items with the same filters (yours or everyone’s, by status), as CSV: every page of them.',
        querystring: ActionItemsQuery.omit({ limit: true, cursor: true }),
        produces: ['text/csv'],
        response: { 200: CsvAnswer, 400: ErrorView },
      },
    },
    async (req, reply) => {
      const tz = await timeZoneOf(k, actorOf(req).workspaceId);
      return sendListAsCsv<z.infer<typeof ActionItemView>>(app, req, reply, {
        sources: [{ list: '/api/v1/checkins/action-items', query: req.query }],
        name: 'action-items',
        timeZone: tz,
        columns: actionItemColumns(tz),
      });
    },
  );

  app.get(
    '/checkins/meetings/:id/action-items.csv',
    {
      schema: { tags, summary: "A meeting's action items, as its page lists them, as CSV.", params: IdParams, produces: ['text/csv'], response: { 200: CsvAnswer, 404: ErrorView } },
    },
    async (req, reply) => {
      const tz = await timeZoneOf(k, actorOf(req).workspaceId);
      return sendListAsCsv<z.infer<typeof ActionItemView>>(app, req, reply, {
        sources: [{ list: `/api/v1/checkins/meetings/${encodeURIComponent(req.params.id)}`, items: (body) => (body as z.infer<typeof MeetingView>).actionItems }],
        name: 'check-in-action-items',
        timeZone: tz,
        columns: actionItemColumns(tz),
      });
    },
  );
}

function actionItemColumns(tz: string): Array<CsvColumn<z.infer<typeof ActionItemView>>> {
  return [
    { header: 'Action item', cell: (a) => a.title },
    { header: 'Owner', cell: (a) => a.ownerName },
    { header: 'Due', cell: (a) => a.dueDate },
    { header: 'Status', cell: (a) => STATUS_WORDS[a.status] },
    { header: 'Overdue', cell: (a) => yesNo(a.overdue) },
    { header: `Check-in (${tz})`, cell: (a) => localDateTime(a.meetingStart, tz) },
    { header: `Closed (${tz})`, cell: (a) => localDateTime(a.closedAt, tz) },
    { header: `Created (${tz})`, cell: (a) => localDateTime(a.createdAt, tz) },
  ];
}
