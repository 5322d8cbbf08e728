// The Deals API's shapes (SPEC S7), inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  DealCitedByView as DealCitedByViewSchema,
  DealDetailView as DealDetailViewSchema,
  DealFacetsView as DealFacetsViewSchema,
  DealSettingsChangedView as DealSettingsChangedViewSchema,
  DealSettingsView as DealSettingsViewSchema,
  DealSourcesView as DealSourcesViewSchema,
  DealStatus as DealStatusSchema,
  DealSummaryView as DealSummaryViewSchema,
  DealView as DealViewSchema,
} from '../../../src/capabilities/deals/schemas.js';

export type DealView = z.infer<typeof DealViewSchema>;
export type DealDetailView = z.infer<typeof DealDetailViewSchema>;
/** What cites a deal (its evidence, and wins once the wins room is built), as GET /deals/:id answers it. */
export type DealCitedBy = z.infer<typeof DealCitedByViewSchema>;
export type DealFacetsView = z.infer<typeof DealFacetsViewSchema>;
export type DealSettingsView = z.infer<typeof DealSettingsViewSchema>;
export type DealSettingsChangedView = z.infer<typeof DealSettingsChangedViewSchema>;
export type DealSourcesView = z.infer<typeof DealSourcesViewSchema>;
export type DealSummaryView = z.infer<typeof DealSummaryViewSchema>;
export type DealStatus = z.infer<typeof DealStatusSchema>;

/** The Deals view's filters as the page keeps them (and as the list and the CSV take them). */
export interface DealFilterState {
  q: string;
  stage: string[];
  owner: string | null;
  source: string | null;
  status: DealStatus | null;
  marketingSourced: 'true' | 'false' | null;
  closedIn: string | null;
  /** Dollars as typed; sent as cents. */
  amountMin: number | null;
  amountMax: number | null;
}

export const NO_FILTERS: DealFilterState = { q: '', stage: [], owner: null, source: null, status: null, marketingSourced: null, closedIn: null, amountMin: null, amountMax: null };
