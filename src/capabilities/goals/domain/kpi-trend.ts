// A KPI's status over its last n periods, oldest first (SPEC S1 "Trend over the last 12 periods").
// Each period is judged as projectKpiStatus would at `now`: past periods are closed (final), the
// current one is projected.
import { lastPeriods, type Instant, type PeriodKind, type PeriodOptions } from '../../../shared/calendar/index.js';
import { projectKpiStatus } from './project-kpi-status.js';
import type { KpiAggregation, KpiDirection, KpiTrendPoint, KpiUnit, KpiValuePoint } from './types.js';

export interface KpiTrendInput {
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation?: KpiAggregation;
  target: number | null;
  targetPeriod: PeriodKind;
  values: readonly KpiValuePoint[];
  now: Instant;
  options: PeriodOptions;
  /** How many periods; 12 by default. */
  count?: number;
  currency?: string;
}

export function kpiTrend(input: KpiTrendInput): KpiTrendPoint[] {
  return lastPeriods(input.count ?? 12, input.targetPeriod, input.now, input.options).map((period) => ({
    period,
    result: projectKpiStatus({
      unit: input.unit,
      direction: input.direction,
      aggregation: input.aggregation,
      target: input.target,
      values: input.values,
      period,
      now: input.now,
      currency: input.currency,
    }),
  }));
}
