// What every channel's formatter shares about an announced event (the event itself: announce.ts).
import type { OutboundEventKind } from './announce.js';

/** Every event kind a channel can subscribe to, in the order settings list them. */
export const OUTBOUND_EVENT_KINDS: readonly OutboundEventKind[] = ['wins', 'kpi_publications', 'missed_checkins', 'weekly_digest', 'shadow_days'];

/** The words each accent shows as, the same in every channel. */
export const ACCENT_LINES: Record<'celebrate' | 'warning', string> = {
  celebrate: '🤝 Sales and marketing together',
  warning: '⚠️ Needs attention',
};

export const DEFAULT_LINK_LABEL = 'Open in Lockstep';
/** At most this many fields are shown (more would not read as a message any more). */
export const MAX_FIELDS = 10;
