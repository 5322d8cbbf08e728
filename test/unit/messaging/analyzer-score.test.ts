// The score's reading of copy by its structure (decision 046): markdown syntax blanked with offsets kept, one
// word to one list's term, a sentence opening with a remover, feature lists found by their shape (an enumeration
// of short things, a bullet list of short items) and inability ("can't find") as buyer-problem language.
import { describe, expect, it } from 'vitest';
import { analyzePiece, PainIndex, sentencesOf, type PainDoc } from '../../../src/capabilities/messaging/analyzer/index.js';
import { blankMarkdown } from '../../../src/capabilities/messaging/analyzer/markdown.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const PAINS: PainDoc[] = [
  {
    id: 'late-invoices',
    statement: 'Customers pay invoices late',
    synonyms: [],
    quotes: [{ text: 'We chase every invoice by email for weeks.', date: '2026-11-20' }],
  },
];
const analyze = (text: string) => analyzePiece(text, PainIndex.build(PAINS, NOW), 60);
const part = (text: string, key: string) => analyze(text).parts.find((p) => p.key === key)!;
const kinds = (text: string) => analyze(text).flagged.map((f) => [f.index, f.kind]);

describe('markdown read as copy', () => {
  it('blanks link targets, images, emphasis, code ticks, tags, rules and list numbers, keeping every offset', () => {
    const md = '# Stop **chasing** invoices\n\n1. Send [reminders](https://x.io/r) on time\n2. Get `paid`\n\n![shot](a.png)\n\n---\n\n<b>Done</b>';
    const plain = blankMarkdown(md);
    expect(plain.length).toBe(md.length);
    expect(plain.split('\n').length).toBe(md.split('\n').length);
    expect(plain).not.toMatch(/https|png|\*\*|`|<b>|---/);
    expect(plain).toContain('chasing');
    expect(plain).toContain('reminders');
    expect(plain).toMatch(/^- {2}Send/m);
  });

  it('blanks what is inside script and style elements and HTML comments: code and notes, not copy', () => {
    const md = 'Stop chasing invoices.\n<script type="module">\nconst seamless = "AI-powered";\n</SCRIPT>\n<style>p { color: red }</style>\n<!-- best-in-class, per legal -->\nGet paid on time.';
    const plain = blankMarkdown(md);
    expect(plain.length).toBe(md.length);
    expect(plain.split('\n').length).toBe(md.split('\n').length);
    expect(plain).not.toMatch(/seamless|AI-powered|color|best-in-class|script|style/i);
    expect(plain).toContain('Stop chasing invoices.');
    expect(plain).toContain('Get paid on time.');
  });

  it('blanks an unclosed script or comment to the end, and reads a hostile run of openings in one pass', () => {
    expect(blankMarkdown('Get paid.\n<script>\nseamless').trim()).toBe('Get paid.');
    expect(blankMarkdown('Get paid. <!-- seamless').trim()).toBe('Get paid.');
    // 40,000 openings never closed: a search for each one's end from each would take minutes, not the test's seconds.
    const hostile = '<script>'.repeat(20_000) + '<!--'.repeat(20_000);
    expect(blankMarkdown(hostile).trim()).toBe('');
    const neverClosed = `Get paid. ${'<script '.repeat(20_000)}`;
    expect(blankMarkdown(neverClosed)).toHaveLength(neverClosed.length);
  });

  it('splits a markdown body into the sentences a reader sees, each as written in the text', () => {
    const md = '## Get paid on time\n\n1. Send [reminders](https://x.io/r) that go out alone.\n2. See who owes you **today**.\n\n![screenshot](img.png)\n\n[Start a trial](https://x.io/signup)';
    const ss = sentencesOf(md);
    expect(ss.map((s) => s.text)).toEqual([
      'Get paid on time',
      'Send [reminders](https://x.io/r) that go out alone.',
      'See who owes you **today**.',
      'Start a trial',
    ]);
    for (const s of ss) expect(md.slice(s.start, s.end)).toBe(s.text);
    // Before: "1." and "2." were sentences of their own, the image's file name was read as copy and the last
    // sentence ran on into its link's target.
  });
});

describe('one word, one list', () => {
  it('"cutting-edge" is a claim, not the remover "cut": the features after it stay feature-speak', () => {
    const a = analyze('We deployed our cutting-edge analytics platform at Globex.');
    expect(a.parts.find((p) => p.key === 'problem')!.points).toBe(0);
    expect(a.flagged.map((f) => f.kind)).toEqual(['hype']);
  });

  it('"trusted by" is a claim, not the outcome "trust"; "trust" alone stays an outcome', () => {
    expect(part('The platform trusted by 5,000 companies.', 'problem').points).toBe(0);
    expect(kinds('The platform trusted by 5,000 companies.')).toEqual([[0, 'hype']]);
    expect(part('Numbers your board can trust.', 'problem').points).toBeGreaterThan(0);
  });

  it('"cannot match" is a claim about rivals, not the buyer\'s inability', () => {
    expect(part('AI features legacy vendors cannot match.', 'problem').points).toBe(0);
    expect(kinds('AI features legacy vendors cannot match.')).toEqual([[0, 'hype']]);
  });

  it('"expense" is not "expensive": an expense app is no buyer problem', () => {
    expect(part('The expense app reads receipts.', 'problem').points).toBe(0);
    expect(part('Your current tool is expensive.', 'problem').points).toBe(35);
  });
});

describe('problems named by structure', () => {
  it('a sentence that opens with a remover names the problem it removes, whatever its words', () => {
    const stop = part('Stop printing contracts.', 'problem');
    expect(stop.points).toBe(35);
    expect(stop.explanation).toMatch(/1 of 1 sentence name a buyer problem \(“stop”\)/);
    expect(part('Say goodbye to printed contracts.', 'problem').points).toBeLessThan(35);
    // A remover later in the sentence, before no problem word, stays an outcome (half).
    expect(part('Sign contracts without a printer.', 'problem').points).toBe(26);
  });

  it('inability is buyer-problem language: "can\'t", "cannot", "unable to", "don\'t know"', () => {
    for (const text of ["Reps can't find the right deck.", 'Managers cannot see the pipeline.', 'Finance is unable to close the month.', "You don't know which campaign worked."]) {
      expect(part(text, 'problem').points, text).toBe(35);
    }
  });
});

describe('feature lists found by their shape', () => {
  it('an enumeration of three or more short things is feature-speak, even with no feature word and an outcome tagged on', () => {
    const a = analyze('Contacts, deals, email templates and reports, all in one place.');
    expect(a.flagged.map((f) => f.kind)).toEqual(['feature']);
    expect(a.flagged[0]!.hint).toMatch(/^Lists 4 things the product has \(“contacts”, “deals”, …\) — for each, say what problem it removes for the buyer\.$/);
    expect(a.parts.find((p) => p.key === 'problem')!.points).toBe(0);
    expect(a.parts.find((p) => p.key === 'feature_hype')!.points).toBe(0);
    // Without the Oxford comma, after a verb: "features A, B and C".
    expect(kinds('The suite features demand forecasts, supplier portals and a replenishment planner.')).toEqual([[0, 'feature']]);
  });

  it('is no list when the items name the buyer\'s problem or the buyer, or when "and" joins clauses', () => {
    expect(kinds('You chase invoices, re-enter orders and reconcile payouts by hand.')).toEqual([]);
    expect(kinds('Reminders, receipts and payment links, so you get paid on time.')).toEqual([]);
    expect(kinds('Every hour before the first response, a buyer cools off and books a demo with someone else.')).toEqual([]);
  });

  it('a problem sentence next to a feature list is mixed, not pain-based', () => {
    const text = 'Tired of chasing late invoices? The billing suite includes reminders, payment links, dunning rules and a ledger sync.';
    const a = analyze(text);
    expect(a.flagged.map((f) => [f.index, f.kind])).toEqual([[1, 'feature']]);
    expect(a.band).toBe('mixed');
  });

  it('the short items of a bullet list of three or more are features; items with the buyer or a problem are not', () => {
    const md = 'Everything in one place:\n\n- Gantt timelines\n- Approval flows\n- 100+ connectors\n- Your reps stop re-typing orders';
    const a = analyze(md);
    expect(a.flagged.map((f) => [f.index, f.kind])).toEqual([
      [1, 'feature'],
      [2, 'feature'],
      [3, 'feature'],
    ]);
    expect(a.flagged[0]!.hint).toBe('A list item that names a thing (“gantt timelines”) — say what problem it removes for the buyer.');
    // Two bullets are not yet a list of features, and a long item says more than a thing.
    expect(analyze('- Gantt timelines\n- Approval flows').flagged).toEqual([]);
    expect(analyze('- Gantt timelines\n- Approval flows\n- Timelines that move when a task slips a day').flagged.map((f) => f.index)).toEqual([0, 1]);
  });
});

describe('copy as a careful reader reads it (decision 055)', () => {
  it('the questions copy opens with name the buyer\'s situation, whatever their words', () => {
    const a = analyze('Tight, flaky skin by mid-afternoon? Meet HydraVeil. Fragrance-free.');
    expect(a.parts.find((p) => p.key === 'problem')!.points).toBe(18);
    expect(a.parts.find((p) => p.key === 'problem')!.explanation).toMatch(/^1 of 3 sentences name a buyer problem by the question the copy opens with;/);
    // A run of questions after a title counts, each of them.
    expect(part('Your auditor wants the access reviews by Friday. Where are they? A Slack thread? Someone\'s Downloads folder?', 'problem').points).toBe(35);
  });

  it('a question later in the copy, about a feature, or of one word names no problem', () => {
    // A call to action at the end.
    expect(part('Meet HydraVeil. Fragrance-free. Vegan. Do you have 20 minutes on Thursday for a demo?', 'problem').points).toBe(0);
    // A question about a feature stays feature-speak.
    expect(kinds('Want AI dashboards? Meet HydraVeil.')).toEqual([[0, 'feature']]);
    expect(part('Want AI dashboards? Meet HydraVeil.', 'problem').points).toBe(0);
    // A question about us is no question about the buyer's situation.
    expect(part('Can we show you around? Meet HydraVeil.', 'problem').points).toBe(0);
    // A name with a question mark ("Which?" magazine) is no question about the buyer.
    expect(part('Voted best current account. Which? Recommended Provider.', 'problem').points).toBe(0);
  });

  it('"we" and "our" inside quoted speech are the customer\'s voice, not the seller talking about itself', () => {
    const quoted = analyze('"We cut our month-end from ten days to three," says Dana, CFO at Acme.');
    expect(quoted.parts.find((p) => p.key === 'buyer_focus')!.points).toBe(10);
    const said = analyze('We cut our month-end close from ten days to three.');
    expect(said.parts.find((p) => p.key === 'buyer_focus')!.points).toBe(0);
    // Curly quotes and a markdown blockquote too; "we" outside the quote still counts.
    expect(part('“We never chase invoices now,” says Dana. Our team built it.', 'buyer_focus').explanation).toMatch(/“we\/our\/us” 1 time/);
    expect(part('> We never chase invoices now.\n\nDana, CFO', 'buyer_focus').points).toBe(10);
    expect(kinds('“Our reps finally call back the same day,” says Dana.')).toEqual([]);
    // Quote marks inside a blockquote, two quotes in a paragraph, and "we" between them (outside both) still counts.
    expect(part('> "We chase nothing now," she said, "our month closes on day two."\n\nWe built it for her.', 'buyer_focus').explanation).toMatch(/“we\/our\/us” 1 time/);
    expect(part('"We chase nothing," we say, "our month closes on day two."', 'buyer_focus').explanation).toMatch(/“we\/our\/us” 1 time/);
  });

  it('a measured result is an outcome, not a feature, even as a list item', () => {
    const a = analyze('Results in six months:\n\n- 40% faster settlement\n- Days of unmet demand: from 31 to 4\n- Fraud scoring\n- Gantt timelines');
    expect(a.flagged.map((f) => [f.index, f.kind])).toEqual([
      [3, 'feature'],
      [4, 'feature'],
    ]);
    expect(a.parts.find((p) => p.key === 'problem')!.explanation).toMatch(/2 more an outcome \(“faster”; 1 result measured from one number to another, counted half\)/);
    // A number alone is no result, nor an outcome word alone in a list of things.
    expect(kinds('- 24/7 support\n- 100+ connectors\n- Faster exports')).toEqual([
      [0, 'feature'],
      [1, 'feature'],
      [2, 'feature'],
    ]);
  });

  it("an email's greeting and sign-off are not copy: \"Best,\" is no claim, and neither counts as a sentence", () => {
    const a = analyze('Hi Sarah,\n\nInvoices get paid late.\n\nBest,\nLiam');
    expect(a.flagged).toEqual([]);
    expect(a.parts.find((p) => p.key === 'problem')!.explanation).toMatch(/^1 of 2 sentences/);
    expect(kinds('Our best plan yet, for everyone.')).toEqual([[0, 'hype']]);
  });
});
