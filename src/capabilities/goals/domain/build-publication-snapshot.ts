// Freezes a team's top three into an immutable, numbered publication (SPEC S1 "Publication"): the
// ranked KPIs with their definitions, targets and comp, sorted by rank. It refuses an invalid top
// three (see validateTopThree), so a snapshot is always publishable.
import { validateTopThree } from './validate-top-three.js';
import type { Kpi, PublicationSnapshot, Team } from './types.js';

export function buildPublicationSnapshot(
  kpis: readonly Kpi[],
  meta: { team: Team; number: number; publishedAt: string | Date; currency: string },
): PublicationSnapshot {
  const own = kpis.filter((k) => k.team === meta.team);
  const check = validateTopThree(own, { team: meta.team, forPublication: true });
  if (!check.ok) throw new Error(check.problems.map((p) => p.message).join(' '));
  if (!Number.isInteger(meta.number) || meta.number < 1) throw new RangeError(`A publication number is a whole number from 1, not ${meta.number}.`);
  const publishedAt = meta.publishedAt instanceof Date ? meta.publishedAt.toISOString() : meta.publishedAt;
  return {
    team: meta.team,
    number: meta.number,
    publishedAt,
    currency: meta.currency,
    items: own
      .filter((k): k is Kpi & { rank: number } => k.rank !== null)
      .sort((a, b) => a.rank - b.rank)
      .map((k) => ({
        kpiId: k.id,
        rank: k.rank,
        name: k.name,
        kindId: k.kindId,
        unit: k.unit,
        direction: k.direction,
        measurement: k.measurement.trim(),
        dataSource: k.dataSource,
        target: k.target,
        targetPeriod: k.targetPeriod,
        // A weight only means something on a compensated KPI.
        compensated: k.compensated,
        compWeight: k.compensated ? k.compWeight : null,
        shared: k.shared,
      })),
  };
}
