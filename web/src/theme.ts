// One theme for the whole app: indigo for the product, a fixed color per team (sales, marketing, leadership).
import { createTheme, darken, type CSSVariablesResolver, type MantineColor } from '@mantine/core';
import type { Team } from './api/types.js';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 in light mode: white on indigo-6 is 4.4:1, under WCAG AA for button labels; indigo-7 is 5:1.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  respectReducedMotion: true,
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Anchor: { defaultProps: { underline: 'always' } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    // Mantine's initial-focus placeholder is a focusable role="presentation" div inside role="menu", which axe reads as a
    // child a menu may not have (aria-required-children, critical); without it focus goes to the first item.
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } },
    // A <header> in a dialog reads as a second page banner to assistive tech (axe: landmark-no-duplicate-banner).
    ModalHeader: { defaultProps: { component: 'div' } },
    // Not "Toggle password visibility": a field's label should match only the field (getByLabel('Password') in tests, and
    // screen-reader label lists).
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { 'aria-label': 'Show or hide characters' } } },
  },
});

/**
 * Contrast for WCAG AA (4.5:1): Mantine's dimmed grays and error red are under it against the page, and so is the text of "light"
 * badges, avatars and nav links in light mode on their hover shade for the brighter hues (teal, yellow, orange…).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const light: Record<string, string> = { '--mantine-color-dimmed': '#5f6670', '--mantine-color-error': 'var(--mantine-color-red-9)' };
  for (const [name, shades] of Object.entries(t.colors)) {
    if (shades[9]) light[`--mantine-color-${name}-light-color`] = darken(shades[9], 0.3);
    // Outline badges and buttons draw their label in the outline color: shade 6 of green is 2.7:1 on white.
    if (shades[9]) light[`--mantine-color-${name}-outline`] = darken(shades[9], 0.3);
  }
  return { variables: {}, light, dark: { '--mantine-color-dimmed': '#a3a3a3', '--mantine-color-error': 'var(--mantine-color-red-5)' } };
};

export const TEAM_COLOR: Record<Team, MantineColor> = { sales: 'blue', marketing: 'grape', leadership: 'teal' };
export const TEAM_LABEL: Record<Team, string> = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' };
export const TEAMS: Team[] = ['sales', 'marketing', 'leadership'];
