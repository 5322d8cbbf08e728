// Whether a team's latest publication is fresh (SPEC S1: "a team whose latest publication is older
// than 90 days is stale"; S6 counts only fresh top threes). Exactly 90 days old is still fresh.
import { instantMs, type Instant } from '../../../shared/calendar/index.js';
import type { PublicationFreshness } from './types.js';

export const STALE_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

export function publicationFreshness(latestPublishedAt: Instant | null, now: Instant, staleAfterDays = STALE_AFTER_DAYS): PublicationFreshness {
  if (latestPublishedAt === null) return { state: 'unpublished', ageDays: null };
  const ageMs = instantMs(now) - instantMs(latestPublishedAt);
  return {
    state: ageMs > staleAfterDays * DAY_MS ? 'stale' : 'fresh',
    ageDays: Math.max(0, Math.floor(ageMs / DAY_MS)),
  };
}
