// Matches free text to a catalog kind where it clearly names one (SPEC S1 expectations: "lead gen" → MQLs,
// "bookings" → revenue closed, "follow-up speed on leads" → lead response time). The rules, in order:
// 1. Words are normalised (normalize-kpi-text.ts), then read for their meaning here: words that say the same thing
//    become one ("speed", "fast", "quickly", "within an hour" → time; "follow up", "respond", "call back" → response; "won" → win),
//    and filler words go ("more", "better", "our", "on"), so word order and phrasing matter less.
// 2. A phrase of a kind (its id, name, aliases) matches when all its words are in the text, in any order.
// 3. A match whose words all lie inside a bigger match is dropped ("lead" inside "lead response time").
// 4. Matches that share a word compete, and the one with the most words wins ("inbound leads" loses to "respond to
//    inbound leads quickly"); matches that share none name different things ("pipeline and win rate").
// 5. A kind's broad words ("lead", "pipeline", "revenue") name it only when they are all the text says: "leads"
//    is MQLs, "cost per lead" is not.
// If exactly one kind remains, it is the answer; if none or several, the text stays free text ("not matched to a
// KPI" until someone chooses one).
import { kpiCatalog } from './kpi-catalog.js';
import { kpiTextTokens } from './normalize-kpi-text.js';
import type { KpiKind } from './types.js';

/** Words (as normalised) that mean the same for matching, each phrase mapped to one concept word. */
const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
  ['follow up', 'response'],
  ['call back', 'response'],
  ['calling back', 'response'],
  ['callback', 'response'],
  ['get back to', 'response'],
  ['getting back to', 'response'],
  ['reach out', 'response'],
  ['reaching out', 'response'],
  ['respond', 'response'],
  ['responding', 'response'],
  ['responded', 'response'],
  ['responsiveness', 'response'],
  ['responsive', 'response'],
  ['reply', 'response'],
  ['replying', 'response'],
  ['contact', 'response'],
  ['contacting', 'response'],
  ['touch', 'response'],
  ['speed', 'time'],
  ['fast', 'time'],
  ['faster', 'time'],
  ['fastest', 'time'],
  ['quick', 'time'],
  ['quicker', 'time'],
  ['quickly', 'time'],
  ['slow', 'time'],
  ['slower', 'time'],
  ['timing', 'time'],
  ['delay', 'time'],
  ['latency', 'time'],
  ['sla', 'time'],
  ['how long', 'time'],
  ['hour', 'time'],
  ['minute', 'time'],
  ['closing', 'close'],
  ['closed', 'close'],
  ['won', 'win'],
  ['winning', 'win'],
  ['accepted', 'accept'],
  ['accepting', 'accept'],
  ['acceptance', 'accept'],
  ['generated', 'generation'],
  ['generating', 'generation'],
  ['gen', 'generation'],
  ['created', 'creation'],
  ['inquiry', 'lead'],
  ['enquiry', 'lead'],
  ['prospect', 'lead'],
];

/** Words that carry no meaning for which KPI is named ("more leads", "better lead quality", "our win rate"). */
const FILLER = new Set([
  'the', 'a', 'an', 'of', 'on', 'for', 'in', 'at', 'by', 'with', 'from', 'and', 'or', 'per', 'that', 'which',
  'our', 'their', 'its', 'your', 'my', 'we', 'they', 'them', 'us', 'it', 'is', 'are', 'be', 'being',
  'more', 'most', 'better', 'best', 'good', 'great', 'high', 'higher', 'strong', 'stronger', 'lower', 'less', 'fewer',
  'improve', 'improved', 'improving', 'increase', 'increased', 'increasing', 'grow', 'growing', 'boost', 'reduce',
  'reduced', 'reducing', 'cut', 'get', 'getting', 'lot', 'much', 'many', 'very', 'really', 'all', 'every', 'each',
]);

const SYNONYM_PHRASES = SYNONYMS.map(([from, to]) => [from.split(' '), to] as const).sort((a, b) => b[0].length - a[0].length);

// The same texts (catalog phrases, expectations) are read on every report: each is read once per process, bounded.
const MEANINGS = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 20_000;

/** The words of a text that say which KPI it names: normalised, synonyms made one, filler dropped. */
export function kpiMeaningWords(text: string): readonly string[] {
  let words = MEANINGS.get(text);
  if (!words) {
    words = Object.freeze(readMeaning(kpiTextTokens(text)));
    if (MEANINGS.size >= MAX_REMEMBERED) MEANINGS.clear();
    MEANINGS.set(text, words);
  }
  return words;
}

function readMeaning(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const synonym = SYNONYM_PHRASES.find(([phrase]) => phrase.every((w, j) => tokens[i + j] === w));
    if (synonym) {
      out.push(synonym[1]);
      i += synonym[0].length;
      continue;
    }
    const token = tokens[i]!;
    if (!FILLER.has(token)) out.push(token);
    i++;
  }
  return out;
}

interface Hit {
  kindId: string;
  words: ReadonlySet<string>;
  broad: boolean;
}

const isSubset = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size <= b.size && [...a].every((w) => b.has(w));
const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((w) => b.has(w));

/** The id of the one kind the text names, or null. */
export function matchKpiKind(text: string, catalog: readonly KpiKind[] = kpiCatalog): string | null {
  const said = kpiMeaningWords(text);
  if (said.length === 0) return null;
  const saidSet = new Set(said);

  const hits: Hit[] = [];
  for (const kind of catalog) {
    const phrases = [kind.id.replace(/_/g, ' '), kind.name, ...kind.aliases].map((p) => ({ p, broad: false }));
    for (const { p, broad } of [...phrases, ...(kind.broadAliases ?? []).map((p) => ({ p, broad: true }))]) {
      const words = new Set(kpiMeaningWords(p));
      if (words.size > 0 && [...words].every((w) => saidSet.has(w))) hits.push({ kindId: kind.id, words, broad });
    }
  }
  // Rule 3: a match inside a bigger one says nothing of its own.
  const kept = hits.filter((h) => !hits.some((o) => o.words.size > h.words.size && isSubset(h.words, o.words)));

  // Rule 4: matches that share words form one group, won by the biggest match(es) in it.
  const groups: Hit[][] = [];
  for (const h of kept) {
    const joined = groups.filter((g) => g.some((o) => overlaps(o.words, h.words)));
    const merged = [h, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  const named = new Set<string>();
  for (const g of groups) {
    const most = Math.max(...g.map((h) => h.words.size));
    const winners = g.filter((h) => h.words.size === most);
    // Rule 5: a broad word alone names its kind only when it is everything the text says.
    const standing = winners.filter((h) => !h.broad || h.words.size === saidSet.size);
    if (standing.length === 0 && groups.length === 1) return null;
    for (const h of winners) named.add(h.kindId);
  }
  if (named.size !== 1) return null;
  const [only] = named;
  return only ?? null;
}
