// A readable diff between two publications of a team's top three (SPEC S1 "Publication … with a diff
// against the previous one"). KPIs are matched by id across publications. A KPI that left at the
// same rank another one entered reads as one replacement ("Lead response time replaced MQLs at #3");
// other arrivals and departures read as added / removed. For a KPI in both: rank moves, renames,
// target (value or period), how it is measured (definition, kind or unit), data source, comp and
// shared changes, each as one sentence with values formatted by unit. The first publication (no
// previous one) lists every KPI as added. Changes come in rank order of the new top three, then
// removals in their old rank order.
import type { PeriodKind } from '../../../shared/calendar/index.js';
import { formatKpiValue } from './format-kpi-value.js';
import type { PublicationChange, PublicationSnapshot, PublishedKpi } from './types.js';

const PER: Record<PeriodKind, string> = { week: 'a week', month: 'a month', quarter: 'a quarter' };

function pct(n: number | null): string {
  return n === null ? 'unset' : `${Math.round(n * 10) / 10}%`;
}

const SOURCE_WORDS: Record<PublishedKpi['dataSource'], string> = {
  manual: 'manual entry',
  csv: 'CSV import',
  webhook: 'webhook',
  deals: 'computed from deals',
};

/** "is" or "are" for a KPI name: plural names end in a plain "s" ("MQLs", "Bookings"). */
function isAre(name: string): string {
  const last = name.trim().split(/\s+/).pop() ?? '';
  return /[^s]s$/i.test(last) && last.length > 2 ? 'are' : 'is';
}

function targetText(k: PublishedKpi, currency: string): string {
  return `${formatKpiValue(k.target, k.unit, currency)} ${PER[k.targetPeriod]}`;
}

function compareKpi(a: PublishedKpi, b: PublishedKpi, aCurrency: string, bCurrency: string): PublicationChange[] {
  const out: PublicationChange[] = [];
  const id = b.kpiId;
  const name = b.name;
  if (a.rank !== b.rank) out.push({ type: 'moved', kpiId: id, message: `${name} moved from #${a.rank} to #${b.rank}` });
  if (a.name !== b.name) out.push({ type: 'renamed', kpiId: id, message: `${a.name} ${isAre(a.name)} now called ${b.name}` });

  const measuredChanged = a.measurement !== b.measurement || a.kindId !== b.kindId || a.unit !== b.unit || a.direction !== b.direction;
  if (measuredChanged) out.push({ type: 'measurement_changed', kpiId: id, message: `How ${name} ${isAre(name)} measured changed` });

  const periodChanged = a.targetPeriod !== b.targetPeriod;
  const valueChanged = a.target !== b.target || (a.unit === 'currency' && aCurrency !== bCurrency);
  if (periodChanged || valueChanged) {
    let message: string;
    if (a.target === null) message = `Target for ${name} set to ${targetText(b, bCurrency)}`;
    else if (b.target === null) message = `Target for ${name} removed (was ${targetText(a, aCurrency)})`;
    else if (!periodChanged && a.unit === b.unit && aCurrency === bCurrency) {
      const verb = b.target > a.target ? 'raised' : 'lowered';
      message = `Target for ${name} ${verb} from ${formatKpiValue(a.target, a.unit, aCurrency)} to ${formatKpiValue(b.target, b.unit, bCurrency)}`;
    } else message = `Target for ${name} changed from ${targetText(a, aCurrency)} to ${targetText(b, bCurrency)}`;
    out.push({ type: 'target_changed', kpiId: id, message });
  }

  if (a.dataSource !== b.dataSource) {
    out.push({ type: 'data_source_changed', kpiId: id, message: `Data source for ${name} changed from ${SOURCE_WORDS[a.dataSource]} to ${SOURCE_WORDS[b.dataSource]}` });
  }

  if (!a.compensated && b.compensated) {
    out.push({ type: 'now_compensated', kpiId: id, message: `${name} ${isAre(name)} now compensated${b.compWeight !== null ? ` (weight ${pct(b.compWeight)})` : ''}` });
  } else if (a.compensated && !b.compensated) {
    out.push({ type: 'no_longer_compensated', kpiId: id, message: `${name} ${isAre(name)} no longer compensated` });
  } else if (a.compensated && b.compensated && a.compWeight !== b.compWeight) {
    out.push({ type: 'comp_weight_changed', kpiId: id, message: `Comp weight for ${name} changed from ${pct(a.compWeight)} to ${pct(b.compWeight)}` });
  }

  if (!a.shared && b.shared) out.push({ type: 'now_shared', kpiId: id, message: `${name} ${isAre(name)} now a shared KPI` });
  else if (a.shared && !b.shared) out.push({ type: 'no_longer_shared', kpiId: id, message: `${name} ${isAre(name)} no longer a shared KPI` });
  return out;
}

export function diffPublications(previous: PublicationSnapshot | null, next: PublicationSnapshot): PublicationChange[] {
  const before = previous?.items ?? [];
  const prevCurrency = previous?.currency ?? next.currency;
  const beforeById = new Map(before.map((k) => [k.kpiId, k]));
  const afterIds = new Set(next.items.map((k) => k.kpiId));
  const removed = before.filter((k) => !afterIds.has(k.kpiId)).sort((a, b) => a.rank - b.rank);
  const replacedRanks = new Set<number>();
  const changes: PublicationChange[] = [];

  for (const k of [...next.items].sort((a, b) => a.rank - b.rank)) {
    const old = beforeById.get(k.kpiId);
    if (old) {
      changes.push(...compareKpi(old, k, prevCurrency, next.currency));
      continue;
    }
    const displaced = removed.find((r) => r.rank === k.rank);
    if (displaced) {
      replacedRanks.add(displaced.rank);
      changes.push({ type: 'replaced', kpiId: k.kpiId, message: `${k.name} replaced ${displaced.name} at #${k.rank}` });
    } else {
      changes.push({ type: 'added', kpiId: k.kpiId, message: `${k.name} added at #${k.rank}` });
    }
  }
  for (const r of removed) {
    if (!replacedRanks.has(r.rank)) changes.push({ type: 'removed', kpiId: r.kpiId, message: `${r.name} left the top three (was #${r.rank})` });
  }
  return changes;
}
