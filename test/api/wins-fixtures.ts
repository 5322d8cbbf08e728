// Helpers of the Wins room's API tests (issue 13): a workspace with both teams, wins posted through the API, the
// wins job run by hand, a channel subscribed to wins written as the channels room stores one.
import type { z } from 'zod';
import type * as W from '../../src/capabilities/wins/schemas.js';
import { gatherProposals } from '../../src/capabilities/wins/gather.js';
import { newId, nowIso } from '../../src/server/ids.js';
import type { TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, changedInDb, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';

export type WinView = z.infer<typeof W.WinView>;
export type WinDetailView = z.infer<typeof W.WinDetailView>;
export type ProposalView = z.infer<typeof W.ProposalView>;
export type CommentView = z.infer<typeof W.CommentView>;
export type SummaryView = z.infer<typeof W.SummaryView>;

export interface WinsTeam {
  ws: TestWorkspace;
  seller: TestMember;
  marketer: TestMember;
  salesLead: TestMember;
  marketingLead: TestMember;
  exec: TestMember;
  viewer: TestMember;
}

export async function makeWinsTeam(t: TestApp): Promise<WinsTeam> {
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  return {
    ws,
    seller: await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' }),
    marketer: await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketer' }),
    salesLead: await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Lee Lead' }),
    marketingLead: await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Max Marketing' }),
    exec: await addMember(t, ws, { role: 'member', team: 'leadership', name: 'Cy Exec' }),
    viewer: await addMember(t, ws, { role: 'viewer', team: 'sales', name: 'Vi Viewer' }),
  };
}

/** The UTC date `days` from today. */
export const day = (days = 0): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function postWin(by: Client, creditedMemberIds: string[], over: Record<string, unknown> = {}): Promise<WinView> {
  return expectStatus(await by.post<WinView>('/api/v1/wins', { kind: 'deal_won', title: `Globex signed ${newId().slice(0, 6)}`, story: 'Closed together.', wonOn: day(-1), creditedMemberIds, ...over }), 201);
}

/** Runs the wins job's gathering as the job would, at `now`; cached reads are read again after. */
export async function gather(t: TestApp, now = new Date()) {
  const r = await gatherProposals(t.db, t.app.ctx.winCandidates, now);
  await changedInDb(t);
  return r;
}

/** A Slack channel subscribed to `events`, as the channels room stores one (its secret is not needed to enqueue). */
export async function insertChannel(t: TestApp, workspaceId: string, events: string[]): Promise<string> {
  const id = newId();
  const now = nowIso();
  await t.db.kysely
    .insertInto('channels')
    .values({ id, workspace_id: workspaceId, kind: 'slack', name: `Slack ${id.slice(0, 6)}`, config_encrypted: 'v1.x.y', config_hint: 'hooks.slack.com/…/test', events: JSON.stringify(events), enabled: 1, status: 'ok', consecutive_failures: 0, last_error: null, last_error_at: null, last_sent_at: null, created_by: null, created_at: now, updated_at: now })
    .execute();
  return id;
}
