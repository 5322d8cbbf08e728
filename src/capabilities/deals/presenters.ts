// Deals rows as API views and CSV rows (issue 11). Money stays in cents in the API; the CSV gives amounts as a
// spreadsheet reads them (12345.67), with the currency in its own column.
import type { z } from 'zod';
import type { DealCitedByView, DealDetailView, DealView } from './schemas.js';
import type { DealRow } from './store.js';

/** The workspace's currency for totals: workspaces have one today (the goals room formats money in it too). */
export const WORKSPACE_CURRENCY = 'USD';

export function presentDeal(r: DealRow): DealView {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    stage: r.stage,
    status: r.status,
    amount: r.amount === null ? null : Number(r.amount),
    currency: r.currency,
    closeDate: r.close_date,
    createdDate: r.created_date,
    owner: { name: r.owner_name, memberId: r.owner_member_id, memberName: r.owner_member_id ? r.owner_member_name : null },
    pipeline: r.pipeline,
    source: r.source,
    marketingSourced: r.marketing_sourced === 1,
    winReason: r.win_reason,
    lossReason: r.loss_reason,
    origin: r.origin,
    updatedAt: r.updated_at,
  };
}

export function presentDealDetail(r: DealRow & { import_filename: string | null; import_finished_at: string | null }, citedBy: z.infer<typeof DealCitedByView>): z.infer<typeof DealDetailView> {
  return {
    ...presentDeal(r),
    citedBy,
    lastImport: r.last_import_id && r.import_filename !== null ? { id: r.last_import_id, filename: r.import_filename, finishedAt: r.import_finished_at } : null,
  };
}

/** Cents as an amount with two decimals and no grouping ("-1234.50"), exact for every integer number of cents. */
export function centsAsAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export const DEAL_CSV_HEADER = ['Deal name', 'CRM id', 'Stage', 'Status', 'Amount', 'Currency', 'Close date', 'Create date', 'Owner (as exported)', 'Owner (member)', 'Source', 'Marketing-sourced', 'Pipeline', 'Win reason', 'Loss reason'];

export function dealCsvCells(d: DealView): unknown[] {
  return [
    d.name,
    d.externalId,
    d.stage,
    d.status,
    d.amount === null ? '' : centsAsAmount(d.amount),
    d.currency ?? WORKSPACE_CURRENCY,
    d.closeDate ?? '',
    d.createdDate ?? '',
    d.owner.name ?? '',
    d.owner.memberName ?? '',
    d.source ?? '',
    d.marketingSourced ? 'yes' : 'no',
    d.pipeline ?? '',
    d.winReason ?? '',
    d.lossReason ?? '',
  ];
}
