import { describe, expect, it } from 'vitest';
import { analyzePiece, bandOf, PainIndex, sentencesOf, type PainDoc } from '../../../src/capabilities/messaging/analyzer/index.js';
import { itsStem, readText, stemOf } from '../../../src/capabilities/messaging/analyzer/nlp.js';

const NOW = new Date('2026-12-01T12:00:00Z');

const PAINS: PainDoc[] = [
  {
    id: 'slow-response',
    statement: 'Slow first response to new leads',
    synonyms: ['leads wait too long for a reply'],
    quotes: [
      { text: 'Our reps call back two days later and by then the lead has signed with someone else.', date: '2026-11-10' },
      { text: 'Inbound demo requests sit in a queue over the weekend.', date: '2026-10-02' },
      { text: 'Nobody calls them back until the next morning.', date: '2026-09-15' },
    ],
  },
  {
    id: 'manual-reporting',
    statement: 'Month-end reporting is done by hand in spreadsheets',
    synonyms: ['copying numbers into slides'],
    quotes: [{ text: 'My analyst loses three days every month pasting exports into a deck.', date: '2026-11-20' }],
  },
  {
    id: 'reconciliation',
    statement: 'Reconciliation of payments takes days',
    synonyms: [],
    quotes: [],
  },
];

const index = () => PainIndex.build(PAINS, NOW);
const part = (text: string, key: string) => analyzePiece(text, index(), 60).parts.find((p) => p.key === key)!;

describe('sentences and stems', () => {
  it('splits sentences with offsets into the text, and at markdown list items and headings', () => {
    const text = '# Faster follow-up\n\nYour leads wait. They go cold!\n- Call them in five minutes\n- Never lose a deal';
    const ss = sentencesOf(text);
    expect(ss.map((s) => s.text)).toEqual(['Faster follow-up', 'Your leads wait.', 'They go cold!', 'Call them in five minutes', 'Never lose a deal']);
    for (const s of ss) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a soft-wrapped line in its sentence', () => {
    expect(sentencesOf('Your reps lose the\nafternoon to data entry.').map((s) => s.text)).toEqual(['Your reps lose the\nafternoon to data entry.']);
  });

  it('stems "reconcile", "reconciling" and "reconciliation" to one stem', () => {
    const stems = readText('reconcile reconciling reconciliation Reconciled').tokens.map((t) => t.stem);
    expect(new Set(stems).size).toBe(1);
    expect(stemOf('reconciliation')).toBe(stemOf('reconcile'));
  });

  it('wraps wink its.stem for tokens().out()', async () => {
    const { default: winkNLP } = await import('wink-nlp');
    const { default: model } = await import('wink-eng-lite-web-model');
    const nlp = winkNLP(model, []);
    expect(nlp.readDoc('chasing invoices').tokens().out(itsStem)).toEqual(['chase', 'invoic']);
  });

  it('matches through stems: "reconciling" finds the reconciliation pain', () => {
    expect(index().match('Stop reconciling payouts by hand')[0]?.painId).toBe('reconciliation');
  });
});

describe('the pain index', () => {
  it('matches a paraphrase through the evidence quotes, and says on what and via how many quotes', () => {
    const [top] = index().match('Inbound leads go cold before anyone calls them back.');
    expect(top?.painId).toBe('slow-response');
    expect(top?.viaQuotes).toBeGreaterThanOrEqual(1);
    expect(top?.matchedOn).toEqual(expect.arrayContaining(['calls']));
    expect(top!.similarity).toBeGreaterThan(0);
    expect(top!.similarity).toBeLessThanOrEqual(1);
  });

  it('finds the pain whose many buyers between them said what a text says, over one buyer who said more of it (the profile, decision 063)', () => {
    // Each of eight buyers of the dental pain said one of the ad's words; one buyer of the other pain said three of them.
    const dental = ['hygienist', 'chair', 'idle', 'waitlist', 'rebook', 'visit', 'slot', 'dentist'];
    const idx = PainIndex.build(
      [
        { id: 'no-shows', statement: 'Patients miss appointments without cancelling', synonyms: [], quotes: dental.map((w, i) => ({ text: `Honestly the ${w} thing costs us every single day, week ${i + 1}.`, date: '2026-11-01' })) },
        { id: 'rota', statement: 'Building staff rotas takes hours', synonyms: [], quotes: [{ text: 'Our hygienist chair sits idle when the rota has a gap.', date: '2026-11-01' }] },
      ],
      NOW,
    );
    const ad = 'Your hygienist sat idle at ten again and the chair stayed empty. Fill the slot from your waitlist, let them rebook the visit in one tap, and keep every dentist busy.';
    expect(idx.match(ad).map((m) => m.painId)).toEqual(['no-shows', 'rota']);
  });

  it('adds a quote without a rebuild, and the next match uses it', () => {
    const idx = index();
    const text = 'Stop paying overtime to warehouse pickers.';
    expect(idx.match(text).find((m) => m.painId === 'manual-reporting')).toBeUndefined();
    idx.addQuote('manual-reporting', { text: 'Our warehouse pickers work overtime counting stock by hand.', date: '2026-11-30' });
    expect(idx.match(text)[0]?.painId).toBe('manual-reporting');
  });

  it('answers the same after adds as a build with the same pains', () => {
    const built = PainIndex.build(PAINS, NOW);
    const grown = PainIndex.build([], NOW);
    for (const p of PAINS) grown.upsertPain({ ...p, quotes: [] });
    for (const p of PAINS) for (const q of p.quotes) grown.addQuote(p.id, q);
    for (const text of ['leads call back later', 'spreadsheets at month-end', 'payments take days']) expect(grown.match(text)).toEqual(built.match(text));
  });

  it('forgets a removed pain and an upserted pain\'s old words', () => {
    const idx = index();
    idx.removePain('reconciliation');
    expect(idx.size).toBe(2);
    expect(idx.match('reconciliation of payments').map((m) => m.painId)).not.toContain('reconciliation');
    idx.upsertPain({ id: 'manual-reporting', statement: 'Shipping labels printed one by one', synonyms: [], quotes: [] });
    expect(idx.match('month-end spreadsheets').map((m) => m.painId)).not.toContain('manual-reporting');
    expect(idx.match('printing shipping labels')[0]?.painId).toBe('manual-reporting');
  });

  it('weighs recent quotes more than old ones', () => {
    const pain = (id: string, date: string): PainDoc => ({ id, statement: `Pain ${id}`, synonyms: [], quotes: [{ text: 'invoices chased by email every Friday', date }] });
    const idx = PainIndex.build([pain('old', '2024-11-01'), pain('recent', '2026-11-25'), ...PAINS], NOW);
    const [first, second] = idx.match('Chasing invoices by email');
    expect(first?.painId).toBe('recent');
    expect(first!.similarity).toBeGreaterThan(second?.similarity ?? 0);
    expect(idx.evidence('recent').weighted).toBeGreaterThan(idx.evidence('old').weighted);
  });

  it('finds a pain a long piece addresses in one paragraph, and answers the same on every call', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} talks about the weather in the mountains and the colour of the sky.`).join('\n\n');
    const text = `${filler}\n\nYour reps call back two days later, and by then the lead has gone cold.\n\n${filler}`;
    const idx = index();
    const first = idx.match(text);
    expect(first[0]?.painId).toBe('slow-response');
    expect(idx.match(text)).toEqual(first);
    idx.addQuote('manual-reporting', { text: 'The weather report is copied by hand.', date: '2026-11-30' });
    expect(idx.match('Your reps call back two days later.')[0]?.painId).toBe('slow-response');
  });

  it('matches nothing when no word is shared, and nothing in an empty library', () => {
    expect(index().match('Quarterly volcano tours for geology students.')).toEqual([]);
    expect(PainIndex.build([], NOW).match('leads go cold')).toEqual([]);
  });
});

describe('the score parts', () => {
  it('buyer-problem language: named problems score, none scores 0', () => {
    expect(part('Your reps waste hours chasing leads by hand. Deals slip and nobody knows why.', 'problem').points).toBe(35);
    const none = part('The platform ships with a dashboard. It has an API.', 'problem');
    expect(none.points).toBe(0);
    expect(none.explanation).toMatch(/No sentence names a buyer problem/);
  });

  it('buyer focus: you/your against we/our/us, explained with the counts', () => {
    const you = part('You get your Fridays back. Your team sees every deal.', 'buyer_focus');
    expect(you.points).toBe(20);
    const we = part('We are proud of our platform. Our engineers built us a new engine.', 'buyer_focus');
    expect(we.points).toBe(0);
    expect(we.explanation).toMatch(/“we\/our\/us” 4 times/);
    expect(part('Leads go cold.', 'buyer_focus').points).toBe(10);
  });

  it('feature and hype language: feature-speak and hype cost points and are flagged with hints', () => {
    const a = analyzePiece('Our AI-powered dashboard includes real-time analytics. It is the best-in-class platform. Your reps stop chasing leads.', index(), 60);
    const fh = a.parts.find((p) => p.key === 'feature_hype')!;
    expect(fh.points).toBeLessThan(20);
    expect(a.flagged.map((f) => f.kind)).toEqual(['feature', 'hype']);
    expect(a.flagged[0]!.hint).toMatch(/names a feature .* say what problem it removes for the buyer/i);
    expect(a.flagged[0]!.text).toBe('Our AI-powered dashboard includes real-time analytics.');
    expect(part('Your reps stop chasing leads.', 'feature_hype').points).toBe(20);
  });

  it('flags a sentence about us with "say what the buyer gets"', () => {
    const a = analyzePiece('We have twenty years of experience. Our team is proud.', index(), 60);
    expect(a.flagged.some((f) => f.kind === 'self_focus' && /say what the buyer gets/.test(f.hint))).toBe(true);
  });

  it('evidence-backed match: a text about a backed pain scores, and the explanation names the pain and quotes', () => {
    const em = part('Your inbound leads go cold because reps call back two days later.', 'evidence_match');
    expect(em.points).toBeGreaterThan(10);
    expect(em.explanation).toMatch(/Slow first response to new leads/);
    expect(em.explanation).toMatch(/via \d+ sales quote/);
    expect(part('Our latest release has a dark mode.', 'evidence_match').points).toBe(0);
  });

  it('negation: "no more manual reporting" is a problem removed, not feature-speak', () => {
    const a = analyzePiece('No more manual reporting.', index(), 60);
    expect(a.flagged).toEqual([]);
    expect(a.parts.find((p) => p.key === 'problem')!.points).toBeGreaterThan(0);
    expect(a.parts.find((p) => p.key === 'feature_hype')!.points).toBe(20);
    // The same feature word, not negated, is feature-speak.
    expect(analyzePiece('Advanced reporting.', index(), 60).flagged.map((f) => f.kind)).toEqual(['feature']);
  });

  it('the parts add up to the score, each explained with its numbers', () => {
    const a = analyzePiece('Your reps waste Friday afternoons on month-end reporting in spreadsheets. Get the numbers in one place, so you can coach instead.', index(), 60);
    expect(a.score).toBe(a.parts.reduce((s, p) => s + p.points, 0));
    expect(a.parts.map((p) => p.max)).toEqual([35, 20, 20, 25]);
    for (const p of a.parts) expect(p.explanation).toMatch(new RegExp(`${p.points} of ${p.max}`));
    expect(a.words).toBe(22);
  });
});

describe('bands', () => {
  it('pain-based at or above the threshold, mixed up to 25 below, feature-led further below', () => {
    expect(bandOf(60, 60)).toBe('pain_based');
    expect(bandOf(59, 60)).toBe('mixed');
    expect(bandOf(35, 60)).toBe('mixed');
    expect(bandOf(34, 60)).toBe('feature_led');
  });

  it('a pain-based text is pain-based and a feature list feature-led', () => {
    const idx = index();
    expect(analyzePiece('Your inbound leads wait two days for a call back. Reach every lead within five minutes, so none of them signs with someone else.', idx, 60).band).toBe('pain_based');
    expect(analyzePiece('Our platform features AI-powered analytics, a drag-and-drop dashboard builder and 200 integrations. We are the industry-leading solution.', idx, 60).band).toBe('feature_led');
  });

  it('answers an empty analysis for an empty text', () => {
    const a = analyzePiece('', index(), 60);
    expect(a).toMatchObject({ score: 0, band: 'feature_led', sentences: [], flagged: [], matchedPains: [], words: 0 });
  });
});

describe('matching computed with bounds (decision 045)', () => {
  // A plain reference: every pain scored in every window, every quote summed, straight from decision 043's
  // definition with decision 063's profile — the bounded matcher must rank the same pains with the same similarities.
  // Made-up words from syllables (512 of them), so each is in few quotes; the common words are in most.
  const SYLLABLES = ['ka', 'lo', 'mi', 'su', 're', 'ti', 'na', 'po'];
  const VOCAB = SYLLABLES.flatMap((a) => SYLLABLES.flatMap((b) => SYLLABLES.map((c) => `${a}${b}${c}`)));
  const COMMON = 'team customers week every again still always time day'.split(' ');
  let seed = 3;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (xs: readonly string[]) => xs[Math.floor(random() * xs.length)]!;
  const sentence = (topics: readonly string[], n: number) =>
    `${Array.from({ length: n }, () => (random() < 0.5 ? pick(topics) : random() < 0.5 ? pick(COMMON) : pick(VOCAB))).join(' ')}.`;
  // 80 pains × 55 quotes: over 4,000 quotes, so the most common words are left out of the quote field, as in a large library.
  const library: PainDoc[] = Array.from({ length: 80 }, (_, p) => {
    const topics = Array.from({ length: 4 }, () => pick(VOCAB));
    return {
      id: `p${String(p).padStart(2, '0')}`,
      statement: sentence(topics, 5),
      synonyms: [sentence(topics, 3)],
      quotes: Array.from({ length: 55 }, (_, q) => ({ text: sentence(topics, 6 + (q % 9)), date: `2026-${String(1 + ((p + q) % 11)).padStart(2, '0')}-15` })),
    };
  });
  const texts = [
    sentence(VOCAB, 12),
    Array.from({ length: 30 }, () => sentence(VOCAB, 14)).join(' '),
    Array.from({ length: 9 }, (_, i) => sentence(library[i * 7]!.statement.replace('.', '').split(' '), 10)).join('\n\n'),
  ];

  const isIndexed = (t: { type: string; stop: boolean; normal: string }) => t.type === 'word' && !t.stop && t.normal.length > 1;
  const termsOf = (s: string) => readText(s).tokens.filter(isIndexed).map((t) => t.stem);
  const stats = (() => {
    const core = library.map((p) => [...new Set(termsOf([p.statement, ...p.synonyms].join('.\n')))]);
    const quotes = library.map((p) => p.quotes.map((q) => ({ terms: termsOf(q.text), day: Math.floor(Date.parse(`${q.date}T00:00:00Z`) / 86_400_000) })));
    const df = (docs: string[][]) => {
      const m = new Map<string, number>();
      for (const d of docs) for (const t of new Set(d)) m.set(t, (m.get(t) ?? 0) + 1);
      return m;
    };
    const allQuotes = quotes.flat();
    const avg = (docs: string[][]) => docs.reduce((s, d) => s + d.length, 0) / docs.length;
    // A pain's profile: its statement's words and each quote's, every word once a part.
    const profiles = library.map((_, i) => [...core[i]!, ...quotes[i]!.flatMap((q) => [...new Set(q.terms)])]);
    return {
      core,
      quotes,
      allQuotes,
      profiles,
      coreDf: df(core),
      quoteDf: df(allQuotes.map((q) => q.terms)),
      profileDf: df(profiles),
      coreAvg: avg(core),
      quoteAvg: avg(allQuotes.map((q) => q.terms)),
      profileAvg: avg(profiles),
    };
  })();

  function reference(text: string, limit: number): Array<{ painId: string; similarity: number }> {
    const { core, quotes, allQuotes, profiles, coreDf, quoteDf, profileDf, coreAvg, quoteAvg, profileAvg } = stats;
    const idf = (n: number, d: number) => Math.log(1 + (n - d + 0.5) / (d + 0.5));
    const sat = (tf: number, len: number, average: number, b: number) => (tf * 2.2) / (tf + 1.2 * (1 - b + (b * len) / average));
    const today = Math.floor(NOW.getTime() / 86_400_000);
    const prune = Math.max(200, 0.05 * allQuotes.length);
    const read = readText(text);
    const ss = read.sentences;
    const windows: Array<[number, number]> = [];
    if (ss.length <= 4) windows.push([ss[0]!.first, ss[ss.length - 1]!.last]);
    else for (let i = 0; ; i += 3) {
      const end = Math.min(ss.length, i + 4);
      windows.push([ss[i]!.first, ss[end - 1]!.last]);
      if (end === ss.length) break;
    }
    const profilePrune = Math.max(50, 0.1 * library.length);
    const scale = 3 * 3 * Math.log(1 + (library.length - 1 + 0.5) / 1.5);
    const found = library.map((p, i) => {
      let best = 0;
      for (const [first, last] of windows) {
        const counts = new Map<string, number>();
        for (let k = first; k <= last; k++) if (isIndexed(read.tokens[k]!)) counts.set(read.tokens[k]!.stem, (counts.get(read.tokens[k]!.stem) ?? 0) + 1);
        let coreScore = 0;
        for (const [t, n] of counts) if (core[i]!.includes(t)) coreScore += idf(library.length, coreDf.get(t)!) * (1 + Math.log(n)) * sat(1, core[i]!.length, coreAvg, 0.5);
        for (const [t, n] of counts) {
          const tf = profiles[i]!.filter((x) => x === t).length;
          if (tf > 0 && profileDf.get(t)! <= profilePrune) coreScore += 2 * idf(library.length, profileDf.get(t)!) * (1 + Math.log(n)) * sat(tf, profiles[i]!.length, profileAvg, 0.75);
        }
        const scores = quotes[i]!.map((q) => {
          let s = 0;
          for (const [t, n] of counts) {
            const tf = q.terms.filter((x) => x === t).length;
            if (tf === 0 || quoteDf.get(t)! > prune) continue;
            s += idf(allQuotes.length, quoteDf.get(t)!) * sat(tf, q.terms.length, quoteAvg, 0.75) * 0.5 ** (Math.max(0, today - q.day) / 180) * (1 + Math.log(n));
          }
          return s;
        });
        const top = scores.sort((a, b) => b - a).slice(0, 5);
        best = Math.max(best, coreScore + 0.8 * top.reduce((s, x, k) => s + x * 0.6 ** k, 0));
      }
      return { painId: p.id, similarity: best / (best + scale) };
    });
    return found
      .filter((f) => f.similarity >= 0.2)
      .sort((a, b) => b.similarity - a.similarity || a.painId.localeCompare(b.painId))
      .slice(0, limit);
  }

  it('ranks the same pains with the same similarities as a plain pass over every pain, window and quote', () => {
    const idx = PainIndex.build(library, NOW);
    // Both quote paths are exercised: common words left out of the quote field, the made-up ones looked up.
    expect([...stats.quoteDf.values()].some((n) => n > 0.05 * stats.allQuotes.length)).toBe(true);
    // And in profiles: the common words are in more than 50 of the 80 pains' profiles, the made-up ones in few.
    expect([...stats.profileDf.values()].some((n) => n > 50)).toBe(true);
    expect([...stats.profileDf.values()].some((n) => n <= 50)).toBe(true);
    expect(texts.every((t) => idx.match(t, 5).some((m) => m.viaQuotes > 0))).toBe(true);
    for (const text of texts) {
      for (const limit of [1, 5, 20]) {
        const want = reference(text, limit);
        const got = idx.match(text, limit);
        expect(want.length).toBeGreaterThan(0);
        expect(got.map((m) => m.painId)).toEqual(want.map((m) => m.painId));
        got.forEach((m, k) => expect(m.similarity).toBeCloseTo(want[k]!.similarity, 3));
      }
    }
  });
});
