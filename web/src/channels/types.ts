// The channels room's API shapes, inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  ChannelCreateInput as ChannelCreateInputSchema,
  ChannelPatchInput as ChannelPatchInputSchema,
  ChannelView as ChannelViewSchema,
  DeliveryView as DeliveryViewSchema,
  TestResultView as TestResultViewSchema,
} from '../../../src/capabilities/channels/schemas.js';
import type { OutboundEventKind } from '../../../src/server/outbound/announce.js';

export type ChannelView = z.infer<typeof ChannelViewSchema>;
export type ChannelKind = ChannelView['kind'];
export type ChannelCreateInput = z.input<typeof ChannelCreateInputSchema>;
export type ChannelPatchInput = z.input<typeof ChannelPatchInputSchema>;
export type DeliveryView = z.infer<typeof DeliveryViewSchema>;
export type TestResultView = z.infer<typeof TestResultViewSchema>;
export type { OutboundEventKind };

/** The events a channel can take, in the order settings list them, with the words the page shows. */
export const EVENT_CHOICES: Array<{ value: OutboundEventKind; label: string; description: string }> = [
  { value: 'wins', label: 'Wins', description: 'Each win posted or confirmed; collaborative ones highlighted' },
  { value: 'kpi_publications', label: 'KPI publications', description: 'A team publishing its top three' },
  { value: 'missed_checkins', label: 'Missed check-ins', description: 'A weekly check-in that was not held' },
  { value: 'weekly_digest', label: 'Weekly digest', description: 'The week in wins and disconnects' },
  { value: 'shadow_days', label: 'Shadow days', description: 'Invites and reminders' },
];

export const KIND_LABELS: Record<ChannelKind, string> = { slack: 'Slack', teams: 'Microsoft Teams', email: 'Email (SMTP)' };
