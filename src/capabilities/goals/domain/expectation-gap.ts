// The expectation gap (SPEC S1 "Expectations"): what members expect the other team's top priorities
// to be, against that team's published top three.
// - An item is its catalog kind when it gives a known kind id, or when its free text clearly names
//   one (matchKpiKind); otherwise it stays free text, grouped by its normalised wording.
// - An item is in the top three when the top three holds its kind, or a KPI whose normalised name is the
//   same words (a team's own name for its KPI, "Event meetings").
// - Free text that names no kind and no top-three KPI is *not matched to a KPI*: nobody can say whether it is
//   worked on until someone chooses the kind it means, so it is neither met nor a gap.
// - Holders are distinct members: naming the same thing twice counts once.
// - Rows are sorted by holders (most first), then gaps, those not matched to a KPI, met ones, then label.
// - Everything is counted in *held expectations*: one member's one priority (member × distinct item). The
//   headline share and the lists count the same thing: shareMet = held met ÷ held matched (met + gaps).
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
  const what = row.matched ? row.label : `“${row.label}”`;
  const who = `${row.holders} of ${row.teamSize} ${row.holderTeam} ${row.teamSize === 1 ? 'member' : 'members'} ${verb} ${what} from ${row.aboutTeam}`;
  if (!row.matched) return `${who} — not matched to a KPI yet; choose the KPI it means.`;
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

  const held = { met: 0, gaps: 0, unmatched: 0 };
  const rows: ExpectationGapRow[] = [...groups.values()].map((g) => {
    const top = input.topThree[g.aboutTeam];
    const byName = g.kindId === null && (top ?? []).some((t) => normalizeKpiText(t.name) === g.normalised);
    const inTopThree = top !== undefined && (byName || (g.kindId !== null && top.some((t) => t.kindId === g.kindId)));
    const matched = g.kindId !== null || byName;
    const holders = g.members.size;
    if (!matched) held.unmatched += holders;
    else if (inTopThree) held.met += holders;
    else held.gaps += holders;
    const base = {
      holderTeam: g.holderTeam,
      aboutTeam: g.aboutTeam,
      kindId: g.kindId,
      label: g.label,
      holders,
      // A team size below the holders is stale data; never print "7 of 5".
      teamSize: Math.max(input.teamSizes[g.holderTeam] ?? 0, holders),
      inTopThree,
      matched,
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
  const matchedHeld = held.met + held.gaps;
  return { rows, held, shareMet: matchedHeld === 0 ? null : held.met / matchedHeld };
}

const held = (n: number): string => `${n} ${n === 1 ? 'expectation' : 'expectations'} held`;

/**
 * The gap's headline, in the unit its lists use (held expectations): "8 of 17 expectations held are in the other
 * team's top three (47%); 3 more are not matched to a KPI yet." The same words on every page that shows it.
 */
export function expectationGapSummary(report: Pick<ExpectationGapReport, 'held' | 'shareMet'>): string {
  const { met, gaps, unmatched } = report.held;
  const matched = met + gaps;
  if (matched + unmatched === 0) return 'Nobody has said yet what they expect of the other team.';
  const waiting = unmatched === 0 ? '' : `${unmatched} ${matched === 0 ? '' : 'more '}${unmatched === 1 ? 'is' : 'are'} not matched to a KPI yet`;
  if (matched === 0) return `None of the ${held(unmatched)} is matched to a KPI yet: choose the KPI each one means.`;
  const share = `${Math.round((report.shareMet ?? 0) * 100)}%`;
  return `${met} of ${held(matched)} ${matched === 1 ? 'is' : 'are'} in the other team's top three (${share})${waiting ? `; ${waiting}` : ''}.`;
}
