// A piece's markdown as a small tree to render (issue 12: the highlight view shows the text as it reads, not its
// markup), with every rendered character traced back to its offset in the markdown as written, so that ranges the
// analyzer gives in the raw text (flagged sentences, sentences a reviewer commented on) mark the rendered text.
// Pure: no React, no DOM. Raw HTML in the body is never HTML here: it becomes text like any other.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes as MdNode, Root as MdRoot } from 'mdast';

export type { MdRoot };

/** A range of the markdown as written, [start, end), and the key it marks the rendered text with. */
export interface SourceRange {
  key: string;
  start: number;
  end: number;
}

/** A run of rendered text: all of it inside one range (key) or none (null). `last` marks a range's last run. */
export interface Run {
  text: string;
  key: string | null;
  last: boolean;
}

export type Inline =
  | { type: 'text'; runs: Run[] }
  | { type: 'code'; runs: Run[] }
  | { type: 'strong' | 'emphasis'; children: Inline[] }
  | { type: 'link'; href: string | null; children: Inline[] }
  | { type: 'break' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 3 | 4 | 5 | 6; depth: number; children: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; tight: boolean; items: Block[][] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'codeBlock'; runs: Run[] }
  | { type: 'rule' };

/** Where a link may go from the rendered text: the web and mail only (no javascript:, data: or relative paths). */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;
/** How far ahead a character of a node's value is looked for in its source (a quote's "> ", a list's indent, a fence). */
const LOOKAHEAD = 80;

/**
 * The markdown offset of each character of a node's value, reading the source from `from`. Most characters are the
 * source's own; a backslash escape, an entity (`&amp;`) or a line prefix (a quote's `>`, an indent) in between is
 * stepped over. A character the source does not show (an entity decoded to two) takes the last offset.
 */
export function offsetsOf(value: string, source: string, from: number, to: number): number[] {
  const out = new Array<number>(value.length);
  let j = from;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (source[j] === c) {
      out[i] = j++;
      continue;
    }
    if (source[j] === '\\' && source[j + 1] === c) {
      out[i] = j + 1;
      j += 2;
      continue;
    }
    if (source[j] === '&') {
      const semi = source.indexOf(';', j);
      if (semi !== -1 && semi - j <= 32) {
        out[i] = j;
        // An entity may decode to a pair of UTF-16 units: the second unit shares the entity's offset.
        if (i + 1 < value.length && /[\uD800-\uDBFF]/.test(c)) out[++i] = j;
        j = semi + 1;
        continue;
      }
    }
    const ahead = source.slice(j, Math.min(to, j + LOOKAHEAD)).indexOf(c);
    if (ahead !== -1) {
      j += ahead;
      out[i] = j++;
      continue;
    }
    out[i] = Math.max(from, Math.min(j, to) - 1);
  }
  return out;
}

/** The ranges sorted and without overlaps (a later range starting inside an earlier one is cut to start after it). */
function normalised(ranges: readonly SourceRange[]): SourceRange[] {
  const sorted = ranges.filter((r) => r.start < r.end).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: SourceRange[] = [];
  let at = -1;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (start >= r.end) continue;
    out.push({ key: r.key, start, end: r.end });
    at = r.end;
  }
  return out;
}

/** The range holding a markdown offset (binary search over sorted, disjoint ranges), or null. */
function keyAt(ranges: readonly SourceRange[], offset: number): string | null {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (offset < r.start) hi = mid - 1;
    else if (offset >= r.end) lo = mid + 1;
    else return r.key;
  }
  return null;
}

/** A node's value cut into runs by the range each character's markdown offset falls in. */
function runsOf(value: string, source: string, from: number, to: number, ranges: readonly SourceRange[]): Run[] {
  if (value.length === 0) return [];
  const offsets = offsetsOf(value, source, from, to);
  const runs: Run[] = [];
  let text = '';
  let key: string | null = keyAt(ranges, offsets[0]!);
  for (let i = 0; i < value.length; i++) {
    const k = keyAt(ranges, offsets[i]!);
    if (k !== key) {
      if (text) runs.push({ text, key, last: false });
      text = '';
      key = k;
    }
    text += value[i]!;
  }
  if (text) runs.push({ text, key, last: false });
  return runs;
}

interface Ctx {
  source: string;
  ranges: SourceRange[];
  /** The body's heading depths in use, shallowest first: they become h3, h4, … without skipping a level. */
  depths: number[];
}

const span = (n: MdNode, source: string): [number, number] => [n.position?.start.offset ?? 0, n.position?.end.offset ?? source.length];

function inlines(nodes: readonly MdNode[], ctx: Ctx): Inline[] {
  const out: Inline[] = [];
  for (const n of nodes) {
    const [from, to] = span(n, ctx.source);
    switch (n.type) {
      case 'text':
        out.push({ type: 'text', runs: runsOf(n.value, ctx.source, from, to, ctx.ranges) });
        break;
      // Raw HTML is shown as the characters written, never parsed: `<script>` reads as `<script>`.
      case 'html':
        out.push({ type: 'text', runs: runsOf(n.value, ctx.source, from, to, ctx.ranges) });
        break;
      case 'inlineCode':
        out.push({ type: 'code', runs: runsOf(n.value, ctx.source, from, to, ctx.ranges) });
        break;
      case 'strong':
      case 'emphasis':
        out.push({ type: n.type, children: inlines(n.children, ctx) });
        break;
      case 'delete':
        out.push(...inlines(n.children, ctx));
        break;
      case 'link':
        out.push({ type: 'link', href: SAFE_HREF.test(n.url) ? n.url : null, children: inlines(n.children, ctx) });
        break;
      case 'linkReference':
        out.push(...inlines(n.children, ctx));
        break;
      // An image is not fetched from the piece (no tracking pixels): its description stands in its place.
      case 'image':
      case 'imageReference': {
        const alt = n.alt ?? '';
        if (alt) out.push({ type: 'text', runs: runsOf(alt, ctx.source, from, to, ctx.ranges) });
        break;
      }
      case 'break':
        out.push({ type: 'break' });
        break;
      default:
        if ('children' in n) out.push(...inlines(n.children as MdNode[], ctx));
        else if ('value' in n && typeof n.value === 'string') out.push({ type: 'text', runs: runsOf(n.value, ctx.source, from, to, ctx.ranges) });
    }
  }
  return out;
}

function blocks(nodes: readonly MdNode[], ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const n of nodes) {
    const [from, to] = span(n, ctx.source);
    switch (n.type) {
      case 'paragraph':
        out.push({ type: 'paragraph', children: inlines(n.children, ctx) });
        break;
      case 'heading': {
        const level = Math.min(6, 3 + ctx.depths.indexOf(n.depth)) as 3 | 4 | 5 | 6;
        out.push({ type: 'heading', level, depth: n.depth, children: inlines(n.children, ctx) });
        break;
      }
      case 'list':
        out.push({
          type: 'list',
          ordered: n.ordered === true,
          start: n.start ?? 1,
          // A tight list's items hold their text without paragraph spacing.
          tight: n.spread !== true && n.children.every((item) => item.spread !== true),
          items: n.children.map((item) => blocks(item.children, ctx)),
        });
        break;
      case 'blockquote':
        out.push({ type: 'blockquote', children: blocks(n.children, ctx) });
        break;
      case 'code':
        out.push({ type: 'codeBlock', runs: runsOf(n.value, ctx.source, from, to, ctx.ranges) });
        break;
      case 'html':
        out.push({ type: 'paragraph', children: [{ type: 'text', runs: runsOf(n.value, ctx.source, from, to, ctx.ranges) }] });
        break;
      case 'thematicBreak':
        out.push({ type: 'rule' });
        break;
      case 'definition':
        break;
      default:
        if ('children' in n) out.push(...blocks(n.children as MdNode[], ctx));
    }
  }
  return out;
}

function headingDepths(root: MdRoot): number[] {
  const seen = new Set<number>();
  const visit = (n: MdNode) => {
    if (n.type === 'heading') seen.add(n.depth);
    if ('children' in n) for (const c of n.children as MdNode[]) visit(c);
  };
  visit(root);
  return [...seen].sort((a, b) => a - b);
}

/** Every run of the rendered tree, in reading order. */
function eachRun(tree: readonly Block[], visit: (run: Run) => void): void {
  const inline = (xs: readonly Inline[]) => {
    for (const x of xs) {
      if (x.type === 'text' || x.type === 'code') x.runs.forEach(visit);
      else if (x.type !== 'break') inline(x.children);
    }
  };
  const block = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.type === 'paragraph' || b.type === 'heading') inline(b.children);
      else if (b.type === 'list') b.items.forEach(block);
      else if (b.type === 'blockquote') block(b.children);
      else if (b.type === 'codeBlock') b.runs.forEach(visit);
    }
  };
  block(tree);
}

/** Marks each range's last run, so the renderer puts the range's button after the whole sentence. */
function markLast(tree: Block[]): void {
  const lastOf = new Map<string, Run>();
  eachRun(tree, (r) => {
    if (r.key !== null) lastOf.set(r.key, r);
  });
  for (const r of lastOf.values()) r.last = true;
}

/** The markdown's syntax tree (the costly step: parse once per text, mark it as often as its ranges change). */
export function parseMarkdown(markdown: string): MdRoot {
  return fromMarkdown(markdown);
}

/**
 * The markdown as blocks to render, its text cut into runs by the ranges (offsets into `markdown` as written).
 * `parsed` is `parseMarkdown(markdown)` when the caller already has it.
 */
export function markedMarkdown(markdown: string, ranges: readonly SourceRange[], parsed?: MdRoot): Block[] {
  const root = parsed ?? fromMarkdown(markdown);
  const tree = blocks(root.children, { source: markdown, ranges: normalised(ranges), depths: headingDepths(root) });
  markLast(tree);
  return tree;
}

/** The rendered text each range marks, in order, its runs joined (what a reader sees highlighted for it). */
export function markedText(tree: readonly Block[]): Map<string, string> {
  const out = new Map<string, string>();
  eachRun(tree, (r) => {
    if (r.key !== null) out.set(r.key, (out.get(r.key) ?? '') + r.text);
  });
  return out;
}

/** All the rendered text, blocks separated by a new line (for tests and the plain reading of a piece). */
export function renderedText(tree: readonly Block[]): string {
  const inline = (xs: Inline[]): string => xs.map((x) => (x.type === 'text' || x.type === 'code' ? x.runs.map((r) => r.text).join('') : x.type === 'break' ? '\n' : inline(x.children))).join('');
  const block = (bs: readonly Block[]): string[] =>
    bs.flatMap((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') return [inline(b.children)];
      if (b.type === 'list') return b.items.flatMap(block);
      if (b.type === 'blockquote') return block(b.children);
      if (b.type === 'codeBlock') return [b.runs.map((r) => r.text).join('')];
      return [];
    });
  return block(tree).join('\n');
}

/** A sentence of the markdown as it reads (its bold, links and code marks gone), for quoting it in a line of text. */
export function plainSentence(markdown: string): string {
  return renderedText(markedMarkdown(markdown, [])).replace(/\s+/g, ' ').trim();
}
