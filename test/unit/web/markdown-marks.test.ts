// The highlight view's markdown (web/src/messaging/markdown-marks.ts): a piece's markdown rendered as it reads, with
// the analyzer's sentence ranges — offsets into the markdown as written — marking exactly the rendered characters of
// each sentence, through headings, bullets, bold, links, code spans, escapes, entities and quotes; and raw HTML in a
// body staying text.
import { describe, expect, it } from 'vitest';
import { sentencesOf } from '../../../src/capabilities/messaging/analyzer/index.js';
import { notesOf } from '../../../web/src/messaging/highlight-notes.js';
import type { CommentView } from '../../../web/src/messaging/piece-types.js';
import { markedMarkdown, markedText, offsetsOf, parseMarkdown, plainSentence, renderedText, type Block, type SourceRange } from '../../../web/src/messaging/markdown-marks.js';

/** Every sentence of the analyzer's split as a range keyed by its index. */
const allSentences = (md: string): SourceRange[] => sentencesOf(md).map((s, i) => ({ key: String(i), start: s.start, end: s.end }));

/** A sentence's range by its text as the analyzer gives it (raw markdown). */
function rangeOf(md: string, startsWith: string, key = startsWith): SourceRange {
  const s = sentencesOf(md).find((x) => x.text.startsWith(startsWith));
  if (!s) throw new Error(`no sentence starts with ${startsWith}: ${JSON.stringify(sentencesOf(md).map((x) => x.text))}`);
  return { key, start: s.start, end: s.end };
}

const PIECE = [
  '## Stop losing inbound leads',
  '',
  'Your reps **call back two days later** and the lead has gone cold. Read [the field guide](https://example.com/guide) to see why.',
  '',
  '- Every new lead gets a call within `five minutes`.',
  '- *No more* spreadsheets of who called whom.',
  '',
  '### What changes',
  '',
  'Our platform offers robust dashboards.',
].join('\n');

describe('markedMarkdown', () => {
  it('renders headings, bullets, bold, links and code without their markup', () => {
    const tree = markedMarkdown(PIECE, []);
    expect(tree.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'heading', 'paragraph']);
    const text = renderedText(tree);
    expect(text).toBe(
      [
        'Stop losing inbound leads',
        'Your reps call back two days later and the lead has gone cold. Read the field guide to see why.',
        'Every new lead gets a call within five minutes.',
        'No more spreadsheets of who called whom.',
        'What changes',
        'Our platform offers robust dashboards.',
      ].join('\n'),
    );
    expect(text).not.toMatch(/[#*`[\]]|https:/);
    const link = (tree[1] as Extract<Block, { type: 'paragraph' }>).children.find((c) => c.type === 'link');
    expect(link).toMatchObject({ type: 'link', href: 'https://example.com/guide' });
  });

  it('marks exactly the rendered characters of each sentence the analyzer found', () => {
    const ranges = allSentences(PIECE);
    const marked = markedText(markedMarkdown(PIECE, ranges));
    const sentences = sentencesOf(PIECE).map((s) => s.text);
    // The analyzer's raw sentences, and what the reader sees marked for each of them.
    expect(sentences.map((_, i) => marked.get(String(i)))).toEqual([
      'Stop losing inbound leads',
      'Your reps call back two days later and the lead has gone cold.',
      'Read the field guide to see why.',
      'Every new lead gets a call within five minutes.',
      'No more spreadsheets of who called whom.',
      'What changes',
      'Our platform offers robust dashboards.',
    ]);
  });

  it('marks only the flagged sentence, not its neighbours in the same paragraph', () => {
    const md = 'We are the industry leader. Your team stops chasing leads.';
    const tree = markedMarkdown(md, [rangeOf(md, 'We are', 'flag')]);
    const runs = (tree[0] as Extract<Block, { type: 'paragraph' }>).children.flatMap((c) => (c.type === 'text' ? c.runs : []));
    expect(runs).toEqual([
      { text: 'We are the industry leader.', key: 'flag', last: true },
      { text: ' Your team stops chasing leads.', key: null, last: false },
    ]);
  });

  it('cuts a sentence that crosses bold and a link into runs, the last of them marked last', () => {
    const md = 'Your reps **call back** late, says [the guide](https://example.com). Next one.';
    const tree = markedMarkdown(md, [rangeOf(md, 'Your reps', 's')]);
    const para = tree[0] as Extract<Block, { type: 'paragraph' }>;
    const keyed = JSON.stringify(para.children);
    expect(markedText(tree).get('s')).toBe('Your reps call back late, says the guide.');
    // The last run of the sentence is the full stop after the link, outside it.
    const tail = para.children.at(-1);
    expect(tail?.type).toBe('text');
    expect(tail?.type === 'text' ? tail.runs[0] : null).toEqual({ text: '.', key: 's', last: true });
    expect(keyed.match(/"last":true/g)).toHaveLength(1);
  });

  it('maps offsets through escapes, entities and a quote’s continuation line', () => {
    const md = '> Pricing \\*per seat\\* &amp; per\n> month. Done here.';
    expect(sentencesOf(md)[0]!.text).toBe('Pricing \\*per seat\\* &amp; per');
    const tree = markedMarkdown(md, allSentences(md));
    expect(renderedText(tree)).toBe('Pricing *per seat* & per\nmonth. Done here.');
    // The analyzer ends a sentence where a quote's line starts; each of its ranges marks what it covers.
    expect([...markedText(tree).values()]).toEqual(['Pricing *per seat* & per', 'month.', 'Done here.']);
    // A range across the line's "> " marks the text on both lines, the prefix not being rendered.
    const across = markedMarkdown(md, [{ key: 'q', start: md.indexOf('Pricing'), end: md.indexOf('month.') + 6 }]);
    expect(markedText(across).get('q')).toBe('Pricing *per seat* & per\nmonth.');
  });

  it('marks inside a fenced code block and an ordered list', () => {
    const md = '1. First we connect.\n2. Then you relax.\n\n```\nno markup here.\n```';
    const tree = markedMarkdown(md, [rangeOf(md, 'Then you', 'b')]);
    expect(tree[0]).toMatchObject({ type: 'list', ordered: true, start: 1, tight: true });
    expect(markedText(tree).get('b')).toBe('Then you relax.');
    expect(renderedText(tree)).toBe('First we connect.\nThen you relax.\nno markup here.');
  });

  it('keeps heading levels under the card’s own h2 without skipping one', () => {
    const md = '# Top\n\n### Deep\n\ntext\n\n###### Deepest';
    const levels = markedMarkdown(md, []).flatMap((b) => (b.type === 'heading' ? [b.level] : []));
    expect(levels).toEqual([3, 4, 5]);
  });

  it('shows raw HTML as the characters written, never as markup, and drops unsafe links', () => {
    const md = 'Hello <script>alert(1)</script> there.\n\n<img src=x onerror="alert(2)">\n\n[click](javascript:alert(3)) and [mail](mailto:a@b.c)';
    const tree = markedMarkdown(md, allSentences(md));
    const text = renderedText(tree);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror="alert(2)">');
    const links = JSON.stringify(tree).match(/"type":"link","href":[^,]+/g);
    expect(links).toEqual(['"type":"link","href":null', '"type":"link","href":"mailto:a@b.c"']);
  });

  it('ignores empty, reversed and out-of-text ranges and cuts an overlap', () => {
    const md = 'One two three. Four five.';
    const tree = markedMarkdown(md, [
      { key: 'a', start: 0, end: 7 },
      { key: 'b', start: 4, end: 13 },
      { key: 'empty', start: 5, end: 5 },
      { key: 'back', start: 9, end: 2 },
      { key: 'past', start: 500, end: 600 },
    ]);
    const m = markedText(tree);
    expect(m.get('a')).toBe('One two');
    expect(m.get('b')).toBe(' three');
    expect([...m.keys()].sort()).toEqual(['a', 'b']);
  });
});

describe('parseMarkdown and plainSentence', () => {
  it('marks a tree parsed once exactly as a fresh parse does, and quotes a sentence without its marks', () => {
    const ranges = allSentences(PIECE);
    expect(markedMarkdown(PIECE, ranges, parseMarkdown(PIECE))).toEqual(markedMarkdown(PIECE, ranges));
    expect(plainSentence('Your reps **call back** in `five` [minutes](https://x.example).')).toBe('Your reps call back in five minutes.');
  });
});

describe('offsetsOf', () => {
  it('gives each character of a value its offset in the source', () => {
    const src = 'a \\*b\\* &amp; c';
    expect(offsetsOf('a *b* & c', src, 0, src.length)).toEqual([0, 1, 3, 4, 6, 7, 8, 13, 14]);
  });
});

describe('notesOf', () => {
  const md = '## Stop losing leads\n\nOur platform offers robust dashboards. Your reps call back in **five minutes**.';
  const sentences = sentencesOf(md);
  const flagged = [{ index: 1, start: sentences[1]!.start, end: sentences[1]!.end, text: sentences[1]!.text, kind: 'feature' as const, hint: 'Say what problem it removes.' }];
  const comment = (over: Partial<CommentView>): CommentView => ({ id: 'c1', author: { id: 'm1', name: 'Sam Seller' }, version: 1, sentenceIndex: 2, sentenceText: sentences[2]!.text, body: 'Buyers say exactly this.', reviewId: null, createdAt: '2026-12-01T00:00:00.000Z', ...over });

  it('puts flags and comments on their sentences, numbered in reading order, and marks them in the rendered text', () => {
    const { notes, flags, unplaced } = notesOf(md, { flagged, sentences }, [comment({})]);
    expect(flags.map((f) => f.n)).toEqual([1]);
    expect(notes.map((n) => [n.key, n.flags.length, n.comments.length])).toEqual([
      ['s1', 1, 0],
      ['s2', 0, 1],
    ]);
    expect(unplaced).toEqual([]);
    const marked = markedText(markedMarkdown(md, notes));
    expect(marked.get('s1')).toBe('Our platform offers robust dashboards.');
    expect(marked.get('s2')).toBe('Your reps call back in five minutes.');
  });

  it('follows a comment to its sentence when the text around it moved, and lists it apart once the sentence is gone', () => {
    const edited = `Intro line first.\n\n${md}`;
    const moved = sentencesOf(edited);
    const { notes } = notesOf(edited, { flagged: [], sentences: moved }, [comment({})]);
    expect(notes).toHaveLength(1);
    expect(edited.slice(notes[0]!.start, notes[0]!.end)).toBe(sentences[2]!.text);
    const gone = 'Something else entirely.';
    const left = notesOf(gone, { flagged: [], sentences: sentencesOf(gone) }, [comment({}), comment({ id: 'c2', sentenceIndex: null, sentenceText: null })]);
    expect(left.notes).toEqual([]);
    expect(left.unplaced.map((c) => c.id)).toEqual(['c1']);
  });
});
