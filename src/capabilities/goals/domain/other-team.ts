// Sales and marketing look at each other (SPEC S1: "each team should know the other team's top three").
import type { Team } from './types.js';

/** The team a team's expectations and quiz answers are about; leadership has none by default. */
export function otherTeam(team: Team): Team | null {
  if (team === 'sales') return 'marketing';
  if (team === 'marketing') return 'sales';
  return null;
}

/** "marketing's", "sales'" — for sentences about a team's top three or pay plan. */
export function teamPossessive(team: Team): string {
  return team.endsWith('s') ? `${team}'` : `${team}'s`;
}
