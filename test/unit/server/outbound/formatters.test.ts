// The channel formatters (issue 13): exact Slack Block Kit, Teams Adaptive Card and email payloads for an event,
// the collaborative accent visible in each, escaping, and long text cut with "…" within each channel's limits.
import { describe, expect, it } from 'vitest';
import type { OutboundEvent } from '../../../../src/server/outbound/announce.js';
import { emailMessage } from '../../../../src/server/outbound/email.js';
import { SLACK_LIMITS, slackMessage } from '../../../../src/server/outbound/slack.js';
import { TEAMS_LIMITS, teamsMessage } from '../../../../src/server/outbound/teams.js';
import { absoluteLink, truncate } from '../../../../src/server/outbound/text.js';

const URL_BASE = 'https://lockstep.example';
const win: OutboundEvent = {
  kind: 'wins',
  key: 'win:abc',
  title: 'Northwind closed: $120,000 — sales and marketing together',
  text: 'Ana and Ben closed Northwind.\n\nThe webinar <brought> them in & kept them.',
  fields: [{ label: 'Amount', value: '$120,000' }],
  link: '/wins/abc',
  linkLabel: 'See the win',
  accent: 'celebrate',
};

describe('Slack Block Kit', () => {
  it('is a header, the collaborative context line, the text, the fields and a link button, with a fallback text', () => {
    expect(slackMessage(win, URL_BASE)).toEqual({
      text: '🤝 Northwind closed: $120,000 — sales and marketing together',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Northwind closed: $120,000 — sales and marketing together', emoji: true } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: '*🤝 Sales and marketing together*' }] },
        { type: 'section', text: { type: 'plain_text', text: 'Ana and Ben closed Northwind.\n\nThe webinar <brought> them in & kept them.', emoji: true } },
        { type: 'section', fields: [{ type: 'mrkdwn', text: '*Amount*\n$120,000' }] },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'See the win', emoji: true }, url: 'https://lockstep.example/wins/abc', style: 'primary' }] },
      ],
    });
  });

  it('escapes mrkdwn control characters in fields and the fallback; a warning shows its own line; no accent, none', () => {
    const m = slackMessage({ ...win, title: 'A <b> & c', fields: [{ label: '<x>', value: 'a & b' }], accent: 'warning' }, URL_BASE);
    expect(m.text).toBe('⚠️ A &lt;b&gt; &amp; c');
    expect(m.blocks[1]).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*⚠️ Needs attention*' }] });
    expect(m.blocks[3]).toEqual({ type: 'section', fields: [{ type: 'mrkdwn', text: '*&lt;x&gt;*\na &amp; b' }] });
    const plain = slackMessage({ ...win, accent: undefined, fields: [], linkLabel: undefined }, URL_BASE);
    expect(plain.blocks.map((b) => b.type)).toEqual(['header', 'section', 'actions']);
    expect(plain.blocks.at(-1)).toEqual({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open in Lockstep', emoji: true }, url: 'https://lockstep.example/wins/abc' }] });
  });

  it('cuts a long title and text with "…" within Slack\'s limits and stays under 50 blocks', () => {
    const m = slackMessage({ ...win, title: 'T'.repeat(400), text: 'x'.repeat(10_000), fields: Array.from({ length: 80 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(5000) })) }, URL_BASE);
    const header = m.blocks[0] as { text: { text: string } };
    expect(header.text.text).toBe(`${'T'.repeat(149)}…`);
    const section = m.blocks[2] as { text: { text: string } };
    expect(Array.from(section.text.text)).toHaveLength(SLACK_LIMITS.section);
    expect(section.text.text.endsWith('x…')).toBe(true);
    const fields = (m.blocks[3] as { fields: Array<{ text: string }> }).fields;
    expect(fields).toHaveLength(10);
    for (const f of fields) expect(Array.from(f.text).length).toBeLessThanOrEqual(SLACK_LIMITS.field);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
  });
});

describe('Teams Adaptive Card', () => {
  it('is a message with one Adaptive Card 1.4: the accent line, the heading, paragraphs, facts and Action.OpenUrl', () => {
    expect(teamsMessage(win, URL_BASE)).toEqual({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          contentUrl: null,
          content: {
            $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
            type: 'AdaptiveCard',
            version: '1.4',
            msteams: { width: 'Full' },
            body: [
              { type: 'TextBlock', text: '🤝 Sales and marketing together', wrap: true, size: 'Small', weight: 'Bolder', color: 'Good' },
              { type: 'TextBlock', text: 'Northwind closed: $120,000 — sales and marketing together', wrap: true, size: 'Large', weight: 'Bolder', style: 'heading' },
              { type: 'TextBlock', text: 'Ana and Ben closed Northwind.', wrap: true, spacing: 'Medium' },
              { type: 'TextBlock', text: 'The webinar <brought> them in & kept them.', wrap: true, spacing: 'Medium' },
              { type: 'FactSet', facts: [{ title: 'Amount', value: '$120,000' }] },
            ],
            actions: [{ type: 'Action.OpenUrl', title: 'See the win', url: 'https://lockstep.example/wins/abc' }],
          },
        },
      ],
    });
  });

  it('shares the text budget between paragraphs and cuts the one that crosses it with "…"', () => {
    const m = teamsMessage({ ...win, accent: undefined, title: 'T'.repeat(300), text: `${'a'.repeat(2000)}\n\n${'b'.repeat(2000)}\n\n${'c'.repeat(50)}` }, URL_BASE);
    const body = m.attachments[0]!.content.body as Array<{ type: string; text?: string }>;
    expect(body[0]!.text).toBe(`${'T'.repeat(TEAMS_LIMITS.title - 1)}…`);
    expect(body[1]!.text).toBe('a'.repeat(2000));
    expect(body[2]!.text).toBe(`${'b'.repeat(999)}…`);
    // The paragraph after the cut is left out; the facts follow.
    expect(body.map((b) => b.type)).toEqual(['TextBlock', 'TextBlock', 'TextBlock', 'FactSet']);
  });
});

describe('Teams Adaptive Card, hostile text', () => {
  it('turns no user text into a link with text of its choosing: "[label](url)" is shown as written, its address in sight', () => {
    const hostile: OutboundEvent = {
      ...win,
      title: 'Won! [Claim your bonus](https://evil.example/login)',
      text: 'See [the deck]( https://evil.example/a) and [this][1].\n\n[1]: https://evil.example/b',
      fields: [{ label: '[Owner](https://evil.example)', value: '[Ana](https://evil.example/ana)' }],
    };
    const card = teamsMessage(hostile, URL_BASE).attachments[0]!.content;
    const texts = card.body.flatMap((b) => (b.type === 'TextBlock' ? [b.text] : b.facts.flatMap((f) => [f.title, f.value])));
    for (const t of texts) expect(t).not.toMatch(/\]\s*[([]/);
    // A zero-width space between "]" and "(" is all that changes: the text reads as written and is no link.
    expect(texts).toContain('Won! [Claim your bonus]\u200b(https://evil.example/login)');
    // The card's own link button still points into the app.
    expect(card.actions[0]!.url).toBe(`${URL_BASE}/wins/abc`);
  });
});

describe('email', () => {
  it('has the subject from the title, a plain-text part and an escaped HTML part', () => {
    const m = emailMessage({ ...win, title: 'A <script>alert(1)</script> win' }, URL_BASE);
    expect(m.subject).toBe('A <script>alert(1)</script> win');
    expect(m.text).toBe(
      [
        '🤝 Sales and marketing together',
        '',
        'A <script>alert(1)</script> win',
        '',
        'Ana and Ben closed Northwind.',
        '',
        'The webinar <brought> them in & kept them.',
        '',
        'Amount: $120,000',
        '',
        'See the win: https://lockstep.example/wins/abc',
        '',
      ].join('\n'),
    );
    expect(m.html).toContain('<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">A &lt;script&gt;alert(1)&lt;/script&gt; win</h1>');
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('The webinar &lt;brought&gt; them in &amp; kept them.');
    expect(m.html).toContain('🤝 Sales and marketing together');
    expect(m.html).toContain('<a href="https://lockstep.example/wins/abc"');
    expect(m.attachments).toBeUndefined();
  });

  it('puts a one-line subject cut to 200 characters and carries attachments', () => {
    const m = emailMessage({ ...win, title: `Line one\nline two ${'z'.repeat(300)}`, attachments: [{ filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }, URL_BASE);
    expect(m.subject.startsWith('Line one line two z')).toBe(true);
    expect(Array.from(m.subject)).toHaveLength(200);
    expect(m.subject.endsWith('…')).toBe(true);
    expect(m.attachments).toEqual([{ filename: 'a.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }]);
  });
});

describe('text helpers', () => {
  it('truncate counts characters, not UTF-16 units, and leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('🤝🤝🤝🤝', 3)).toBe('🤝🤝…');
    expect(truncate('word end  ', 6)).toBe('word…');
  });
  it('absoluteLink joins the public URL and a path, and leaves absolute links', () => {
    expect(absoluteLink('https://x.example/', '/wins/1')).toBe('https://x.example/wins/1');
    expect(absoluteLink('https://x.example', 'wins/1')).toBe('https://x.example/wins/1');
    expect(absoluteLink('https://x.example', 'https://other.example/a')).toBe('https://other.example/a');
  });
});
