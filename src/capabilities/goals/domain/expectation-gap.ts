// The expectation gap (SPEC S1 "Expectations"): what members expect the other team's top priorities
// to be, against that team's published top three.
// - An item is its catalog kind when it gives a known kind id, or when its free text clearly names
//   one (matchKpiKind); otherwise it stays free text, grouped by its normalised wording.
// - An item is in the top three when the top three holds its kind, or (for free text) a KPI whose
//   normalised name is the same words.
// - Holders are distinct members: naming the same thing twice counts once.
// - Rows are sorted by holders (most first), then gaps before met ones, then label.
// - shareMet = held items (member × distinct item) the top three meets ÷ all held items.
// Members of leadership hold no expectations unless they say which team they are about.
import { catalogKind, kpiCatalog } from './kpi-catalog.js';
import { matchKpiKind } from './match-kpi-kind.js';
import { normalizeKpiText } from './normalize-kpi-text.js';
import { otherTeam, teamPossessive } from './other-team.js';
import type { ExpectationGapReport, ExpectationGapRow, KpiKind, MemberExpectation, Team, TopThreeItem } from './types.js';

export interface ExpectationGapInput {
  expectations: readonly MemberExpectation[];
  /** Each team's latest published top three; a team missing here has not published. */
  topThree: Partial<Record<Team, readonly TopThreeItem[]>>;
  teamSizes: Partial<Record<Team, number>>;
  catalog?: readonly KpiKind[];
}

interface Group {
  holderTeam: Team;
  aboutTeam: Team;
  kindId: string | null;
  normalised: string;
  label: string;
  members: Set<string>;
}

function sentence(row: Omit<ExpectationGapRow, 'sentence'>, published: boolean): string {
  const verb = row.holders === 1 ? 'expects' : 'expect';
  const who = `${row.holders} of ${row.teamSize} ${row.holderTeam} ${row.teamSize === 1 ? 'member' : 'members'} ${verb} ${row.label} from ${row.aboutTeam}`;
  if (!published) return `${who} — ${row.aboutTeam} has not published its top three, so nobody knows whether it is being worked on.`;
  if (row.inTopThree) return `${who} — it is in ${teamPossessive(row.aboutTeam)} top three.`;
  return `${who} — it is not in ${teamPossessive(row.aboutTeam)} top three, so it is not being worked on.`;
}

export function expectationGap(input: ExpectationGapInput): ExpectationGapReport {
  const catalog = input.catalog ?? kpiCatalog;
  const groups = new Map<string, Group>();
  // Members often write the same words: each distinct text is matched against the catalog once per report.
  const kindOfText = new Map<string, string | null>();
  const matchText = (text: string): string | null => {
    let kind = kindOfText.get(text);
    if (kind === undefined) kindOfText.set(text, (kind = matchKpiKind(text, catalog)));
    return kind;
  };

  for (const e of input.expectations) {
    const about = e.aboutTeam ?? otherTeam(e.team);
    if (about === null || about === e.team) continue;
    for (const item of e.items) {
      const text = item.text?.trim() ?? '';
      let kindId: string | null = null;
      if (item.kindId && catalogKind(item.kindId, catalog)) kindId = item.kindId;
      else if (text) kindId = matchText(text);
      const normalised = kindId ? '' : normalizeKpiText(text);
      if (!kindId && !normalised) continue; // an empty item says nothing
      const key = `${e.team}|${about}|${kindId ? `kind:${kindId}` : `text:${normalised}`}`;
      let g = groups.get(key);
      if (!g) {
        g = { holderTeam: e.team, aboutTeam: about, kindId, normalised, label: kindId ? (catalogKind(kindId, catalog)?.name ?? kindId) : text, members: new Set() };
        groups.set(key, g);
      }
      g.members.add(e.memberId);
    }
  }

  let held = 0;
  let met = 0;
  const rows: ExpectationGapRow[] = [...groups.values()].map((g) => {
    const top = input.topThree[g.aboutTeam];
    const inTopThree =
      top !== undefined &&
      top.some((t) => (g.kindId !== null ? t.kindId === g.kindId : t.kindId === null && normalizeKpiText(t.name) === g.normalised));
    const holders = g.members.size;
    held += holders;
    if (inTopThree) met += holders;
    const base = {
      holderTeam: g.holderTeam,
      aboutTeam: g.aboutTeam,
      kindId: g.kindId,
      label: g.label,
      holders,
      // A team size below the holders is stale data; never print "7 of 5".
      teamSize: Math.max(input.teamSizes[g.holderTeam] ?? 0, holders),
      inTopThree,
    };
    return { ...base, sentence: sentence(base, top !== undefined) };
  });

  rows.sort(
    (a, b) =>
      b.holders - a.holders ||
      Number(a.inTopThree) - Number(b.inTopThree) ||
      a.label.localeCompare(b.label) ||
      a.holderTeam.localeCompare(b.holderTeam),
  );
  return { rows, shareMet: held === 0 ? null : met / held };
}
