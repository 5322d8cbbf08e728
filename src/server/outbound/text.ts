// Small text helpers the channel formatters share: cutting to a limit with "…", escaping, absolute links.

/** `text` cut to at most `max` characters (code points), ending in "…" when it was cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** One line: line breaks and runs of spaces become one space (titles, subjects, headers). */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Paragraphs: split on blank lines, each trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** A path inside the app made absolute with the public URL ("/wins/abc" → "https://lockstep.example/wins/abc"). */
export function absoluteLink(publicUrl: string, link: string): string {
  if (/^https?:\/\//i.test(link)) return link;
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${link.startsWith('/') ? '' : '/'}${link}`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Slack mrkdwn's three control characters (https://api.slack.com/reference/surfaces/formatting#escaping). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
