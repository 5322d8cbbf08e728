// The weekly digest's email HTML (decision 057): each section a heading and a list whose items link to the app,
// everything escaped; a paragraph that is not a section, and every other kind, keep the generic markup.
import { describe, expect, it } from 'vitest';
import { emailMessage } from '../../../../src/server/outbound/email.js';
import { digestParagraphHtml } from '../../../../src/server/outbound/digest-html.js';
import type { OutboundEvent } from '../../../../src/server/outbound/announce.js';

const section = 'Wins this week\n• Together: <Initech> signed — Credited to Sam (https://app.example/wins/1)\n• No link here';

describe('digestParagraphHtml', () => {
  it('renders a section as a heading and a list of linked, escaped items', () => {
    const html = digestParagraphHtml(section)!;
    expect(html).toContain('<h2 style="margin:20px 0 8px;font-size:16px;line-height:1.3">Wins this week</h2>');
    expect(html).toContain('<a href="https://app.example/wins/1" style="color:#1c64d8;text-decoration:none">Together: &lt;Initech&gt; signed — Credited to Sam</a>');
    expect(html).toContain('<li style="margin:0 0 6px">No link here</li>');
    expect(html).not.toContain('<Initech>');
  });

  it('is null for a paragraph that is not a section', () => {
    expect(digestParagraphHtml('Just one line')).toBeNull();
    expect(digestParagraphHtml('Heading\nnot a bullet')).toBeNull();
  });
});

describe('emailMessage of a weekly digest', () => {
  const event: OutboundEvent = { kind: 'weekly_digest', key: 'digest:2026-W49:m', title: 'Your week', text: `${section}\n\nA closing line.`, link: '/' };
  it('uses the section markup for the digest only', () => {
    const digest = emailMessage(event, 'https://app.example');
    expect(digest.html).toContain('<h2');
    expect(digest.html).toContain('<p style="margin:0 0 12px;font-size:15px;line-height:1.5">A closing line.</p>');
    expect(digest.text).toContain('• Together: <Initech> signed — Credited to Sam (https://app.example/wins/1)');
    const win = emailMessage({ ...event, kind: 'wins' }, 'https://app.example');
    expect(win.html).not.toContain('<h2');
    expect(win.html).toContain('Wins this week<br>• Together: &lt;Initech&gt;');
  });
});
