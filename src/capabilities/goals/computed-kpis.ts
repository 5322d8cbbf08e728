// KPIs whose values are computed from deals (data source 'deals', decisions 033 and 039): what the goals room
// refuses for them and when it asks the deals room to compute them. Pure rules; the routes call them.
import { isDealKpiKind } from '../deals/index.js';
import type { KpiKind } from './domain/index.js';

type KpiFacts = { name: string; kind: string; period: string; data_source: string };

/**
 * Why a value may not be typed into this KPI, or null when it may: a 'deals' KPI's values come from the deals, and
 * the next recompute would replace a typed one. A 'deals' KPI of a kind the deals do not measure (made before that
 * was refused) is still refused, as the workspace CSV and the webhook refuse it: its way out is another data source.
 */
export function typedValueRefusal(kpi: KpiFacts): string | null {
  if (kpi.data_source !== 'deals') return null;
  return isDealKpiKind(kpi.kind)
    ? `'${kpi.name}' is computed from deals: import deals to update it, or change its data source to enter values by hand.`
    : `'${kpi.name}' is set to be computed from deals, but the deals do not measure its kind: change its data source to enter values by hand.`;
}

/**
 * Why the KPI may not be (or become) computed from deals, or null. Asked only when the data source or the kind is
 * being set, so an older 'deals' KPI of such a kind can still be renamed or retargeted.
 */
export function dealsSourceProblem(kpi: KpiFacts, kind: KpiKind | undefined, catalog: readonly KpiKind[]): string | null {
  if (kpi.data_source !== 'deals' || isDealKpiKind(kpi.kind)) return null;
  const measured = catalog.filter((c) => isDealKpiKind(c.id)).map((c) => c.name.toLowerCase());
  return `The deals do not measure ${kind?.name ?? kpi.kind}, so '${kpi.name}' cannot be computed from deals: pick another data source. The deals compute ${measured.join(', ')}.`;
}

/**
 * Whether the KPI's values must be computed now: it is new and computed from deals, or a change made it computed
 * (from another data source) or changed what or per what period it computes. A KPI that stops being computed keeps
 * its values (history); nothing is recomputed for it.
 */
export function computesAfterChange(before: KpiFacts | null, after: KpiFacts): boolean {
  if (after.data_source !== 'deals' || !isDealKpiKind(after.kind)) return false;
  return before === null || before.data_source !== 'deals' || before.kind !== after.kind || before.period !== after.period;
}
