// A piece's body is markdown (SPEC S3). What a buyer reads is its words: the syntax around them — link targets,
// images, emphasis marks, code ticks, HTML tags, rules and ordered-list numbers — is blanked before wink reads the
// text, each character replaced by a space so every word keeps its offsets and a flagged sentence still points at
// the copy as written. Headings, bullets and quote marks stay: they are what tells a sentence starts (nlp.ts).
const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Link text kept, its "[", "](target)" or "][ref]" blanked. */
const keepLabel = (whole: string, label: string) => ` ${label}${blank(whole.slice(label.length + 1))}`;

/** The text with its markdown syntax blanked, of the same length and with its line breaks where they were. */
export function blankMarkdown(text: string): string {
  return (
    text
      // Code fences and thematic breaks / setext underlines are not copy.
      .replace(/^ {0,3}(`{3,}|~{3,}).*$/gm, blank)
      .replace(/^ {0,3}([-*_=])( *\1){2,} *$/gm, blank)
      // Link definitions, images, inline and reference links (their text kept), autolinks, HTML tags.
      .replace(/^ {0,3}\[[^\]\n]+\]:.*$/gm, blank)
      .replace(/!\[[^\]\n]*\]\([^)\n]*\)/g, blank)
      .replace(/\[([^\]\n]*)\]\([^)\n]*\)/g, keepLabel)
      .replace(/\[([^\]\n]*)\]\[[^\]\n]*\]/g, keepLabel)
      .replace(/<(?:https?:|mailto:)[^>\s]*>/g, blank)
      .replace(/<\/?[a-zA-Z][^>\n]*>/g, blank)
      // An ordered list's number reads as a bullet ("12." → "-  "), not as a sentence ending after "12".
      .replace(/^([ \t]*)(\d{1,9})([.)])(?=[ \t])/gm, (_m, indent: string, digits: string) => `${indent}-${' '.repeat(digits.length)}`)
      // Emphasis and strike marks, code ticks and table pipes.
      .replace(/(\*\*|__|~~)(?=\S)([^\n]*?\S)\1/g, (_m, mark: string, inner: string) => `${' '.repeat(mark.length)}${inner}${' '.repeat(mark.length)}`)
      .replace(/(^|[^\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/gm, (_m, before: string, inner: string) => `${before} ${inner} `)
      .replace(/(^|[^\w])_(?=[^\s_])([^_\n]*?[^\s_])_(?!\w)/gm, (_m, before: string, inner: string) => `${before} ${inner} `)
      .replace(/`/g, ' ')
      .replace(/^ {0,3}\|?( *:?-{3,}:? *\|)+ *:?-*:? *$/gm, blank)
      .replace(/\|/g, ' ')
  );
}
