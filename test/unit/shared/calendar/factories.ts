// Workspace calendar settings for the calendar's tests and the rooms' tests that need periods.
import type { PeriodOptions } from '../../../../src/shared/calendar/index.js';

export const NEW_YORK: PeriodOptions = { timeZone: 'America/New_York', weekStart: 1, fiscalYearStartMonth: 1 };
export const TOKYO: PeriodOptions = { timeZone: 'Asia/Tokyo', weekStart: 1, fiscalYearStartMonth: 1 };
