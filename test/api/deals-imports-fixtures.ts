// Deal exports as the CRMs write them (issue 11), and the steps of an import through the API, for the
// deals-imports-*.test.ts files. HubSpot's deals export and a Salesforce opportunities report use their documented
// column headers; the Salesforce report ends with the lines a report adds after the data.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { z } from 'zod';
import type { ImportView as ImportViewSchema } from '../../src/capabilities/deals/imports-http/schemas.js';
import type { TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse, type Client } from '../helpers/client.js';

export type ImportView = z.infer<typeof ImportViewSchema>;

export const HUBSPOT_HEADER = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner', 'Pipeline', 'Original Source Type', 'Closed Won Reason', 'Closed Lost Reason'];

export interface HubspotDeal {
  id: string;
  name: string;
  stage: string;
  amount: string;
  close: string;
  created: string;
  owner: string;
  source?: string;
  won?: string;
  lost?: string;
}

const cell = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: string[]) => cells.map(cell).join(',');

/** A HubSpot deals export: CRLF lines, as HubSpot writes them. */
export function hubspotCsv(deals: HubspotDeal[]): string {
  const rows = deals.map((d) => line([d.id, d.name, d.stage, d.amount, d.close, d.created, d.owner, 'Sales Pipeline', d.source ?? 'Organic Search', d.won ?? '', d.lost ?? '']));
  return `${[line(HUBSPOT_HEADER), ...rows].join('\r\n')}\r\n`;
}

/** Three good deals; their owners are the members the tests add (Sam Seller, Rae Rep). */
export const HUBSPOT_DEALS: HubspotDeal[] = [
  { id: '9001', name: 'Northwind — platform', stage: 'Closed Won', amount: '$12,500.00', close: '2026-03-07', created: '2026-01-10', owner: 'Sam Seller', source: 'Paid Search', won: 'Best fit, fast rollout' },
  { id: '9002', name: 'Contoso, renewal', stage: 'Closed Lost', amount: '8,000', close: '2026-03-15', created: '2026-02-01', owner: 'Rae Rep', source: 'Offline Sources', lost: 'Price' },
  { id: '9003', name: 'Fabrikam "pilot"', stage: 'Appointment Scheduled', amount: '4500', close: '2026-05-30', created: '2026-03-01', owner: 'Sam Seller' },
];

/** A deal with no amount and an impossible close date: row 3 of a file whose data starts at row 2. */
export const BAD_DEAL: HubspotDeal = { id: '9004', name: 'Broken row', stage: 'Closed Won', amount: '', close: '2026-02-31', created: '2026-01-01', owner: 'Sam Seller' };

export const SALESFORCE_HEADER = ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Created Date', 'Opportunity Owner', 'Lead Source', 'Won', 'Closed'];

/** A Salesforce opportunities report as exported: US dates, quoted cells, and the report's footer after the data. */
export function salesforceReport(rows: string[][] = SALESFORCE_ROWS): string {
  const lines = [SALESFORCE_HEADER.map((h) => `"${h}"`).join(','), ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(','))];
  return `${lines.join('\n')}\n\n"Grand Totals (${rows.length} records)"\n\n"Confidential Information - Do Not Distribute"\n"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved."\n`;
}

export const SALESFORCE_ROWS: string[][] = [
  ['0065g00000AbCdEAA1', 'Globex – Expansion', 'Closed Won', '$40,000.00', '3/7/2026', '1/15/2026', 'Sam Seller', 'Web', '1', '1'],
  ['0065g00000AbCdFAA1', 'Initech, Upgrade', 'Negotiation/Review', '$15,250.50', '4/30/2026', '2/2/2026', 'Rae Rep', 'Partner Referral', '0', '0'],
];

/** A file from another CRM: its own column names, which nothing recognises. */
export const CUSTOM_HEADER = ['Deal Ref', 'Title', 'Phase', 'Value (USD)', 'Won On', 'Opened On', 'Rep'];
export function customCsv(rows: string[][]): string {
  return `${[line(CUSTOM_HEADER), ...rows.map(line)].join('\n')}\n`;
}
export const CUSTOM_MAPPING = { externalId: 'Deal Ref', name: 'Title', stage: 'Phase', amount: 'Value (USD)', closeDate: 'Won On', createdDate: 'Opened On', owner: 'Rep' };

/** Uploads a file as the browser does: the raw bytes as the body, its name in the query. */
export function upload(by: Client, filename: string, content: string | Buffer, contentType = 'text/csv'): Promise<ApiResponse<ImportView>> {
  return by.request<ImportView>('POST', `/api/v1/deals/imports?filename=${encodeURIComponent(filename)}`, { rawBody: content, headers: { 'content-type': contentType } });
}

const STILL = new Set(['uploading', 'validating', 'importing']);

/** Polls the import as the browser does until it is no longer being worked on. */
export async function settle(by: Client, id: string, timeoutMs = 20_000): Promise<ImportView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const now = expectStatus(await by.get<ImportView>(`/api/v1/deals/imports/${id}`), 200);
    if (!STILL.has(now.status)) return now;
    if (Date.now() > until) throw new Error(`import ${id} still ${now.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Uploads and waits for the check: the import as it stands once validated (or needing a mapping, or failed). */
export async function uploadAndCheck(by: Client, filename: string, content: string | Buffer): Promise<ImportView> {
  const started = expectStatus(await upload(by, filename, content), 202);
  expect(['validating', 'validated', 'needs_mapping']).toContain(started.status);
  return settle(by, started.id);
}

/** Commits and waits until the rows are written. */
export async function commitAndWait(by: Client, id: string, mode: 'all_or_nothing' | 'valid_rows' = 'valid_rows'): Promise<ImportView> {
  expectStatus(await by.post<ImportView>(`/api/v1/deals/imports/${id}/commit`, { mode }), 202);
  return settle(by, id);
}

/** The files left in the uploads directory (an import's file lives until it ends). */
export function filesIn(t: TestApp): string[] {
  try {
    return readdirSync(join(t.config.uploadsDir, 'deal-imports'));
  } catch {
    return [];
  }
}

export async function dealsOf(t: TestApp, workspaceId: string) {
  return t.db.kysely.selectFrom('deals').selectAll().where('workspace_id', '=', workspaceId).orderBy('external_id').execute();
}

/** The import's file is removed just after its import ends (the engine marks it done, then its runner removes it). */
export async function expectFileGone(t: TestApp, id: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (filesIn(t).includes(`${id}.csv`) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  expect(filesIn(t)).not.toContain(`${id}.csv`);
}
