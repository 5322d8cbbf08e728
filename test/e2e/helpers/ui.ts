// What several browser tests do the same way: pick from a Mantine Select, click and see the toast, and find a time
// zone in which a weekly check-in that started ten minutes ago falls on today's date (a new series starts today).
import type { Locator, Page } from 'playwright-core';

const WEEKDAY_CODE: Record<string, string> = { Mon: 'MO', Tue: 'TU', Wed: 'WE', Thu: 'TH', Fri: 'FR', Sat: 'SA', Sun: 'SU' };

/** The wall clock of an instant in a time zone. */
export function wallClock(at: Date, timeZone: string): { date: string; hour: number; time: string; weekday: string; weekdayLong: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = WEEKDAY_CODE[get('weekday')];
  if (!weekday) throw new Error(`Unknown weekday ${get('weekday')}`);
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    time: `${get('hour')}:${get('minute')}`,
    weekday,
    weekdayLong: new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long' }).format(at),
  };
}

/**
 * A time zone, weekday and start time such that this week's meeting started about ten minutes ago, today
 * (the series' start date defaults to today in its zone, so the meeting must fall on today's local date).
 * UTC unless it is near midnight there; then a fixed-offset zone where it is mid-morning or afternoon.
 */
export function meetingThatStartedTenMinutesAgo(now = new Date()) {
  const start = new Date(Math.floor((now.getTime() - 10 * 60_000) / 60_000) * 60_000);
  for (const timeZone of ['UTC', 'Etc/GMT-6', 'Etc/GMT+6']) {
    const wall = wallClock(now, timeZone);
    const began = wallClock(start, timeZone);
    // Between 01:00 and 22:59 the start is on today's date and the test ends long before tomorrow.
    if (wall.hour >= 1 && wall.hour <= 22 && began.date === wall.date) return { timeZone, start, ...began };
  }
  throw new Error('No time zone puts the meeting on today’s date');
}

/** Picks an option in a Mantine Select (a searchable one is typed into first); its list sits in a portal. */
export async function pick(page: Page, select: Locator, option: string | RegExp, search?: string): Promise<void> {
  await select.click();
  if (search !== undefined) await select.fill(search);
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
}

/** Clicks and sees the toast; the wait starts before the click, as toasts close by themselves. */
export async function clickAndToast(page: Page, button: Locator, message: string): Promise<void> {
  await Promise.all([page.getByRole('alert').filter({ hasText: message }).first().waitFor(), button.click()]);
}
