// Marketing pieces through HTTP (SPEC S3; issue 12): write one, ask for review, decide, publish.
import type { z } from 'zod';
import type * as P from '../src/capabilities/messaging/pieces/schemas.js';
import type { TestApp } from './helpers/app.js';
import { expectStatus, type Client } from './helpers/client.js';
import { changedInDb, type TestWorkspace } from './factories.js';
import { insertEvidence, insertPain } from './factories-messaging-rows.js';

export type PieceView = z.infer<typeof P.PieceView>;
export type PieceSummaryView = z.infer<typeof P.PieceSummaryView>;
export type PieceInput = z.input<typeof P.PieceCreateInput>;

/** Feature-speak: what the product has, in the vendor's voice. */
export const FEATURE_LED =
  'Our AI-powered platform is the best-in-class solution. We integrate seamlessly with every CRM. Our robust dashboards offer cutting-edge analytics. We are the leading, next-generation engine for modern teams.';
/** The buyer's problem, in their words, and what changes for them. */
export const PAIN_BASED =
  "Your inbound leads go cold before anyone calls them back. When a rep calls back two days later, the buyer has already booked a demo elsewhere. You stop losing those leads: every new lead gets a call within five minutes, so your reps spend their day talking to buyers who still want to talk.";

export const pieceDefaults = (): PieceInput => ({ title: 'Stop losing inbound leads', channel: 'blog', body: PAIN_BASED });

export async function makePiece(by: Client, input: Partial<PieceInput> = {}): Promise<PieceView> {
  return expectStatus(await by.post<PieceView>('/api/v1/messaging/pieces', { ...pieceDefaults(), ...input }), 201);
}

export async function getPiece(by: Client, id: string): Promise<PieceView> {
  return expectStatus(await by.get<PieceView>(`/api/v1/messaging/pieces/${id}`), 200);
}

export async function requestReview(by: Client, id: string, reviewerIds: string[], reviewerEmails: string[] = []): Promise<PieceView> {
  return expectStatus(await by.post<PieceView>(`/api/v1/messaging/pieces/${id}/review-requests`, { reviewerIds, reviewerEmails }), 200);
}

export async function decide(by: Client, piece: Pick<PieceView, 'id' | 'version'>, decision: 'approved' | 'changes_requested', extra: { comment?: string; comments?: Array<{ sentenceIndex: number | null; body: string }> } = {}): Promise<PieceView> {
  return expectStatus(await by.post<PieceView>(`/api/v1/messaging/pieces/${piece.id}/decisions`, { decision, version: piece.version, ...extra }), 200);
}

/** Sets the workspace's pain threshold as its admin (0 lets every score through, 100 almost none). */
export async function setThreshold(ws: TestWorkspace, painThreshold: number): Promise<void> {
  expectStatus(await ws.admin.patch('/api/v1/workspace', { painThreshold }), 200);
}

/** The pain the PAIN_BASED text is about, with sales quotes in the buyers' words. */
export async function seedLeadPain(t: TestApp, workspaceId: string): Promise<string> {
  const painId = await insertPain(t, workspaceId, { statement: 'Slow first response to new leads' });
  const today = new Date().toISOString().slice(0, 10);
  for (const quote of ['Our reps call back two days later and the lead has gone cold.', 'Inbound leads sit in a queue until someone gets to them.', 'By the time we call, they already booked a demo with someone else.']) {
    await insertEvidence(t, workspaceId, { painId, date: today, quote, count: 2 });
  }
  await changedInDb(t);
  return painId;
}
