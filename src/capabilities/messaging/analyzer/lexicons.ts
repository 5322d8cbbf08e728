// The analyzer's word lists (SPEC S3): problem, outcome, hype and feature language and the buyer/seller
// pronouns, kept in versioned data files (lexicons/*.json) so a change to a list is a reviewed change with its
// own version. Each term is read by wink like any text, so a term and the copy it is found in are tokenised and
// stemmed the same way ("chase" finds "chasing", "drag-and-drop" finds itself however wink splits it).
import feature from './lexicons/feature.json' with { type: 'json' };
import focus from './lexicons/focus.json' with { type: 'json' };
import hype from './lexicons/hype.json' with { type: 'json' };
import outcome from './lexicons/outcome.json' with { type: 'json' };
import problem from './lexicons/problem.json' with { type: 'json' };
import { readText, type Token } from './nlp.js';

export interface LexiconFile {
  version: number;
  name: string;
  description: string;
  terms: string[];
}

/** A compiled list: each term as its sequence of stems, found by its first stem. */
export class Lexicon {
  readonly version: number;
  readonly name: string;
  private readonly byFirst = new Map<string, Array<{ term: string; stems: string[]; exact: boolean }>>();

  /**
   * A term is matched on stems; one written with a leading "=" ("=powerful") only as written (lower-cased), for a
   * word whose stem it shares with words that mean something else ("powerful" and "powered" both stem to "power").
   */
  constructor(file: { version: number; name: string }, terms: readonly string[]) {
    this.version = file.version;
    this.name = file.name;
    for (const written of terms) {
      const exact = written.startsWith('=');
      const term = exact ? written.slice(1) : written;
      const stems = readText(term).tokens.map((t) => (exact ? t.normal : t.stem));
      const first = readText(term).tokens[0]?.stem;
      if (first === undefined) continue;
      const list = this.byFirst.get(first) ?? [];
      list.push({ term, stems, exact });
      // Longest first, so "no more" wins over "no".
      list.sort((a, b) => b.stems.length - a.stems.length);
      this.byFirst.set(first, list);
    }
  }

  /** The term that starts at tokens[i] (the longest), with how many tokens it spans; null when none does. */
  at(tokens: readonly Token[], i: number, last: number): { term: string; length: number } | null {
    const list = this.byFirst.get(tokens[i]!.stem);
    if (!list) return null;
    for (const entry of list) {
      if (i + entry.stems.length - 1 > last) continue;
      let ok = true;
      for (let k = 0; k < entry.stems.length; k++) {
        const t = tokens[i + k]!;
        if ((entry.exact ? t.normal : t.stem) !== entry.stems[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return { term: entry.term, length: entry.stems.length };
    }
    return null;
  }

  /** Every non-overlapping occurrence in tokens[first..last], left to right. */
  find(tokens: readonly Token[], first: number, last: number): Array<{ term: string; index: number; length: number }> {
    const hits: Array<{ term: string; index: number; length: number }> = [];
    for (let i = first; i <= last; i++) {
      const hit = this.at(tokens, i, last);
      if (!hit) continue;
      hits.push({ term: hit.term, index: i, length: hit.length });
      i += hit.length - 1;
    }
    return hits;
  }
}

export interface Lexicons {
  problem: Lexicon;
  outcome: Lexicon;
  removers: Lexicon;
  hype: Lexicon;
  feature: Lexicon;
  buyer: ReadonlySet<string>;
  self: ReadonlySet<string>;
  /** "problem 1, outcome 1, …": shown with a score so a change of list explains a change of score. */
  versions: string;
}

/** The lists as data, for their tests. */
export const LEXICON_FILES = { problem, outcome, hype, feature, focus } as const;

let compiled: Lexicons | null = null;

/** The compiled lists, built on first use and kept for the process. */
export function lexicons(): Lexicons {
  if (compiled) return compiled;
  compiled = {
    problem: new Lexicon(problem, problem.terms),
    outcome: new Lexicon(outcome, outcome.terms),
    removers: new Lexicon({ version: outcome.version, name: 'removers' }, outcome.removers),
    hype: new Lexicon(hype, hype.terms),
    feature: new Lexicon(feature, feature.terms),
    buyer: new Set(focus.buyer),
    self: new Set(focus.self),
    versions: `problem ${problem.version}, outcome ${outcome.version}, hype ${hype.version}, feature ${feature.version}, focus ${focus.version}`,
  };
  return compiled;
}
