// When a win is collaborative (SPEC S5): "when the people credited span both teams". Sales and marketing are the two
// teams; leadership counts as neither, so a CRO and a rep is a sales win, and a CRO alone is a win of no team.
export type Team = 'sales' | 'marketing' | 'leadership';

export interface Collaboration {
  collaborative: boolean;
  /** The teams credited, sales first. */
  teams: Array<'sales' | 'marketing'>;
}

export function collaborationOf(creditedTeams: Iterable<Team>): Collaboration {
  const seen = new Set(creditedTeams);
  const teams = (['sales', 'marketing'] as const).filter((t) => seen.has(t));
  return { collaborative: teams.length === 2, teams };
}
