// Factories for the pain library and sales evidence (issue 12): pains and evidence made through HTTP.
import type { z } from 'zod';
import type * as P from '../src/capabilities/messaging/pains/schemas.js';
import type { TestApp } from './helpers/app.js';
import { expectStatus, type Client } from './helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from './factories.js';

export type PainView = z.infer<typeof P.PainView>;
export type EvidenceView = z.infer<typeof P.EvidenceView>;
export type WhyView = z.infer<typeof P.WhyView>;
export type PainInput = z.input<typeof P.PainInput>;
export type EvidenceInput = z.input<typeof P.EvidenceInput>;

let seq = 0;

/** A pain with a statement of its own (statements are unique among active pains). */
export async function makePain(by: Client, input: Partial<PainInput> = {}): Promise<PainView> {
  seq++;
  return expectStatus(await by.post<PainView>('/api/v1/messaging/pains', { statement: `Inbound leads go cold before anyone calls them (${seq})`, severity: 4, ...input }), 201);
}

/** 'YYYY-MM-DD', `days` from today in UTC. */
export const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const evidenceDefaults = (painId: string | null): EvidenceInput => ({
  date: dayFromToday(-1),
  account: 'Northwind Traders',
  outcome: 'open',
  quote: 'Our reps call back two days later and by then the lead has signed with someone else.',
  ...(painId ? { painId } : {}),
});

export async function logEvidence(by: Client, painId: string | null, input: Partial<EvidenceInput> = {}): Promise<EvidenceView> {
  return expectStatus(await by.post<EvidenceView>('/api/v1/messaging/evidence', { ...evidenceDefaults(painId), ...input }), 201);
}

export interface MessagingTeam {
  ws: TestWorkspace;
  seller: TestMember;
  seller2: TestMember;
  marketer: TestMember;
  lead: TestMember;
  viewer: TestMember;
}

/** A workspace with two sales members, a marketer, a sales leader and a viewer (its admin is ws.admin). */
export async function makeMessagingTeam(t: TestApp): Promise<MessagingTeam> {
  const ws = await makeWorkspace(t);
  const [seller, seller2, marketer, lead, viewer] = await Promise.all([
    addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' }),
    addMember(t, ws, { role: 'member', team: 'sales', name: 'Sue Seller' }),
    addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketer' }),
    addMember(t, ws, { role: 'leader', team: 'sales', name: 'Lee Lead' }),
    addMember(t, ws, { role: 'viewer', team: 'marketing', name: 'Vic Viewer' }),
  ]);
  return { ws, seller, seller2, marketer, lead, viewer };
}
