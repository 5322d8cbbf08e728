import { describe, expect, it } from 'vitest';
import { LEXICON_FILES, lexicons } from '../../../src/capabilities/messaging/analyzer/lexicons.js';
import { readText } from '../../../src/capabilities/messaging/analyzer/nlp.js';

const found = (list: 'problem' | 'outcome' | 'hype' | 'feature' | 'removers', text: string) => {
  const { tokens } = readText(text);
  return lexicons()[list].find(tokens, 0, tokens.length - 1).map((h) => h.term);
};

describe('the analyzer lexicons', () => {
  it('each file has a positive integer version, a name and a description', () => {
    for (const [name, file] of Object.entries(LEXICON_FILES)) {
      expect(Number.isInteger(file.version) && file.version >= 1, name).toBe(true);
      expect(file.name).toBe(name);
      expect(file.description.length).toBeGreaterThan(20);
    }
    expect(lexicons().versions).toMatch(/^problem \d+, outcome \d+, hype \d+, feature \d+, focus \d+$/);
  });

  it('holds no empty or repeated term, and each term reads as at least one token', () => {
    const lists = {
      problem: LEXICON_FILES.problem.terms,
      outcome: LEXICON_FILES.outcome.terms,
      removers: LEXICON_FILES.outcome.removers,
      hype: LEXICON_FILES.hype.terms,
      feature: LEXICON_FILES.feature.terms,
      buyer: LEXICON_FILES.focus.buyer,
      self: LEXICON_FILES.focus.self,
    };
    for (const [name, terms] of Object.entries(lists)) {
      const normal = terms.map((t) => t.replace(/^=/, '').trim().toLowerCase());
      expect(normal.filter((t) => t === ''), name).toEqual([]);
      expect(new Set(normal).size, `${name} repeats a term`).toBe(normal.length);
      for (const t of terms) expect(readText(t.replace(/^=/, '')).tokens.length, `${name}: ${t}`).toBeGreaterThan(0);
    }
  });

  it('keeps problem, hype and feature words apart (a word cannot be both a buyer problem and a claim)', () => {
    const stems = (terms: string[]) => new Set(terms.map((t) => readText(t.replace(/^=/, '')).tokens.map((k) => k.stem).join(' ')));
    const problem = stems(LEXICON_FILES.problem.terms);
    const hype = stems(LEXICON_FILES.hype.terms);
    const feature = stems(LEXICON_FILES.feature.terms);
    expect([...hype].filter((s) => problem.has(s) || feature.has(s))).toEqual([]);
    expect([...feature].filter((s) => problem.has(s))).toEqual([]);
  });

  it('finds terms through their inflections and phrases as a whole', () => {
    expect(found('problem', 'Reps were chasing signatures and wasting afternoons')).toEqual(['chase', 'waste']);
    expect(found('problem', 'Orders fall through the cracks')).toEqual(['fall through the cracks']);
    expect(found('outcome', 'so you can go home on time')).toEqual(['so you can', 'home on time']);
    expect(found('removers', 'no more spreadsheets')).toEqual(['no more']);
    expect(found('hype', 'A best-in-class, cutting-edge suite')).toEqual(['best-in-class', 'cutting-edge']);
    expect(found('feature', 'Our AI-powered dashboard integrates with Slack')).toEqual(['AI-powered', 'dashboard', 'integrates with']);
    // "=powerful" is matched as written: "powered" shares its stem and is no claim.
    expect(found('hype', 'A powerful engine, powered by AI')).toEqual(['powerful']);
    // "leads" is a buyer's word; "leading" the claim.
    expect(found('hype', 'The leading platform for your leads')).toEqual(['leading']);
    // Inability, however it is written: "can't" and "cannot" read as "can not".
    expect(found('problem', "Reps can't find it, managers cannot see it, finance is unable to close, you don't know")).toEqual(["can't", "can't", 'unable to', "don't know"]);
    // "=expensive" as written: "expense" and "expenses" share its stem and are no problem.
    expect(found('problem', 'Expense reports for an expensive trip')).toEqual(['expensive']);
    expect(found('hype', 'Trusted by 5,000 teams')).toEqual(['trusted by']);
    expect(found('hype', 'Features legacy vendors cannot match')).toEqual(["can't match"]);
  });

  it('problem 4 (decision 055): what should not be, what persists, an unwanted consequence, dread and costs are buyer-problem words', () => {
    expect(found('problem', "Contract review shouldn't take three weeks, and it should not take a month")).toEqual(["shouldn't", "shouldn't"]);
    expect(found('problem', 'Reports are still assembled on Sunday')).toEqual(['still']);
    expect(found('problem', 'Your analysts end up muting alerts; agents ended up covering')).toEqual(['end up', 'end up']);
    expect(found('problem', 'I used to dread Monday mornings; the dreaded month-end')).toEqual(['dread', 'dread', 'month-end']);
    expect(found('problem', 'Fuel costs are eating your margin, and costly mistakes')).toEqual(['costs', 'costly', 'mistake']);
    // "=costs" and "=costly" as written: a price ("low-cost", "cost-effective") is no problem.
    expect(found('problem', 'A low-cost, cost-effective plan')).toEqual([]);
    expect(LEXICON_FILES.problem.version).toBe(4);
  });
});
