// Normalises free text about a KPI so that "Lead-gen", "MQL's" and "leads" meet their catalog aliases
// (SPEC S1 expectations). Rules: lower-case; arrows and "->" read as "to"; "%" reads as "percent";
// punctuation and hyphens become spaces; a few abbreviations are spelled out; a light stemmer drops a
// plural or possessive "s" ("ies" → "y") on words longer than three letters, so "mqls" → "mql",
// "opportunities" → "opportunity", while "sales" → "sale" on both sides alike.
const ABBREVIATIONS: Record<string, string> = {
  opp: 'opportunity',
  opps: 'opportunity',
  oppty: 'opportunity',
  opportunities: 'opportunity',
  avg: 'average',
  mktg: 'marketing',
  mkt: 'marketing',
  conv: 'conversion',
  followup: 'follow up',
  rev: 'revenue',
};

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

// Tokenising is pure and the same few texts (catalog names and aliases, expectations) are read on every page:
// each text is tokenised once per process (it was ~14% of the Goals page's CPU). Bounded, so free text
// from many workspaces cannot grow it without end.
const TOKENS = new Map<string, readonly string[]>();
const MAX_REMEMBERED = 20_000;

/** The normalised tokens of a text. */
export function kpiTextTokens(text: string): readonly string[] {
  let tokens = TOKENS.get(text);
  if (!tokens) {
    tokens = Object.freeze(tokenise(text));
    if (TOKENS.size >= MAX_REMEMBERED) TOKENS.clear();
    TOKENS.set(text, tokens);
  }
  return tokens;
}

function tokenise(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]s\b/g, '')
    .replace(/→|->|=>|\u2192/g, ' to ')
    .replace(/%/g, ' percent ')
    .replace(/[^a-z0-9]+/g, ' ');
  const tokens: string[] = [];
  for (const raw of cleaned.split(' ')) {
    if (!raw) continue;
    // Own keys only: a word such as "constructor" must not find Object.prototype's.
    const expanded = Object.hasOwn(ABBREVIATIONS, raw) ? ABBREVIATIONS[raw]! : raw;
    for (const t of expanded.split(' ')) tokens.push(stem(t));
  }
  return tokens;
}

/** The normalised text, tokens joined by single spaces. */
export function normalizeKpiText(text: string): string {
  return kpiTextTokens(text).join(' ');
}
