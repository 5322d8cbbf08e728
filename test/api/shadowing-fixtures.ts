// Helpers of the Shadowing room's API tests (issue 15): a workspace with both teams (functions and a manager line),
// the next fiscal quarter's key (a whole quarter of days ahead, whatever today is), a program opened and paired.
import type { z } from 'zod';
import type * as S from '../../src/capabilities/shadowing/schemas.js';
import type { TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';

export type ProgramView = z.infer<typeof S.ProgramView>;
export type ProgramsView = z.infer<typeof S.ProgramsView>;
export type PairView = z.infer<typeof S.PairView>;
export type ParticipantView = z.infer<typeof S.ParticipantView>;
export type AffinityView = z.infer<typeof S.AffinityView>;

export const base = '/api/v1/shadowing';

export interface ShadowTeam {
  ws: TestWorkspace;
  sdr: TestMember;
  ae: TestMember;
  salesLead: TestMember;
  demandGen: TestMember;
  content: TestMember;
  marketingLead: TestMember;
  viewer: TestMember;
}

export async function makeShadowTeam(t: TestApp): Promise<ShadowTeam> {
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin', timeZone: 'UTC' });
  return {
    ws,
    sdr: await addMember(t, ws, { team: 'sales', name: 'Sam Seller', function: 'SDR' }),
    ae: await addMember(t, ws, { team: 'sales', name: 'Alex Exec', function: 'Account executive' }),
    salesLead: await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Lee Lead', function: 'Sales manager' }),
    demandGen: await addMember(t, ws, { team: 'marketing', name: 'Mia Marketer', function: 'Demand gen' }),
    content: await addMember(t, ws, { team: 'marketing', name: 'Cole Content', function: 'Content' }),
    marketingLead: await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Max Marketing', function: 'VP Marketing' }),
    viewer: await addMember(t, ws, { role: 'viewer', team: 'sales', name: 'Vi Viewer' }),
  };
}

/** The quarter after `key`: FY2027-Q4 → FY2028-Q1. */
export function nextQuarterKey(key: string): string {
  const m = /^FY(\d{4})-Q([1-4])$/.exec(key);
  if (!m) throw new Error(`not a quarter key: ${key}`);
  const [fy, q] = [Number(m[1]), Number(m[2])];
  return q === 4 ? `FY${fy + 1}-Q1` : `FY${fy}-Q${q + 1}`;
}

export async function currentQuarter(by: Client): Promise<ProgramsView['current']> {
  return expectStatus(await by.get<ProgramsView>(`${base}/programs`), 200).current;
}

/** Opens the next quarter's program as `lead`. */
export async function openNextQuarter(lead: Client): Promise<ProgramView> {
  const current = await currentQuarter(lead);
  return expectStatus(await lead.post<ProgramView>(`${base}/programs`, { quarter: nextQuarterKey(current.key) }), 201);
}

export async function generate(lead: Client, programId: string): Promise<ProgramView> {
  return expectStatus(await lead.post<ProgramView>(`${base}/programs/${programId}/generate`, {}), 200);
}

/** The local date `days` from today in UTC (the test workspaces' zone). */
export const utcDay = (days = 0): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
