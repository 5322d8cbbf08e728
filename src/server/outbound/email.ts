// An announced event as an email: the subject from the title, an HTML part (every value escaped: a title holding
// "<script>" shows as text) and a plain-text part with the same content. The sender (from) is the channel's.
import type { OutboundEvent } from './announce.js';
import { digestParagraphHtml } from './digest-html.js';
import { ACCENT_LINES, DEFAULT_LINK_LABEL, MAX_FIELDS } from './event.js';
import { absoluteLink, escapeHtml, oneLine, paragraphs, truncate } from './text.js';

export const EMAIL_LIMITS = { subject: 200, text: 20_000 } as const;

export interface EmailMessage {
  subject: string;
  html: string;
  text: string;
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

const ACCENT_COLOURS = { celebrate: { bg: '#e6f7ed', fg: '#0b6b35' }, warning: { bg: '#fff4e0', fg: '#8a4b00' } } as const;

export function emailMessage(event: OutboundEvent, publicUrl: string): EmailMessage {
  const title = oneLine(event.title);
  const url = absoluteLink(publicUrl, event.link);
  const label = oneLine(event.linkLabel ?? DEFAULT_LINK_LABEL);
  const paras = paragraphs(truncate(event.text, EMAIL_LIMITS.text));
  const fields = (event.fields ?? []).slice(0, MAX_FIELDS);
  const accent = event.accent === 'celebrate' || event.accent === 'warning' ? event.accent : null;

  const text = [
    ...(accent ? [ACCENT_LINES[accent], ''] : []),
    title,
    '',
    ...paras.flatMap((p) => [p, '']),
    ...(fields.length > 0 ? [...fields.map((f) => `${oneLine(f.label)}: ${f.value}`), ''] : []),
    `${label}: ${url}`,
    '',
  ].join('\n');

  const html = [
    '<!doctype html>',
    '<html><body style="margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">',
    ...(accent
      ? [`<p style="margin:0 0 12px;padding:6px 10px;border-radius:4px;background:${ACCENT_COLOURS[accent].bg};color:${ACCENT_COLOURS[accent].fg};font-weight:600;font-size:14px">${escapeHtml(ACCENT_LINES[accent])}</p>`]
      : []),
    `<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${escapeHtml(title)}</h1>`,
    ...paras.map((p) => (event.kind === 'weekly_digest' ? digestParagraphHtml(p) : null) ?? `<p style="margin:0 0 12px;font-size:15px;line-height:1.5">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    ...(fields.length > 0
      ? [
          '<table style="margin:0 0 16px;border-collapse:collapse;font-size:14px">',
          ...fields.map((f) => `<tr><th style="text-align:left;padding:4px 12px 4px 0;color:#57606a;font-weight:600">${escapeHtml(oneLine(f.label))}</th><td style="padding:4px 0">${escapeHtml(f.value)}</td></tr>`),
          '</table>',
        ]
      : []),
    `<p style="margin:16px 0 0"><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;border-radius:6px;background:#1c64d8;color:#ffffff;text-decoration:none;font-weight:600">${escapeHtml(label)}</a></p>`,
    '</div>',
    '</body></html>',
  ].join('\n');

  return {
    subject: truncate(title, EMAIL_LIMITS.subject),
    html,
    text,
    ...(event.attachments && event.attachments.length > 0 ? { attachments: event.attachments } : {}),
  };
}
