// How the pain library words its numbers (issue 12): a win rate always with its interval, severities in words,
// months and amounts as people read them.
import { MONTHS } from '../shell/format.js';
import type { PainView } from './pain-types.js';

const pct = (x: number) => `${Math.round(x * 100)}`;

/** "67% (21–94%)": the rate and its Wilson 95% interval, so 2 of 3 never reads as certain. */
export function formatWinRate(w: PainView['evidence']['winRate']): string {
  if (!w) return '—';
  return `${pct(w.rate)}% (${pct(w.low)}–${pct(w.high)}%)`;
}

/** What the interval means, for a tooltip or a line under the figure. */
export function winRateHelp(e: PainView['evidence']): string {
  const decided = e.deals.won + e.deals.lost;
  if (!e.winRate) return 'No linked deal is won or lost yet.';
  return `${e.deals.won} won of ${decided} decided. With ${decided} deal${decided === 1 ? '' : 's'}, the true win rate is likely (95%) between ${pct(e.winRate.low)}% and ${pct(e.winRate.high)}%.`;
}

export const SEVERITY_LABEL: Record<number, string> = { 1: 'Mild', 2: 'Moderate', 3: 'Serious', 4: 'Severe', 5: 'Critical' };
export const SEVERITY_COLOR: Record<number, string> = { 1: 'gray', 2: 'blue', 3: 'yellow', 4: 'orange', 5: 'red' };

/** "Mar 2026" of "2026-03". */
export function formatMonth(month: string, short = true): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return `${short ? name.slice(0, 3) : name} ${month.slice(0, 4)}`;
}

export const DIRECTION_LABEL = { rising: 'Rising', falling: 'Falling', steady: 'Steady' } as const;
// Shade 9 for text: 4.5:1 on white (docs/UX.md, Accessibility).
/** Text colours that read in both colour schemes (dark shades on light, light shades on dark: axe's 4.5:1 either way). */
export const DANGER_TEXT = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))';
export const DIRECTION_COLOR = {
  rising: DANGER_TEXT,
  falling: 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))',
  steady: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))',
} as const;

export const OUTCOME_META = {
  won: { label: 'Won', color: 'green' },
  lost: { label: 'Lost', color: 'red' },
  open: { label: 'Open', color: 'blue' },
} as const;
