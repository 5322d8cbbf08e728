// The kernel's routes over the contracts by which rooms feed each other (STYLE "How rooms meet"): what the
// signed-in member owes every room, the Getting started checklist every room's steps make, and every room's
// alignment signals (SPEC S6). It knows the rooms only as
// the providers collected in ctx. A provider that throws is reported in the answer and logged; the others
// still answer.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AlignmentSignal } from '../shared/contracts/alignment-signals.js';
import type { GettingStartedStep } from '../shared/contracts/getting-started.js';
import type { Todo } from '../shared/contracts/todos.js';
import { askRooms } from './ask-rooms.js';
import { actorOf } from './auth.js';
import { ErrorView, type AppContext, type Server } from './context.js';
import { badRequest } from './errors.js';
import { nowIso } from './ids.js';

const Unavailable = z
  .array(z.object({ room: z.string(), message: z.string() }))
  .describe('Rooms that could not answer this time; the rest of the answer stands without them.');

export const TodoView = z.object({
  key: z.string(),
  room: z.string(),
  title: z.string(),
  detail: z.string().nullable(),
  href: z.string(),
  due: z.string().nullable().describe('Local date (YYYY-MM-DD) it is due, when it has one.'),
  priority: z.enum(['high', 'normal']),
});

export const TodosView = z.object({ todos: z.array(TodoView), unavailable: Unavailable });

export const AlignmentSignalView = z.object({
  room: z.string(),
  key: z.string(),
  strategy: z.enum(['goals', 'checkins', 'messaging', 'shadowing', 'wins']),
  label: z.string(),
  score: z.number().min(0).max(1).nullable().describe('0–1; null when there is no data to judge.'),
  detail: z.string(),
  nextStep: z.object({ text: z.string(), href: z.string() }).nullable(),
});

export const AlignmentSignalsView = z.object({ signals: z.array(AlignmentSignalView), unavailable: Unavailable });

export const GettingStartedStepView = z.object({
  room: z.string(),
  key: z.string(),
  order: z.number(),
  title: z.string(),
  detail: z.string(),
  href: z.string(),
  action: z.string(),
  done: z.boolean(),
});

export const GettingStartedView = z.object({
  steps: z.array(GettingStartedStepView).describe('In the order they are best done; each done or not from what the workspace holds now, never a stored tick.'),
  done: z.number().int(),
  total: z.number().int(),
  dismissedAt: z.string().nullable().describe('When you put the checklist away (it is put away per member, once every step is done); null while it shows.'),
  unavailable: Unavailable,
});

/** High priority first, then the earliest due date (undated last), then the title. */
export function compareTodos(a: Todo, b: Todo): number {
  if (a.priority !== b.priority) return a.priority === 'high' ? -1 : 1;
  if (a.due !== b.due) return a.due === null ? 1 : b.due === null ? -1 : a.due < b.due ? -1 : 1;
  return a.title.localeCompare(b.title) || a.key.localeCompare(b.key);
}

/** Every provider's items, each with its room; a room that throws is named in `unavailable` (askRooms). */
async function gather<P extends { room: string }, T>(ctx: AppContext, what: string, providers: readonly P[], ask: (p: P) => Promise<T[]>) {
  const { answers, unavailable } = await askRooms(ctx.log, providers, ask, { failed: `report its ${what}` });
  const items: Array<T & { room: string }> = answers.flatMap(({ room, value }) => value.map((v) => ({ room, ...v })));
  return { items, unavailable };
}

export function registerContractRoutes(app: Server, ctx: AppContext): void {
  app.get(
    '/me/todos',
    {
      schema: {
        tags: ['session'],
        summary: 'What you owe every room (a top three to publish, an action item due…): high priority first, then by due date.',
        response: { 200: TodosView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const at = { workspaceId: actor.workspaceId, memberId: actor.memberId, role: actor.role, team: actor.team, now: new Date() };
      const { items, unavailable } = await gather(ctx, 'to-dos', ctx.todos, (p) => p.todos(at));
      return { todos: items.sort(compareTodos), unavailable };
    },
  );

  async function gettingStarted(req: FastifyRequest) {
    const actor = actorOf(req);
    const at = { workspaceId: actor.workspaceId, memberId: actor.memberId, role: actor.role, team: actor.team, now: new Date() };
    const { items, unavailable } = await gather<(typeof ctx.gettingStarted)[number], GettingStartedStep>(ctx, 'getting started steps', ctx.gettingStarted, (p) => p.steps(at));
    const steps = items.sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
    const member = await ctx.db.kysely
      .selectFrom('members')
      .select('getting_started_dismissed_at')
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', actor.memberId)
      .executeTakeFirst();
    const done = steps.filter((s) => s.done).length;
    return { steps, done, total: steps.length, dismissedAt: member?.getting_started_dismissed_at ?? null, unavailable };
  }

  app.get(
    '/me/getting-started',
    {
      schema: {
        tags: ['session'],
        summary: "Getting started: the steps to a workspace's first value (both teams invited, key players, each team's top three published, the weekly check-in held…), each done or not from real state, and whether you put the list away.",
        response: { 200: GettingStartedView, 403: ErrorView },
      },
      config: { readCache: true },
    },
    gettingStarted,
  );

  app.post(
    '/me/getting-started/dismiss',
    {
      schema: {
        tags: ['session'],
        summary: 'Put the Getting started checklist away for you (not for the others), once every step is done.',
        response: { 200: GettingStartedView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const now = await gettingStarted(req);
      if (now.dismissedAt) return now;
      if (now.unavailable.length > 0) throw badRequest('Some steps could not be checked just now, so the checklist stays; try again in a moment.');
      if (now.done < now.total) {
        const left = now.steps.filter((s) => !s.done).map((s) => `"${s.title}"`);
        throw badRequest(`The checklist can be put away once every step is done; ${left.length === 1 ? 'one step is' : `${left.length} steps are`} still to do: ${left.join(', ')}.`);
      }
      const at = nowIso();
      await ctx.db.kysely.updateTable('members').set({ getting_started_dismissed_at: at }).where('workspace_id', '=', actor.workspaceId).where('id', '=', actor.memberId).execute();
      return { ...now, dismissedAt: at };
    },
  );

  app.get(
    '/alignment/signals',
    {
      schema: {
        tags: ['alignment'],
        summary: 'The facts every room reports for the alignment score (SPEC S6), each scored 0–1 or null without data, with the next step.',
        response: { 200: AlignmentSignalsView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const at = { workspaceId: actor.workspaceId, now: new Date() };
      const { items, unavailable } = await gather<(typeof ctx.alignmentSignals)[number], AlignmentSignal>(ctx, 'alignment signals', ctx.alignmentSignals, (p) => p.signals(at));
      return { signals: items, unavailable };
    },
  );
}
