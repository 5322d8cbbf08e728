// Data access for the channels room: the workspace's channels and the outbox rows that go out through them.
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ChannelsTable } from '../../db/schema/channels.js';
import { paginate, type Page } from '../../server/pagination.js';
import type { PageQuery } from '../../shared/page.js';

export type ChannelRecord = Selectable<ChannelsTable>;

export async function listChannels(db: Db, workspaceId: string): Promise<ChannelRecord[]> {
  return db.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').execute();
}

export async function getChannel(db: Db, workspaceId: string, id: string): Promise<ChannelRecord | undefined> {
  return db.selectFrom('channels').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export async function channelNameTaken(db: Db, workspaceId: string, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('channels').select('id').where('workspace_id', '=', workspaceId).where('name', '=', name);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export interface DeliveryRow {
  id: string;
  channel_id: string;
  channel_name: string;
  channel_kind: ChannelRecord['kind'];
  target: string;
  payload: string;
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
}

function deliveriesQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('outbox')
    .innerJoin('channels', 'channels.id', 'outbox.channel_id')
    .select([
      'outbox.id',
      'channels.id as channel_id',
      'channels.name as channel_name',
      'channels.kind as channel_kind',
      'outbox.target',
      'outbox.payload',
      'outbox.status',
      'outbox.attempts',
      'outbox.last_error',
      'outbox.next_attempt_at',
      'outbox.created_at',
      'outbox.sent_at',
    ])
    .where('outbox.workspace_id', '=', workspaceId)
    .where('channels.workspace_id', '=', workspaceId);
}

/** The workspace's deliveries through its channels, newest first (only rows with a channel: webhook rows carry their URL). */
export async function listDeliveries(db: Db, workspaceId: string, filter: { status?: DeliveryRow['status'] | undefined; channelId?: string | undefined }, page: PageQuery): Promise<Page<DeliveryRow>> {
  let q = deliveriesQuery(db, workspaceId);
  if (filter.status) q = q.where('outbox.status', '=', filter.status);
  if (filter.channelId) q = q.where('outbox.channel_id', '=', filter.channelId);
  return paginate(q, page, {
    scope: ['channel-deliveries', workspaceId, filter.status ?? null, filter.channelId ?? null],
    order: [
      { by: sql.ref('outbox.created_at'), dir: 'desc', type: 'string' },
      { by: sql.ref('outbox.id'), dir: 'desc', type: 'string' },
    ],
    key: (r) => [r.created_at, r.id],
  }) as Promise<Page<DeliveryRow>>;
}

export async function getDelivery(db: Db, workspaceId: string, id: string): Promise<DeliveryRow | undefined> {
  return (await deliveriesQuery(db, workspaceId).where('outbox.id', '=', id).executeTakeFirst()) as DeliveryRow | undefined;
}
