// Small builders for goals domain tests.
import type { Kpi, PublicationSnapshot, PublishedKpi } from '../../../src/capabilities/goals/domain/index.js';

export function kpi(overrides: Partial<Kpi> & Pick<Kpi, 'id'>): Kpi {
  return {
    team: 'sales',
    name: overrides.id,
    kindId: null,
    unit: 'count',
    direction: 'higher',
    measurement: 'Counted from the CRM every Monday.',
    dataSource: 'manual',
    target: null,
    targetPeriod: 'month',
    baseline: null,
    compensated: false,
    compWeight: null,
    rank: null,
    shared: false,
    ...overrides,
  };
}

export function published(overrides: Partial<PublishedKpi> & Pick<PublishedKpi, 'kpiId' | 'rank'>): PublishedKpi {
  return {
    name: overrides.kpiId,
    kindId: null,
    unit: 'count',
    direction: 'higher',
    measurement: 'Counted from the CRM.',
    dataSource: 'manual',
    target: null,
    targetPeriod: 'month',
    compensated: false,
    compWeight: null,
    shared: false,
    ...overrides,
  };
}

export function snapshot(items: PublishedKpi[], overrides: Partial<PublicationSnapshot> = {}): PublicationSnapshot {
  return { team: 'sales', number: 1, publishedAt: '2026-11-01T10:00:00.000Z', currency: 'USD', items, ...overrides };
}
