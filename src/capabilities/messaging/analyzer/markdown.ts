// A piece's body is markdown (SPEC S3). What a buyer reads is its words: the syntax around them — link targets,
// images, emphasis marks, code ticks, HTML tags (and what is inside scripts, styles and comments), rules and
// ordered-list numbers — is blanked before wink reads the text, each character replaced by a space so every word
// keeps its offsets and a flagged sentence still points at the copy as written. Headings, bullets and quote marks stay: they are what tells a sentence starts (nlp.ts).
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Link text kept, its "[", "](target)" or "][ref]" blanked. */
const keepLabel = (whole: string, label: string) => ` ${label}${blank(whole.slice(label.length + 1))}`;

/** An opening that hides what follows from a reader, up to its end: a script or style element, an HTML comment. */
// (A tag's attributes are bounded, so a run of '<script' never closed by '>' is not read again from each one.)
const HIDDEN_OPENING = /<(script|style)\b[^>]{0,2000}>|<!--/gi;

/**
 * Script and style elements and HTML comments blanked with what is inside (code and notes, not copy), in one
 * pass: each end is searched for once, from its opening on, and an opening never closed hides the rest (as a
 * browser reads it).
 */
function blankHidden(text: string): string {
  let out = '';
  let from = 0;
  HIDDEN_OPENING.lastIndex = 0;
  for (let m = HIDDEN_OPENING.exec(text); m; m = HIDDEN_OPENING.exec(text)) {
    // Case-insensitive search in the text itself (a lower-cased copy may not keep every offset).
    const closing = m[1] ? new RegExp(`</${m[1]}\\b[^>]{0,2000}>`, 'gi') : /-->/g;
    closing.lastIndex = m.index + m[0].length;
    const found = closing.exec(text);
    const end = found ? found.index + found[0].length : text.length;
    out += text.slice(from, m.index) + blank(text.slice(m.index, end));
    from = end;
    HIDDEN_OPENING.lastIndex = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The text with its markdown syntax blanked, of the same length and with its line breaks where they were.
 * Every span a pattern reads is bounded (a link's text 500 characters, a target 2,000, a tag 1,000, an emphasis
 * 1,000), so a hostile line of openings never closed ("[a[a[a…", "**a **a …") costs a bounded scan from each,
 * not the rest of the line: 100 KB of them read in well under a second instead of seconds.
 */
export function blankMarkdown(text: string): string {
  return (
    blankHidden(text)
      // Code fences and thematic breaks / setext underlines are not copy.
      .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, blank)
      .replace(/^ {0,3}([-*_=])( *\1){2,} *$/gm, blank)
      // Link definitions, images, inline and reference links (their text kept), autolinks, HTML tags.
      .replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, blank)
      .replace(/!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)/g, blank)
      .replace(/\[([^\]\n]{0,500})\]\([^)\n]{0,2000}\)/g, keepLabel)
      .replace(/\[([^\]\n]{0,500})\]\[[^\]\n]{0,500}\]/g, keepLabel)
      .replace(/<(?:https?:|mailto:)[^>\s]*>/g, blank)
      .replace(/<\/?[a-zA-Z][^>\n]{0,1000}>/g, blank)
      // An ordered list's number reads as a bullet ("12." → "-  "), not as a sentence ending after "12".
      .replace(/^([ \t]*)(\d{1,9})([.)])(?=[ \t])/gm, (_m, indent: string, digits: string) => `${indent}-${' '.repeat(digits.length)}`)
      // Emphasis and strike marks, code ticks and table pipes.
      .replace(/(\*\*|__|~~)(?=\S)([^\n]{0,1000}?\S)\1/g, (_m, mark: string, inner: string) => `${' '.repeat(mark.length)}${inner}${' '.repeat(mark.length)}`)
      .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/gm, (_m, before: string, inner: string) => `${before} ${inner} `)
      .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/gm, (_m, before: string, inner: string) => `${before} ${inner} `)
      .replace(/`/g, ' ')
      .replace(/^ {0,3}\|?( *:?-{3,}:? *\|)+ *:?-*:? *$/gm, blank)
      .replace(/\|/g, ' ')
  );
}
