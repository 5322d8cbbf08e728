// Matches free text to a catalog kind where it clearly names one (SPEC S1 expectations:
// "lead gen" → MQLs, "bookings" → revenue closed). Rule: an alias (or the kind's name or id) matches
// when its normalised tokens appear as a contiguous run in the text's tokens. A match inside a longer
// match is ignored ("lead" inside "lead response time"). If what remains names exactly one kind, that
// kind is the answer; if it names none or several ("pipeline and win rate"), the text stays free text.
import { kpiCatalog } from './kpi-catalog.js';
import { kpiTextTokens } from './normalize-kpi-text.js';
import type { KpiKind } from './types.js';

interface Hit {
  kindId: string;
  from: number;
  to: number; // exclusive
}

function occurrences(haystack: readonly string[], needle: readonly string[]): number[] {
  const at: number[] = [];
  if (needle.length === 0 || needle.length > haystack.length) return at;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) at.push(i);
  }
  return at;
}

/** The id of the one kind the text names, or null. */
export function matchKpiKind(text: string, catalog: readonly KpiKind[] = kpiCatalog): string | null {
  const tokens = kpiTextTokens(text);
  if (tokens.length === 0) return null;
  const hits: Hit[] = [];
  for (const kind of catalog) {
    for (const phrase of [kind.id.replace(/_/g, ' '), kind.name, ...kind.aliases]) {
      const needle = kpiTextTokens(phrase);
      for (const from of occurrences(tokens, needle)) hits.push({ kindId: kind.id, from, to: from + needle.length });
    }
  }
  const maximal = hits.filter(
    (h) => !hits.some((o) => o !== h && o.from <= h.from && o.to >= h.to && o.to - o.from > h.to - h.from),
  );
  const kinds = new Set(maximal.map((h) => h.kindId));
  if (kinds.size !== 1) return null;
  const [only] = kinds;
  return only ?? null;
}
