// SPEC S0: time zones are IANA names.
import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../../../src/shared/calendar/index.js';

describe('isValidTimeZone', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Argentina/Buenos_Aires'])('accepts %s', (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(['', 'Mars/Olympus_Mons', 'Europe/Berlinn', 'not a zone', 'x'.repeat(65)])('refuses %j', (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});
