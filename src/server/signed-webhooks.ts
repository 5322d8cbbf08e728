// The database side of signed inbound webhooks (SPEC S7; docs/decisions/031), shared by every room's hook
// (KPI values, deals): JSON parsed with its raw bytes kept (the signature is over the bytes as sent), the check
// against the workspace's signing secret when it has one, and the signature recorded in the same transaction as
// the write, so a replay is refused on every instance and after a restart.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db, Tx } from '../db/database.js';
import { unauthenticated } from './errors.js';
import { nowIso } from './ids.js';
import { checkWebhookSignature, REPLAY } from './webhook-signature.js';

export interface VerifiedSignature {
  signature: string;
  expiresAtMs: number;
}

const rawBodies = new WeakMap<FastifyRequest, Buffer>();
const verified = new WeakMap<FastifyRequest, VerifiedSignature>();

/** In this (encapsulated) scope, JSON bodies are parsed as usual and their raw bytes kept for the signature check. */
export function keepRawJsonBodies(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error');
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    rawBodies.set(req, body as Buffer);
    parseJson(req, (body as Buffer).toString('utf8'), done);
  });
}

/** 401 unless the call is signed as the workspace's secret requires (nothing to check when it has none). */
export async function verifyWebhookSignature(db: Db, req: FastifyRequest, workspaceId: string): Promise<void> {
  const row = await db.selectFrom('webhook_secrets').select('secret').where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return;
  const check = checkWebhookSignature({ secret: row.secret, headers: req.headers, rawBody: rawBodies.get(req) ?? Buffer.alloc(0), nowMs: Date.now() });
  if (!check.ok) throw unauthenticated(check.message);
  verified.set(req, { signature: check.signature, expiresAtMs: check.expiresAtMs });
}

/** The request's checked signature, to record with its write; null when the workspace has no secret. */
export const verifiedSignatureOf = (req: FastifyRequest): VerifiedSignature | null => verified.get(req) ?? null;

/**
 * Records the signature in the same transaction as the write. Two identical calls at once: the second insert waits
 * on the first's key, then finds it (PostgreSQL) or runs after it (SQLite's one writer) — and answers 401.
 */
export async function consumeWebhookSignature(tx: Tx, workspaceId: string, signature: VerifiedSignature): Promise<void> {
  const now = nowIso();
  await tx.deleteFrom('webhook_replays').where('workspace_id', '=', workspaceId).where('expires_at', '<', now).execute();
  const inserted = await tx
    .insertInto('webhook_replays')
    .values({ workspace_id: workspaceId, signature: signature.signature, expires_at: new Date(signature.expiresAtMs).toISOString() })
    .onConflict((oc) => oc.columns(['workspace_id', 'signature']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw unauthenticated(REPLAY);
}
