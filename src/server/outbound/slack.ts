// Slack Block Kit for an announced event (https://api.slack.com/reference/block-kit/blocks): a header (plain
// text, ≤150 characters), the accent as a context line, the text as a plain-text section (≤3,000), the fields
// two columns wide (≤10 per section, each ≤2,000), and a link button; `text` is the notification fallback.
import type { OutboundEvent } from './announce.js';
import { ACCENT_LINES, DEFAULT_LINK_LABEL, MAX_FIELDS } from './event.js';
import { absoluteLink, escapeSlack, oneLine, paragraphs, truncate } from './text.js';

export const SLACK_LIMITS = { header: 150, section: 3000, field: 2000, button: 75, fallback: 3000, blocks: 50 } as const;

export type SlackTextObject = { type: 'plain_text'; text: string; emoji?: boolean } | { type: 'mrkdwn'; text: string };
export type SlackBlock =
  | { type: 'header'; text: { type: 'plain_text'; text: string; emoji: boolean } }
  | { type: 'context'; elements: SlackTextObject[] }
  | { type: 'section'; text?: SlackTextObject; fields?: SlackTextObject[] }
  | { type: 'actions'; elements: Array<{ type: 'button'; text: { type: 'plain_text'; text: string; emoji: boolean }; url: string; style?: 'primary' | 'danger' }> };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export function slackMessage(event: OutboundEvent, publicUrl: string): SlackMessage {
  const title = oneLine(event.title);
  const url = absoluteLink(publicUrl, event.link);
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(title, SLACK_LIMITS.header), emoji: true } }];
  if (event.accent === 'celebrate' || event.accent === 'warning') {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `*${ACCENT_LINES[event.accent]}*` }] });
  }
  const body = paragraphs(event.text).join('\n\n');
  if (body) blocks.push({ type: 'section', text: { type: 'plain_text', text: truncate(body, SLACK_LIMITS.section), emoji: true } });
  const fields = (event.fields ?? []).slice(0, MAX_FIELDS);
  if (fields.length > 0) {
    blocks.push({
      type: 'section',
      fields: fields.map((f) => ({ type: 'mrkdwn', text: truncate(`*${escapeSlack(oneLine(f.label))}*\n${escapeSlack(f.value)}`, SLACK_LIMITS.field) })),
    });
  }
  blocks.push({
    type: 'actions',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: truncate(oneLine(event.linkLabel ?? DEFAULT_LINK_LABEL), SLACK_LIMITS.button), emoji: true },
        url,
        ...(event.accent === 'celebrate' ? { style: 'primary' as const } : {}),
      },
    ],
  });
  const accent = event.accent === 'celebrate' ? '🤝 ' : event.accent === 'warning' ? '⚠️ ' : '';
  return { text: truncate(`${accent}${escapeSlack(title)}`, SLACK_LIMITS.fallback), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}
