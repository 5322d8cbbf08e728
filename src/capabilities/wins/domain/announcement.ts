// How a win reads in Slack, Teams and email (issue 13): one line, a few plain sentences, the people credited and
// the day; a collaborative win says "sales and marketing together" and is highlighted (accent 'celebrate').
import type { WinKind } from '../../../shared/contracts/win-candidates.js';
import { collaborationOf, type Team } from './collaboration.js';

export const KIND_WORDS: Record<WinKind, string> = {
  deal_won: 'Deal won',
  campaign_launched: 'Campaign launched',
  kpi_target_hit: 'KPI target hit',
  content_helped_sales: 'Content that helped sales',
  milestone: 'Milestone',
  other: 'Win',
};

/** "Ana, Ben and Chloé". */
export function namesInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

const DAY = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

export function winAnnouncement(win: { id: string; kind: WinKind; title: string; story: string; wonOn: string; credited: ReadonlyArray<{ name: string; team: Team }> }) {
  const { collaborative, teams } = collaborationOf(win.credited.map((c) => c.team));
  const names = namesInWords(win.credited.map((c) => c.name));
  const together = collaborative ? ' — sales and marketing together' : '';
  const teamWords = teams.length === 0 ? null : teams.map((t) => (t === 'sales' ? 'Sales' : 'Marketing')).join(' and ');
  return {
    title: `${win.title}${together}`,
    text: win.story.trim() !== '' ? win.story.trim() : `${KIND_WORDS[win.kind]}, credited to ${names}.`,
    fields: [
      { label: 'Credited', value: names },
      ...(teamWords ? [{ label: collaborative ? 'Teams' : 'Team', value: teamWords }] : []),
      { label: 'Kind', value: KIND_WORDS[win.kind] },
      { label: 'Date', value: DAY.format(new Date(`${win.wonOn}T12:00:00Z`)) },
    ],
    link: `/wins/${win.id}`,
    linkLabel: 'Open the win',
    accent: collaborative ? ('celebrate' as const) : ('info' as const),
  };
}
