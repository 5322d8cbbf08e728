// The channels routes (issue 13, admins only): Slack and Teams incoming webhooks and SMTP servers, which events
// each takes, "send test message", and the deliveries with their dead letters and a retry. Secrets are sealed
// (src/server/secrets.ts) and write-only: no answer, audit entry or log line holds a webhook URL or a password.
import { recordAudit } from '../../server/audit.js';
import { actorOf, type Actor } from '../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../server/context.js';
import { AppError, badRequest, conflict, databaseErrorCode, forbidden, notFound } from '../../server/errors.js';
import { newId, nowIso } from '../../server/ids.js';
import { enqueueMessage } from '../../server/outbox.js';
import { renderFor, type OutboundEvent, type OutboundEventKind } from '../../server/outbound/announce.js';
import { OUTBOUND_EVENT_KINDS } from '../../server/outbound/event.js';
import { sealableSettings, settingsHint, smtpProblem, webhookUrlProblem, type ChannelSettings, type SmtpSettings } from '../../server/outbound/settings.js';
import type { SecretBox } from '../../server/secrets.js';
import { presentPage } from '../../server/pagination.js';
import { canManageChannels } from './policies.js';
import { openSettings, presentChannel, presentDelivery } from './presenters.js';
import {
  ChannelCreateInput,
  ChannelListView,
  ChannelPatchInput,
  ChannelView,
  DeliveriesPageView,
  DeliveriesQuery,
  DeliveryView,
  IdParams,
  NoContent,
  TestResultView,
} from './schemas.js';
import { channelNameTaken, getChannel, getDelivery, listChannels, listDeliveries, type ChannelRecord } from './store.js';

const tags = ['channels'];
const ONLY_ADMINS = 'Only admins manage the channels messages are sent to.';

const EVENT_WORDS: Record<OutboundEventKind, string> = {
  wins: 'wins',
  kpi_publications: 'KPI publications',
  missed_checkins: 'missed check-ins',
  weekly_digest: 'the weekly digest',
  shadow_days: 'shadow-day invites and reminders',
};

const refuse = (path: string, message: string) => badRequest(message, [{ path, message }]);

function admin(actor: Actor): void {
  if (!canManageChannels(actor)) throw forbidden(ONLY_ADMINS);
}

/** The events in settings order, each once. */
const orderedEvents = (events: readonly OutboundEventKind[]): OutboundEventKind[] => OUTBOUND_EVENT_KINDS.filter((k) => events.includes(k));

function nameTaken(name: string): AppError {
  return conflict(`A channel named "${name}" already exists; choose another name.`);
}

/** Slack/Teams settings from a URL, checked. */
function webhookSettings(kind: 'slack' | 'teams', url: string, production: boolean): ChannelSettings {
  const problem = webhookUrlProblem(kind, url, production);
  if (problem) throw refuse('body.url', problem);
  return { kind, url };
}

function smtpSettings(s: Omit<SmtpSettings, 'kind'>, production: boolean): SmtpSettings {
  const settings: SmtpSettings = { kind: 'email', ...s, host: s.host.trim(), from: s.from.trim(), user: s.user ? s.user : null, password: s.password ? s.password : null };
  const problem = smtpProblem(settings, production);
  if (problem) throw refuse('body.smtp', problem);
  return settings;
}

export function registerChannelRoutes(app: Server, ctx: AppContext, box: SecretBox): void {
  const { db, config } = ctx;
  const k = db.kysely;

  async function channelOr404(workspaceId: string, id: string): Promise<ChannelRecord> {
    const c = await getChannel(k, workspaceId, id);
    if (!c) throw notFound('Channel');
    return c;
  }

  /** Unique names are checked first; two admins adding the same name at once meet the unique index: 409, quietly. */
  async function uniqueNamed<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const code = databaseErrorCode(err)?.code;
      if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE') throw nameTaken(name);
      throw err;
    }
  }

  app.get(
    '/channels',
    { schema: { tags, summary: 'The Slack, Teams and email channels of the workspace, with their health (admins). Secrets are never answered.', response: { 200: ChannelListView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      admin(actor);
      return { items: (await listChannels(k, actor.workspaceId)).map((c) => presentChannel(box, c)) };
    },
  );

  app.post(
    '/channels',
    {
      schema: {
        tags,
        summary: 'Add a channel (admins): a Slack or Teams incoming webhook (url) or an SMTP server (smtp), and the events it gets.',
        body: ChannelCreateInput,
        response: { 201: ChannelView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      admin(actor);
      const b = req.body;
      let settings: ChannelSettings;
      if (b.kind === 'email') {
        if (b.url !== undefined) throw refuse('body.url', 'An email channel takes SMTP settings (smtp), not a webhook URL.');
        if (!b.smtp) throw refuse('body.smtp', 'An email channel needs its SMTP server: host, port, security and the sender (from).');
        settings = smtpSettings({ host: b.smtp.host, port: b.smtp.port, security: b.smtp.security, user: b.smtp.user ?? null, password: b.smtp.password ?? null, from: b.smtp.from }, config.production);
      } else {
        if (b.smtp !== undefined) throw refuse('body.smtp', `A ${b.kind === 'slack' ? 'Slack' : 'Teams'} channel takes a webhook URL (url), not SMTP settings.`);
        if (!b.url) throw refuse('body.url', `A ${b.kind === 'slack' ? 'Slack' : 'Teams'} channel needs its incoming webhook URL.`);
        settings = webhookSettings(b.kind, b.url, config.production);
      }
      if (await channelNameTaken(k, actor.workspaceId, b.name)) throw nameTaken(b.name);
      const id = newId();
      const at = nowIso();
      const events = orderedEvents(b.events);
      const hint = settingsHint(settings);
      await uniqueNamed(b.name, () =>
        db.transaction(async (tx) => {
          await tx
            .insertInto('channels')
            .values({
              id,
              workspace_id: actor.workspaceId,
              kind: b.kind,
              name: b.name,
              config_encrypted: box.seal(sealableSettings(settings)),
              config_hint: hint,
              events: JSON.stringify(events),
              enabled: b.enabled ? 1 : 0,
              status: 'ok',
              consecutive_failures: 0,
              last_error: null,
              last_error_at: null,
              last_sent_at: null,
              created_by: actor.memberId,
              created_at: at,
              updated_at: at,
            })
            .execute();
          await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'channel.created', entityType: 'channel', entityId: id, after: { name: b.name, kind: b.kind, hint, events, enabled: b.enabled } });
        }),
      );
      return reply.code(201).send(presentChannel(box, await channelOr404(actor.workspaceId, id)));
    },
  );

  app.get(
    '/channels/deliveries',
    {
      schema: {
        tags,
        summary: "Messages sent or waiting to be sent through the workspace's channels, newest first, with each failure's error (admins); status=dead lists the dead letters.",
        querystring: DeliveriesQuery,
        response: { 200: DeliveriesPageView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      admin(actor);
      const { status, channelId, ...page } = req.query;
      return presentPage(await listDeliveries(k, actor.workspaceId, { status, channelId }, page), presentDelivery);
    },
  );

  app.post(
    '/channels/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Send a dead letter again (admins): it is tried at once and, failing, with the usual backoff and limit.',
        params: IdParams,
        response: { 200: DeliveryView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      admin(actor);
      const { id } = req.params;
      await db.transaction(async (tx, afterCommit) => {
        const d = await getDelivery(tx, actor.workspaceId, id);
        if (!d) throw notFound('Delivery');
        if (d.status !== 'dead') throw conflict(`Only a dead letter can be retried; this delivery is ${d.status === 'sent' ? 'sent already' : 'still being tried'}.`);
        const changed = await tx
          .updateTable('outbox')
          .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso(), claimed_until: null })
          .where('id', '=', id)
          .where('workspace_id', '=', actor.workspaceId)
          .where('status', '=', 'dead')
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) throw conflict('Someone retried this delivery at the same moment; reload to see it.');
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'channel.delivery_retried', entityType: 'channel', entityId: d.channel_id, after: { delivery: id, summary: presentDelivery(d).summary } });
        afterCommit(() => ctx.outbox.wake());
      });
      const d = await getDelivery(k, actor.workspaceId, id);
      if (!d) throw notFound('Delivery');
      return presentDelivery(d);
    },
  );

  app.get(
    '/channels/:id',
    { schema: { tags, summary: 'One channel, with its health (admins).', params: IdParams, response: { 200: ChannelView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      admin(actor);
      return presentChannel(box, await channelOr404(actor.workspaceId, req.params.id));
    },
  );

  app.patch(
    '/channels/:id',
    {
      schema: {
        tags,
        summary: 'Change a channel (admins): its name, events, enabled, or settings. A secret left out (url, smtp.password) is kept.',
        params: IdParams,
        body: ChannelPatchInput,
        response: { 200: ChannelView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      admin(actor);
      const b = req.body;
      const c = await channelOr404(actor.workspaceId, req.params.id);
      let settings: ChannelSettings | null = null;
      if (c.kind === 'email') {
        if (b.url !== undefined) throw refuse('body.url', 'An email channel takes SMTP settings (smtp), not a webhook URL.');
        if (b.smtp) {
          const opened = openSettings(box, c);
          const saved = 'settings' in opened && opened.settings.kind === 'email' ? opened.settings : null;
          const host = b.smtp.host ?? saved?.host;
          const port = b.smtp.port ?? saved?.port;
          const from = b.smtp.from ?? saved?.from;
          if (host === undefined || port === undefined || from === undefined) {
            const why = 'problem' in opened ? `${opened.problem[0]!.toUpperCase()}${opened.problem.slice(1)}` : "The saved settings cannot be read";
            throw refuse('body.smtp', `${why}: give the host, port, sender (from) and, if the server needs one, the password.`);
          }
          settings = smtpSettings(
            {
              host,
              port,
              from,
              security: b.smtp.security ?? saved?.security ?? 'starttls',
              user: b.smtp.user !== undefined ? b.smtp.user : (saved?.user ?? null),
              password: b.smtp.password !== undefined ? b.smtp.password : (saved?.password ?? null),
            },
            config.production,
          );
        }
      } else {
        if (b.smtp !== undefined) throw refuse('body.smtp', `A ${c.kind === 'slack' ? 'Slack' : 'Teams'} channel takes a webhook URL (url), not SMTP settings.`);
        if (b.url !== undefined) settings = webhookSettings(c.kind, b.url, config.production);
      }
      if (b.name !== undefined && b.name !== c.name && (await channelNameTaken(k, actor.workspaceId, b.name, c.id))) throw nameTaken(b.name);
      const events = b.events ? orderedEvents(b.events) : null;
      const hint = settings ? settingsHint(settings) : null;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      const note = (field: string, was: unknown, now: unknown) => {
        if (JSON.stringify(was) === JSON.stringify(now)) return;
        before[field] = was;
        after[field] = now;
      };
      if (b.name !== undefined) note('name', c.name, b.name);
      if (events) note('events', JSON.parse(c.events) as unknown, events);
      if (b.enabled !== undefined) note('enabled', c.enabled === 1, b.enabled);
      // The secret is never in the log: only that the settings changed, and the new hint.
      if (settings) {
        before.settings = c.config_hint;
        after.settings = hint;
      }
      await uniqueNamed(b.name ?? c.name, () =>
        db.transaction(async (tx) => {
          await tx
            .updateTable('channels')
            .set({
              ...(b.name !== undefined ? { name: b.name } : {}),
              ...(events ? { events: JSON.stringify(events) } : {}),
              ...(b.enabled !== undefined ? { enabled: b.enabled ? 1 : 0 } : {}),
              // New settings start with a clean record: the failures were the old URL's or server's.
              ...(settings ? { config_encrypted: box.seal(sealableSettings(settings)), config_hint: hint!, status: 'ok' as const, consecutive_failures: 0, last_error: null, last_error_at: null } : {}),
              updated_at: nowIso(),
            })
            .where('id', '=', c.id)
            .where('workspace_id', '=', actor.workspaceId)
            .execute();
          if (Object.keys(after).length > 0) {
            await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'channel.changed', entityType: 'channel', entityId: c.id, before, after });
          }
        }),
      );
      return presentChannel(box, await channelOr404(actor.workspaceId, c.id));
    },
  );

  app.delete(
    '/channels/:id',
    {
      schema: {
        tags,
        summary: 'Remove a channel (admins); what it had not sent yet, and its deliveries, go with it.',
        params: IdParams,
        response: { 204: NoContent, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      admin(actor);
      await db.transaction(async (tx) => {
        const c = await getChannel(tx, actor.workspaceId, req.params.id);
        if (!c) throw notFound('Channel');
        const gone = await tx.deleteFrom('channels').where('id', '=', c.id).where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
        if (Number(gone.numDeletedRows) !== 1) throw notFound('Channel');
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'channel.deleted', entityType: 'channel', entityId: c.id, before: { name: c.name, kind: c.kind, hint: c.config_hint } });
      });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/channels/:id/test',
    {
      schema: {
        tags,
        summary: 'Send a test message through the channel now and answer what happened (admins). Email goes to you.',
        params: IdParams,
        response: { 200: TestResultView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      admin(actor);
      const c = await channelOr404(actor.workspaceId, req.params.id);
      const opened = openSettings(box, c);
      if ('problem' in opened) throw badRequest(`${opened.problem[0]!.toUpperCase()}${opened.problem.slice(1)}.`);
      const workspace = await k.selectFrom('workspaces').select('name').where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
      const events = orderedEvents(JSON.parse(c.events) as OutboundEventKind[]);
      const words = events.map((e) => EVENT_WORDS[e]);
      const list = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
      const event: OutboundEvent = {
        kind: events[0] ?? 'wins',
        key: `test:${newId()}`,
        title: `Test message from Lockstep: ${c.name}`,
        text: `This is a test of the channel "${c.name}" in ${workspace.name}. ${list ? `If you can read it, ${list} will arrive here.` : 'It takes no events yet: choose some in Settings → Channels.'}`,
        link: '/settings/channels',
        linkLabel: 'Channel settings',
        accent: 'info',
      };
      let recipient: string | null = null;
      if (c.kind === 'email') {
        recipient = (await k.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirstOrThrow()).email;
      }
      const deliveryId = await db.transaction((tx) =>
        enqueueMessage(tx, { workspaceId: actor.workspaceId, channel: c.kind, channelId: c.id, target: recipient ?? c.id, payload: renderFor(c.kind, event, config.publicUrl), idempotencyKey: event.key }),
      );
      const outcome = await ctx.outbox.deliverNow(deliveryId);
      // A test that failed is not tried again hours later: it stays as a dead letter, with its error, to retry by hand.
      if (outcome.status === 'pending') {
        await k.updateTable('outbox').set({ status: 'dead' }).where('id', '=', deliveryId).where('status', '=', 'pending').execute();
      }
      const status = outcome.status === 'pending' ? 'dead' : outcome.status;
      return { deliveryId, delivered: status === 'sent', status, error: outcome.error, recipient, channel: presentChannel(box, await channelOr404(actor.workspaceId, c.id)) };
    },
  );
}
