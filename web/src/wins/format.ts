// How wins read everywhere (SPEC S5): the kinds' names, the five reactions, the form's limits (the server's), and the
// words a collaborative win carries — a badge that says "Sales × Marketing", never a colour alone.
import type { Emoji, PersonTeam, WinKind, WinView } from './types.js';

/** The server's limits (issue 13's contract): the form's maxLength and the credits picker's cap. */
export const WIN_LIMITS = { title: 160, story: 5000, comment: 2000, credits: 30 } as const;

export const KIND_LABEL: Record<WinKind, string> = {
  deal_won: 'Deal won',
  campaign_launched: 'Campaign launched',
  kpi_target_hit: 'KPI target hit',
  content_helped_sales: 'Content that helped sales',
  milestone: 'Milestone',
  other: 'Other',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABEL) as WinKind[]).map((value) => ({ value, label: KIND_LABEL[value] }));

/** Each reaction's glyph and the name a screen reader says. */
export const EMOJI_META: Record<Emoji, { glyph: string; name: string }> = {
  tada: { glyph: '🎉', name: 'Party popper' },
  clap: { glyph: '👏', name: 'Clapping hands' },
  rocket: { glyph: '🚀', name: 'Rocket' },
  heart: { glyph: '❤️', name: 'Heart' },
  raised_hands: { glyph: '🙌', name: 'Raised hands' },
};

export const PERSON_TEAM_LABEL: Record<PersonTeam, string> = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' };

/** "Sales", "Marketing", or "Sales × Marketing" for a collaborative win; "Leadership" when only leaders are credited. */
export function teamsLabel(win: Pick<WinView, 'collaborative' | 'teams' | 'credited'>): string {
  if (win.collaborative) return 'Sales × Marketing';
  const [team] = win.teams;
  if (team) return PERSON_TEAM_LABEL[team];
  return win.credited.some((p) => p.team === 'leadership') ? 'Leadership' : 'No team';
}

/** "Ana Ortiz, Sam Seller and 3 others". */
export function creditedNames(people: Array<{ name: string }>, shown = 3): string {
  const names = people.map((p) => p.name);
  if (names.length === 0) return 'nobody';
  if (names.length <= shown) return names.length === 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const rest = names.length - shown;
  return `${names.slice(0, shown).join(', ')} and ${rest} ${rest === 1 ? 'other' : 'others'}`;
}
