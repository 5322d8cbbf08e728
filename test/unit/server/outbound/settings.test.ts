// A channel's settings (issue 13): which webhook URLs and SMTP servers are taken, the sentences for the rest, and
// the hint shown instead of the secret.
import { describe, expect, it } from 'vitest';
import { addressOf, settingsHint, smtpProblem, webhookUrlProblem } from '../../../../src/server/outbound/settings.js';

const smtp = { host: 'smtp.example.com', port: 587, security: 'starttls' as const, user: 'ana@example.com', password: 'pw', from: 'ana@example.com' };

describe('webhook URLs', () => {
  it('takes Slack on hooks.slack.com and Teams on *.webhook.office.com or *.logic.azure.com, over https', () => {
    expect(webhookUrlProblem('slack', 'https://hooks.slack.com/services/T/B/x', true)).toBeNull();
    expect(webhookUrlProblem('teams', 'https://acme.webhook.office.com/webhookb2/x', true)).toBeNull();
    expect(webhookUrlProblem('teams', 'https://prod-1.westus.logic.azure.com:443/workflows/x', true)).toBeNull();
    expect(webhookUrlProblem('slack', 'https://hooks.slack.com.evil.example/services/x', false)).toMatch(/hooks\.slack\.com/);
    expect(webhookUrlProblem('teams', 'https://webhook.office.com.evil.example/x', false)).toMatch(/webhook\.office\.com/);
    expect(webhookUrlProblem('teams', 'https://evilwebhook.office.com/x', false)).toMatch(/webhook\.office\.com/);
    expect(webhookUrlProblem('slack', 'ftp://hooks.slack.com/x', false)).toMatch(/https:\/\//);
    expect(webhookUrlProblem('slack', 'https://hooks.slack.com/', false)).toMatch(/no path/);
  });

  it('takes http to localhost, 127.0.0.1 and ::1 only outside production', () => {
    for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1:9/hook', 'http://[::1]:9/hook']) {
      expect(webhookUrlProblem('slack', url, false), url).toBeNull();
      expect(webhookUrlProblem('slack', url, true), url).toMatch(/https:\/\//);
    }
    expect(webhookUrlProblem('slack', 'http://10.0.0.5/hook', false)).toMatch(/https:\/\//);
    expect(webhookUrlProblem('slack', 'https://localhost/hook', true)).toMatch(/hooks\.slack\.com/);
  });
});

describe('SMTP servers', () => {
  it('refuses a bad host, port or sender, and a password without a user or in the clear in production', () => {
    expect(smtpProblem(smtp, true)).toBeNull();
    expect(smtpProblem({ ...smtp, host: 'smtp.example.com:587' }, false)).toMatch(/without a port/);
    expect(smtpProblem({ ...smtp, host: '[::1]' }, false)).toBeNull();
    expect(smtpProblem({ ...smtp, port: 0 }, false)).toMatch(/1 to 65535/);
    expect(smtpProblem({ ...smtp, port: 65536 }, false)).toMatch(/1 to 65535/);
    expect(smtpProblem({ ...smtp, from: 'Lockstep' }, false)).toMatch(/sender/);
    expect(smtpProblem({ ...smtp, user: null }, false)).toMatch(/user name/);
    expect(smtpProblem({ ...smtp, security: 'none' }, true)).toMatch(/in the clear/);
    expect(smtpProblem({ ...smtp, security: 'none' }, false)).toBeNull();
    expect(smtpProblem({ ...smtp, security: 'none', host: 'localhost' }, true)).toBeNull();
    expect(smtpProblem({ ...smtp, security: 'none', password: null, user: null }, true)).toBeNull();
  });

  it('reads the address in a sender with a display name', () => {
    expect(addressOf('Lockstep <bot@example.com>')).toBe('bot@example.com');
    expect(addressOf('"Lockstep, Inc." <bot@example.com>')).toBe('bot@example.com');
    expect(addressOf('bot@example.com')).toBe('bot@example.com');
    expect(addressOf('Lockstep <not an address>')).toBeNull();
  });
});

describe('hints', () => {
  it('show where a channel goes, never the secret', () => {
    expect(settingsHint({ kind: 'slack', url: 'https://hooks.slack.com/services/T0/B0/XXXXsecretA1b2' })).toBe('hooks.slack.com/…/A1b2');
    expect(settingsHint({ kind: 'teams', url: 'https://acme.webhook.office.com/webhookb2/a/IncomingWebhook/b/c9f3c/' })).toBe('acme.webhook.office.com/…/9f3c');
    expect(settingsHint({ kind: 'email', ...smtp })).toBe('smtp.example.com:587 as ana@…');
    expect(settingsHint({ kind: 'email', ...smtp, user: 'apikey' })).toBe('smtp.example.com:587 as apikey');
    expect(settingsHint({ kind: 'email', ...smtp, user: null, password: null, from: 'Lockstep <bot@example.com>' })).toBe('smtp.example.com:587 as bot@…');
  });
});
