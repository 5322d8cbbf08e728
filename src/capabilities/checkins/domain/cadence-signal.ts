// The cadence part of the alignment score (SPEC S6 "Cadence": "check-ins held with quorum over the last 12
// weeks (recent weeks weigh more)"). The score is the weighted compliance (weighted-compliance.ts); the
// sentence is the plain compliance (checkin-compliance.ts). No series, or nothing decided yet: null.
import type { AlignmentSignal } from '../../../shared/contracts/alignment-signals.js';
import type { Instant } from '../../../shared/calendar/index.js';
import { checkinCompliance } from './checkin-compliance.js';
import type { CheckinMeeting } from './types.js';
import { weightedCompliance } from './weighted-compliance.js';

export function cadenceSignal(series: { meetings: readonly CheckinMeeting[] } | null, now: Instant): AlignmentSignal {
  const base = { key: 'checkins.compliance', strategy: 'checkins' as const, label: 'Weekly check-in held with quorum' };
  if (!series) {
    return { ...base, score: null, detail: 'No weekly check-in is set up yet.', nextStep: { text: 'Set up the weekly check-in', href: '/checkins' } };
  }
  const compliance = checkinCompliance(series.meetings, now);
  const { score } = weightedCompliance(series.meetings, now);
  if (score === null) {
    return { ...base, score: null, detail: compliance.summary, nextStep: { text: 'Hold the first check-in with quorum and mark it held', href: '/checkins' } };
  }
  const weighted = compliance.share !== null && Math.round(compliance.share * 100) !== Math.round(score * 100) ? ` Weighted toward recent weeks: ${Math.round(score * 100)}%.` : '';
  return {
    ...base,
    score,
    detail: `${compliance.summary}${weighted}`,
    nextStep: score < 1 ? { text: 'Hold the next check-in with quorum and mark it held', href: '/checkins' } : null,
  };
}
