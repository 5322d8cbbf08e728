// How wins read everywhere (SPEC S5): the kinds' names, the five reactions, the form's limits (the server's own
// constant), and the words a collaborative win carries — a badge that says "Sales × Marketing", never a colour alone.
import { EMOJI_GLYPH } from '../../../src/capabilities/wins/domain/reactions.js';
import type { Emoji, PersonTeam, WinKind, WinView } from './types.js';

export { WIN_LIMITS } from '../../../src/capabilities/wins/domain/limits.js';

export const KIND_LABEL: Record<WinKind, string> = {
  deal_won: 'Deal won',
  campaign_launched: 'Campaign launched',
  kpi_target_hit: 'KPI target hit',
  content_helped_sales: 'Content that helped sales',
  milestone: 'Milestone',
  other: 'Other',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABEL) as WinKind[]).map((value) => ({ value, label: KIND_LABEL[value] }));

/** Each reaction's glyph (the server's, which the messages sent out use too) and the name a screen reader says. */
const EMOJI_NAME: Record<Emoji, string> = { tada: 'Party popper', clap: 'Clapping hands', rocket: 'Rocket', heart: 'Heart', raised_hands: 'Raised hands' };
export const EMOJI_META = Object.fromEntries((Object.keys(EMOJI_NAME) as Emoji[]).map((e) => [e, { glyph: EMOJI_GLYPH[e], name: EMOJI_NAME[e] }])) as Record<Emoji, { glyph: string; name: string }>;

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
