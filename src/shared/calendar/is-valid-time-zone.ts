// Time-zone validation (SPEC S0: workspace and member time zones are IANA names). A zone is valid exactly when
// the calendar can compute in it, so a saved zone can never fail later.
import { zoneOf } from './zone-of.js';

export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || !tz || tz.length > 64) return false;
  try {
    zoneOf(tz);
    return true;
  } catch {
    return false;
  }
}
