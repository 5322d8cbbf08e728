// Milliseconds since the epoch of an instant (../shared/SPEC.md S1 values, S2 meetings and action items:
// instants are ISO-8601 strings or Date, as docs/ARCHITECTURE.md "Data rules" stores them). Date.parse
// reads the ISO-8601 forms the API stores and accepts.
import type { Instant } from './types.js';

/** Milliseconds since the epoch of an instant; throws on an unreadable one. */
export function instantMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`"${String(instant)}" is not a valid instant.`);
  return ms;
}
