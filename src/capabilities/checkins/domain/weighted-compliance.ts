// Compliance with recent weeks weighing more, for the alignment score's cadence part (SPEC S6:
// "check-ins held with quorum over the last 12 weeks (recent weeks weigh more)").
// Weights fall linearly: the most recent decided check-in weighs 12, the one before 11, … the 12th
// back 1 (so the latest counts as much as the oldest four together, and a team that starts holding
// its check-in climbs quickly). With fewer than 12 decided, the ones there are keep their weights
// (12, 11, …) and the score is normalised over them; none gives null.
import type { Instant } from '../../../shared/calendar/index.js';
import { COMPLIANCE_WINDOW, decidedCheckins } from './checkin-compliance.js';
import type { CheckinMeeting, WeightedCompliance } from './types.js';

export function weightedCompliance(meetings: readonly CheckinMeeting[], now: Instant, window = COMPLIANCE_WINDOW): WeightedCompliance {
  const decided = decidedCheckins(meetings, now, window);
  const weights = decided.map((_, i) => window - i);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) return { score: null, weights };
  const heldWeight = decided.reduce((sum, d, i) => sum + (d.held ? (weights[i] ?? 0) : 0), 0);
  return { score: heldWeight / total, weights };
}
