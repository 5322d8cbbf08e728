// The weekly digest's paragraphs as email HTML (kind 'weekly_digest'; decision 057): each paragraph the digest
// writes is a section — its heading line, then one "• text (link)" line per item — shown as a heading and a list
// whose items link to the app; null for any other paragraph (the generic formatter shows it). Every value is escaped.
import { escapeHtml } from './text.js';

const ITEM = /^• (.*?)(?: \((https?:\/\/[^\s()]+)\))?$/;

export function digestParagraphHtml(paragraph: string): string | null {
  const [heading, ...lines] = paragraph.split('\n');
  if (!heading || lines.length === 0 || !lines.every((l) => l.startsWith('• '))) return null;
  const items = lines.map((l) => {
    const [, text = l, url] = ITEM.exec(l) ?? [];
    const body = url ? `<a href="${escapeHtml(url)}" style="color:#1c64d8;text-decoration:none">${escapeHtml(text)}</a>` : escapeHtml(text);
    return `<li style="margin:0 0 6px">${body}</li>`;
  });
  return [
    `<h2 style="margin:20px 0 8px;font-size:16px;line-height:1.3">${escapeHtml(heading)}</h2>`,
    `<ul style="margin:0 0 12px;padding-left:20px;font-size:15px;line-height:1.5">`,
    ...items,
    '</ul>',
  ].join('\n');
}
