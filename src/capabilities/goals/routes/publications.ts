// Publishing a team's top three (SPEC S1 "Publication"): an immutable numbered snapshot with a readable
// diff against the previous one; the whole workspace is notified.
import type { Db } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { badRequest, forbidden, notFound } from '../../../server/errors.js';
import { newId } from '../../../server/ids.js';
import { presentPage } from '../../../server/pagination.js';
import { notifyWorkspace } from '../../../server/notifications.js';
import { announce } from '../../../server/outbound/announce.js';
import { buildPublicationSnapshot, diffPublications, validateTopThree } from '../domain/index.js';
import { canPublishTeamGoals, onBehalfOf } from '../policies.js';
import { CURRENCY, presentPublication } from '../presenters.js';
import { IdParams, PublicationListQuery, PublicationsPageView, PublicationView, PublishInput } from '../schemas.js';
import { getPublication, goalsLock, latestPublication, listKpis, pagePublications, parseSnapshot, refusingRaces, teamsWithLead, toDomainKpi } from '../store.js';

const tags = ['goals'];

/** The publisher's name for the notification (they are signed in, so they have joined: their account's name). */
async function publisherName(db: Db, workspaceId: string, memberId: string): Promise<string> {
  const row = await db.selectFrom('members').innerJoin('users', 'users.id', 'members.user_id').select('users.name').where('members.workspace_id', '=', workspaceId).where('members.id', '=', memberId).executeTakeFirst();
  return row?.name ?? 'an admin';
}

export function registerPublicationRoutes(app: Server, { db, config, outbox }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/goals/publications',
    { schema: { tags, summary: 'Publication history, newest first, each with its changes, a page at a time.', querystring: PublicationListQuery, response: { 200: PublicationsPageView, 400: ErrorView } } },
    async (req) => {
      const { limit, cursor, team } = req.query;
      return presentPage(await pagePublications(k, actorOf(req).workspaceId, team, { limit, cursor }), presentPublication);
    },
  );

  app.get(
    '/goals/publications/:id',
    { schema: { tags, summary: 'One publication.', params: IdParams, response: { 200: PublicationView, 404: ErrorView } } },
    async (req) => {
      const p = await getPublication(k, actorOf(req).workspaceId, req.params.id);
      if (!p) throw notFound('Publication');
      return presentPublication(p);
    },
  );

  app.post(
    '/goals/publications',
    { schema: { tags, summary: "Publish the team's current top three and notify everyone: that team's leads, or, while the team has no lead yet, an admin or leadership leader on its behalf.", body: PublishInput, response: { 201: PublicationView, 400: ErrorView, 403: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { team, note } = req.body;
      // Checked before the transaction and again under the lock (a lead may join in between).
      const mayPublish = async (tx: Db) => canPublishTeamGoals(actor, team, (await teamsWithLead(tx, actor.workspaceId)).has(team));
      const refusal = () => forbidden(`Only ${team} leads publish the ${team} top three; an admin or leadership leader may publish it on the team's behalf only while ${team} has no lead.`);
      if (!(await mayPublish(k))) throw refusal();
      const forTeam = onBehalfOf(actor, team);
      const race = `Another ${team} lead published the ${team} top three at the same moment; reload to see it, then publish again if something is still to change.`;
      const id = await refusingRaces(race, db.transaction(async (tx, afterCommit) => {
        // First the lock: the number and the diff are computed from the latest publication, which
        // another lead publishing at the same moment would otherwise change under us.
        await lockForUpdate(tx, db.dialect, goalsLock(actor.workspaceId));
        if (!(await mayPublish(tx))) throw refusal();
        const kpis = (await listKpis(tx, actor.workspaceId, { team })).map(toDomainKpi);
        const check = validateTopThree(kpis, { team, forPublication: true });
        if (!check.ok) throw badRequest(check.problems.map((p) => p.message).join(' '), check.problems);
        const previous = await latestPublication(tx, actor.workspaceId, team);
        const number = (previous?.number ?? 0) + 1;
        const publishedAt = new Date().toISOString();
        const snapshot = buildPublicationSnapshot(kpis, { team, number, publishedAt, currency: CURRENCY });
        const changes = diffPublications(previous ? parseSnapshot(previous) : null, snapshot);
        if (previous && changes.length === 0) {
          throw badRequest(`Nothing changed since publication #${previous.number}; the ${team} top three is already published as it is.`);
        }
        const id = newId();
        await tx
          .insertInto('publications')
          .values({ id, workspace_id: actor.workspaceId, team, number, published_by: actor.memberId, published_at: publishedAt, on_behalf_of: forTeam, note: note ?? null, snapshot: JSON.stringify(snapshot), diff: JSON.stringify(changes) })
          .execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'publication.published', entityType: 'publication', entityId: id, before: previous ? { number: previous.number } : null, after: { number, items: snapshot.items.map((i) => `#${i.rank} ${i.name}`) }, onBehalfOf: forTeam });
        const teamName = team === 'sales' ? 'Sales' : 'Marketing';
        const title = forTeam
          ? `The ${teamName} top three was published (#${number}) by ${await publisherName(tx, actor.workspaceId, actor.memberId)} for ${teamName}`
          : `${teamName} published its top three (#${number})`;
        await notifyWorkspace(
          tx,
          actor.workspaceId,
          {
            kind: 'publication',
            title,
            body: [snapshot.items.map((i) => `#${i.rank} ${i.name}`).join(' · '), ...changes.slice(0, 3).map((c) => c.message)].join('\n'),
            link: '/goals',
          },
          actor.memberId,
        );
        // The same news to the workspace's channels subscribed to KPI publications (Slack, Teams, email).
        await announce(tx, config, actor.workspaceId, {
          kind: 'kpi_publications',
          key: `publication:${id}`,
          title,
          text: changes.length > 0 ? changes.slice(0, 5).map((c) => c.message).join('\n\n') : `The first ${teamName.toLowerCase()} top three.`,
          fields: snapshot.items.map((i) => ({ label: `#${i.rank}`, value: i.name })),
          link: '/goals',
          linkLabel: 'See the top three',
          accent: 'info',
        });
        afterCommit(() => outbox.wake());
        return id;
      }));
      const p = await getPublication(k, actor.workspaceId, id);
      if (!p) throw notFound('Publication');
      return reply.code(201).send(presentPublication(p));
    },
  );
}
