// A Microsoft Teams incoming-webhook message: one Adaptive Card (schema 1.4) with the accent as a coloured line,
// the title as a heading, the text as wrapped paragraphs, the fields as a FactSet and an Action.OpenUrl back into
// the app (https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using).
import type { OutboundEvent } from './announce.js';
import { ACCENT_LINES, DEFAULT_LINK_LABEL, MAX_FIELDS } from './event.js';
import { absoluteLink, oneLine, paragraphs, truncate } from './text.js';

export const TEAMS_LIMITS = { title: 150, text: 3000, fact: 500 } as const;

export interface TeamsTextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Large';
  weight?: 'Bolder';
  color?: 'Good' | 'Warning';
  style?: 'heading';
  spacing?: 'Medium';
}
export interface TeamsFactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}
export interface TeamsCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  msteams: { width: 'Full' };
  body: Array<TeamsTextBlock | TeamsFactSet>;
  actions: Array<{ type: 'Action.OpenUrl'; title: string; url: string }>;
}
export interface TeamsMessage {
  type: 'message';
  attachments: Array<{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: TeamsCard }>;
}

/**
 * Teams renders a TextBlock's text as markdown, and its escapes differ between clients (a backslash shows on some).
 * Bold or a list in a win's story is harmless; a link whose words hide its address ("[Claim your bonus](…)") is not,
 * so a zero-width space goes between "]" and "(" or "[": the text reads as written and no client makes it a link.
 */
export function defuseLinks(text: string): string {
  return text.replace(/\](\s*)(?=[([])/g, ']\u200b$1');
}

export function teamsMessage(event: OutboundEvent, publicUrl: string): TeamsMessage {
  const body: TeamsCard['body'] = [];
  if (event.accent === 'celebrate' || event.accent === 'warning') {
    body.push({ type: 'TextBlock', text: ACCENT_LINES[event.accent], wrap: true, size: 'Small', weight: 'Bolder', color: event.accent === 'celebrate' ? 'Good' : 'Warning' });
  }
  body.push({ type: 'TextBlock', text: defuseLinks(truncate(oneLine(event.title), TEAMS_LIMITS.title)), wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' });
  // The text's budget is shared by its paragraphs, in order; the one that crosses it ends in "…".
  let left = TEAMS_LIMITS.text;
  for (const p of paragraphs(event.text)) {
    if (left <= 0) break;
    const cut = truncate(p, left);
    body.push({ type: 'TextBlock', text: defuseLinks(cut), wrap: true, spacing: 'Medium' });
    left -= Array.from(cut).length;
  }
  const fields = (event.fields ?? []).slice(0, MAX_FIELDS);
  if (fields.length > 0) {
    body.push({ type: 'FactSet', facts: fields.map((f) => ({ title: defuseLinks(truncate(oneLine(f.label), TEAMS_LIMITS.fact)), value: defuseLinks(truncate(f.value, TEAMS_LIMITS.fact)) })) });
  }
  const card: TeamsCard = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    msteams: { width: 'Full' },
    body,
    actions: [{ type: 'Action.OpenUrl', title: truncate(oneLine(event.linkLabel ?? DEFAULT_LINK_LABEL), 75), url: absoluteLink(publicUrl, event.link) }],
  };
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
