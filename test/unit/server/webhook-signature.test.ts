// SPEC S7: an inbound webhook's HMAC-SHA256 signature over "<timestamp>.<raw body>", with a 5-minute window.
import { describe, expect, it } from 'vitest';
import { checkWebhookSignature, signWebhook } from '../../../src/server/webhook-signature.js';

const SECRET = 'whsec_test_secret';
const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);
const ts = Math.floor(NOW / 1000);
const body = '{"values":[{"kpi":"MQLs","date":"2026-12-01","value":12}]}';
const signed = (secret = SECRET, stamp: number | string = ts, raw: string = body) => ({
  'x-lockstep-timestamp': String(stamp),
  'x-lockstep-signature': `sha256=${signWebhook(secret, stamp, raw)}`,
});
const check = (headers: Record<string, string | string[] | undefined>, extra: { rawBody?: string; seen?: Set<string>; nowMs?: number } = {}) =>
  checkWebhookSignature({ secret: SECRET, headers, rawBody: extra.rawBody ?? body, nowMs: extra.nowMs ?? NOW, ...(extra.seen ? { seen: extra.seen } : {}) });

describe('checkWebhookSignature', () => {
  it('accepts a good signature and says when its replay window ends', () => {
    const r = check(signed());
    expect(r).toMatchObject({ ok: true, timestamp: ts, expiresAtMs: (ts + 300) * 1000 });
    if (r.ok) expect(r.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the raw bytes as a Buffer the same as the string', () => {
    expect(checkWebhookSignature({ secret: SECRET, headers: signed(), rawBody: Buffer.from(body), nowMs: NOW }).ok).toBe(true);
  });

  it('refuses a signature that is not the HMAC of the body', () => {
    const r = check({ ...signed(), 'x-lockstep-signature': `sha256=${'0'.repeat(64)}` });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('does not match') });
  });

  it('refuses a tampered body (one value changed)', () => {
    expect(check(signed(), { rawBody: body.replace('12', '13') }).ok).toBe(false);
  });

  it('refuses the same body re-serialised (whitespace differs): the raw bytes are what is signed', () => {
    expect(check(signed(), { rawBody: JSON.stringify(JSON.parse(body), null, 1) }).ok).toBe(false);
  });

  it('refuses a signature made with another secret', () => {
    expect(check(signed('another secret')).ok).toBe(false);
  });

  it('refuses a timestamp more than 5 minutes old, and says how old', () => {
    const stale = ts - 301;
    const r = check(signed(SECRET, stale));
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('301 seconds in the past') });
    expect(check(signed(SECRET, ts - 300)).ok).toBe(true);
  });

  it('refuses a timestamp more than 5 minutes in the future', () => {
    expect(check(signed(SECRET, ts + 301))).toMatchObject({ ok: false, message: expect.stringContaining('in the future') });
    expect(check(signed(SECRET, ts + 299)).ok).toBe(true);
  });

  it('refuses a re-dated request: the timestamp is part of what is signed', () => {
    const headers = signed(SECRET, ts - 200);
    expect(check({ ...headers, 'x-lockstep-timestamp': String(ts) }).ok).toBe(false);
  });

  it('refuses a replay of a signature already seen', () => {
    const first = check(signed());
    if (!first.ok) throw new Error('the first request should pass');
    expect(check(signed(), { seen: new Set([first.signature]) })).toMatchObject({ ok: false, message: expect.stringContaining('already received') });
  });

  it('reads headers in any case, the sha256= prefix and the hex in any case', () => {
    const h = signed();
    const r = check({ 'X-Lockstep-Timestamp': h['x-lockstep-timestamp'], 'X-LOCKSTEP-SIGNATURE': h['x-lockstep-signature'].replace('sha256=', 'SHA256=').toUpperCase() });
    expect(r.ok).toBe(true);
    // The seen signature is normalised, so the upper-case copy of a seen one is still a replay.
    if (r.ok) expect(check(signed(), { seen: new Set([r.signature]) }).ok).toBe(false);
  });

  it('refuses a missing timestamp or signature with a sentence naming the header', () => {
    expect(check({ 'x-lockstep-signature': signed()['x-lockstep-signature'] })).toMatchObject({ ok: false, message: expect.stringContaining('no X-Lockstep-Timestamp') });
    expect(check({ 'x-lockstep-timestamp': String(ts) })).toMatchObject({ ok: false, message: expect.stringContaining('no X-Lockstep-Signature') });
    expect(check({}).ok).toBe(false);
  });

  it('refuses malformed headers: a timestamp that is not whole seconds, a signature of the wrong length, two copies', () => {
    expect(check({ ...signed(), 'x-lockstep-timestamp': `${ts}.5` }).ok).toBe(false);
    expect(check({ ...signed(), 'x-lockstep-timestamp': '1e9' }).ok).toBe(false);
    expect(check({ ...signed(), 'x-lockstep-signature': 'sha256=abcd' }).ok).toBe(false);
    expect(check({ ...signed(), 'x-lockstep-signature': signWebhook(SECRET, ts, body) }).ok).toBe(false);
    const h = signed();
    expect(check({ ...h, 'x-lockstep-signature': [h['x-lockstep-signature'], h['x-lockstep-signature']] }).ok).toBe(false);
  });
});
