// Sign-up, sign-in, sessions, API tokens and the request guards every route shares (SPEC S0, S9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { MeView, MemberView } from '../helpers/views.js';
import { makeApiToken, makeWorkspace, PASSWORD, uniqueEmail } from '../factories.js';

const SESSION = 'lockstep_session';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const signUpInput = (over: Partial<{ email: string; password: string; name: string; workspaceName: string }> = {}) => ({
  email: uniqueEmail('signup'),
  password: PASSWORD,
  name: 'Sam Signup',
  workspaceName: 'Signup Co',
  ...over,
});

describe('sign-up', () => {
  it('creates the workspace and its admin, and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const c = t.client();
    const input = signUpInput({ email: 'Mixed.Case@Example.test' });
    const res = await c.signUp(input);
    expect(res.status).toBe(201);
    expect(res.body.user.email).toBe('mixed.case@example.test');
    expect(res.body.workspace?.name).toBe('Signup Co');
    expect(res.body.member?.role).toBe('admin');
    expect(res.body.workspaces).toHaveLength(1);
    const cookie = res.cookies.find((k) => k.name === SESSION);
    expect(cookie).toBeDefined();
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite?.toLowerCase()).toBe('lax');
    expect(cookie?.secure ?? false).toBe(false);
    expect(cookie?.path).toBe('/');
    // The response never carries the password or its hash.
    expect(res.text).not.toContain(PASSWORD);
    expect(res.text).not.toContain('argon2');
    expect((await c.me()).user.email).toBe('mixed.case@example.test');
  });

  it('marks the cookie Secure behind an HTTPS proxy when secureCookies is auto', async () => {
    const secure = await createTestApp({ config: { secureCookies: 'auto' } });
    try {
      const overHttps = await secure.client().post<MeView>('/api/v1/auth/signup', signUpInput(), { headers: { 'x-forwarded-proto': 'https' } });
      expect(overHttps.status).toBe(201);
      expect(overHttps.cookies.find((k) => k.name === SESSION)?.secure).toBe(true);
      const overHttp = await secure.client().post<MeView>('/api/v1/auth/signup', signUpInput());
      expect(overHttp.status).toBe(201);
      expect(overHttp.cookies.find((k) => k.name === SESSION)?.secure ?? false).toBe(false);
    } finally {
      await secure.close();
    }
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const direct = await createTestApp({ config: { secureCookies: 'auto', trustProxy: false } });
    try {
      const forged = await direct.client().post<MeView>('/api/v1/auth/signup', signUpInput(), { headers: { 'x-forwarded-proto': 'https' } });
      expect(forged.status).toBe(201);
      expect(forged.cookies.find((k) => k.name === SESSION)?.secure ?? false).toBe(false);
    } finally {
      await direct.close();
    }
  });

  it('refuses an email that already has an account with 409', async () => {
    const email = uniqueEmail('dup');
    expectStatus(await t.client().signUp(signUpInput({ email })), 201);
    const again = await t.client().signUp(signUpInput({ email: email.toUpperCase() }));
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe('conflict');
    expect(again.error?.message).toMatch(/could not create an account with this email/);
    expect(again.cookies.find((k) => k.name === SESSION)).toBeUndefined();
  });

  it('refuses a weak password with 400 and a message a person can act on', async () => {
    const res = await t.client().signUp(signUpInput({ password: 'short' }));
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('validation_failed');
    expect(res.error?.message).toMatch(/password/);
    expect(res.error?.message).toMatch(/at least 10 characters/);
  });

  it('refuses a bad email and a bad time zone with 400', async () => {
    const badEmail = await t.client().post('/api/v1/auth/signup', signUpInput({ email: 'not-an-email' }));
    expect(badEmail.status).toBe(400);
    expect(badEmail.error?.message).toMatch(/email/);
    const badTz = await t.client().post('/api/v1/auth/signup', { ...signUpInput(), timeZone: 'Mars/Base' });
    expect(badTz.status).toBe(400);
    expect(badTz.error?.message).toMatch(/IANA time zone/);
  });
});

describe('sign-in and sign-out', () => {
  it('signs in with the right password, case-insensitively on the email', async () => {
    const ws = await makeWorkspace(t);
    const c = t.client();
    const res = await c.signIn(ws.admin.email!.toUpperCase(), PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.workspace?.id).toBe(ws.id);
    expect(res.cookies.find((k) => k.name === SESSION)?.httpOnly).toBe(true);
    expect((await c.me()).user.id).toBe(ws.adminUserId);
  });

  it('answers 401 with the same message for a wrong password and an unknown email', async () => {
    const ws = await makeWorkspace(t);
    const wrong = await t.client().signIn(ws.admin.email!, 'wrong-password-123');
    const unknown = await t.client().signIn(uniqueEmail('nobody'), 'wrong-password-123');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.error?.code).toBe('unauthenticated');
    expect(wrong.error?.message).toBe(unknown.error?.message);
    expect(wrong.cookies.find((k) => k.name === SESSION)).toBeUndefined();
  });

  it('sign-out ends the session on the server, not only in the browser', async () => {
    const ws = await makeWorkspace(t);
    const secret = ws.admin.cookie(SESSION);
    expect(secret).toBeDefined();
    expectStatus(await ws.admin.signOut(), 200);
    expect((await ws.admin.get('/api/v1/me')).status).toBe(401);
    // Replaying the old cookie (e.g. copied before sign-out) no longer works.
    const replay = t.client();
    replay.setCookie(SESSION, secret!);
    const res = await replay.get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.error?.code).toBe('unauthenticated');
  });

  it('GET /me answers 401 when signed out, with the error shape', async () => {
    const res = await t.client().get('/api/v1/me');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
  });

  it('a made-up session cookie is treated as signed out', async () => {
    const c = t.client();
    c.setCookie(SESSION, 'not-a-real-session-secret');
    expect((await c.get('/api/v1/me')).status).toBe(401);
    expect((await c.get('/api/v1/members')).status).toBe(401);
  });

  it('rate-limits sign-in: the 11th attempt within a minute answers 429', async () => {
    const ws = await makeWorkspace(t);
    const attacker = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attacker.signIn(ws.admin.email!, `guess-number-${i}`)).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const blocked = await attacker.signIn(ws.admin.email!, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.error?.code).toBe('rate_limited');
    expect(blocked.error?.message).toMatch(/wait/i);
    expect(blocked.cookies.find((k) => k.name === SESSION)).toBeUndefined();
  });

  it('the sign-in limit counts per address and email: a colleague at the same address can still sign in', async () => {
    const victim = await makeWorkspace(t);
    const colleague = await makeWorkspace(t);
    const attacker = t.client();
    for (let i = 0; i < 10; i++) expect((await attacker.signIn(victim.admin.email!, `guess-number-${i}`)).status).toBe(401);
    expect((await attacker.signIn(victim.admin.email!, `guess-number-10`)).status).toBe(429);
    // Same office, same public address (SPEC S9: the limit is per address and email, as the route says).
    const res = await attacker.neighbour().signIn(colleague.admin.email!, PASSWORD);
    expect(res.status).toBe(200);
  });

  it('changing the password signs out the other sessions and keeps this one', async () => {
    const ws = await makeWorkspace(t);
    const laptop = ws.admin;
    const phone = t.client();
    expectStatus(await phone.signIn(laptop.email!, PASSWORD), 200);

    const wrongCurrent = await laptop.post('/api/v1/me/password', { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.error?.message).toMatch(/current password/);
    expect((await phone.get('/api/v1/me')).status).toBe(200);

    expectStatus(await laptop.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-password' }), 200);
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await t.client().signIn(laptop.email!, PASSWORD)).status).toBe(401);
    expect((await t.client().signIn(laptop.email!, 'a-brand-new-password')).status).toBe(200);
  });
});

describe('API tokens', () => {
  it('a Bearer token acts as its member, needs no Origin, and stops working once revoked', async () => {
    const ws = await makeWorkspace(t);
    const created = await makeApiToken(ws);
    expect(created.token).toMatch(/^lst_/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const bot = t.client().withToken(created.token);

    const members = await bot.get<{ items: MemberView[] }>('/api/v1/members');
    expect(members.status).toBe(200);
    expect(members.body.items.map((m) => m.id)).toContain(ws.adminMemberId);
    const me = await bot.get<MeView>('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.workspace?.id).toBe(ws.id);
    // Integrations send no Origin header.
    expect((await bot.request('POST', '/api/v1/notifications/read-all', { origin: null })).status).toBe(200);

    // The token is stored only as a hash and never listed again.
    const list = await ws.admin.get<Array<Record<string, unknown>>>('/api/v1/tokens');
    expect(list.text).not.toContain(created.token);
    const row = await t.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.token);

    expectStatus(await ws.admin.delete(`/api/v1/tokens/${created.id}`), 200);
    const after = await bot.get('/api/v1/members');
    expect(after.status).toBe(401);
    expect(after.error?.message).toMatch(/revoked|not valid/);
  });

  it('the scheme name is case-insensitive: "bearer" and "BEARER" carry the token too', async () => {
    const ws = await makeWorkspace(t);
    const made = expectStatus(await ws.admin.post<{ token: string }>('/api/v1/tokens', { name: 'lower case' }), 201);
    for (const scheme of ['bearer', 'BEARER', 'Bearer ']) {
      const res = await t.client().get('/api/v1/members', { headers: { authorization: `${scheme} ${made.token}` } });
      expect(res.status, scheme).toBe(200);
    }
  });

  it('a made-up Bearer token answers 401', async () => {
    const res = await t.client().withToken('lst_made-up-token-value').get('/api/v1/members');
    expect(res.status).toBe(401);
    expect(res.error?.code).toBe('unauthenticated');
  });
});

describe('request guards', () => {
  it('refuses a POST whose Origin is another site with 403, and changes nothing', async () => {
    const ws = await makeWorkspace(t);
    const res = await ws.admin.post('/api/v1/invites', { role: 'member', team: 'sales' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.error?.code).toBe('forbidden');
    expect(res.error?.message).toMatch(/Origin/);
    const invites = await ws.admin.get<{ items: unknown[] }>('/api/v1/invites');
    expect(invites.body.items).toEqual([]);
    // PATCH and DELETE are guarded too, and so is a browser's cross-site fetch without Origin.
    expect((await ws.admin.patch('/api/v1/workspace', { name: 'Pwned' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await ws.admin.request('PATCH', '/api/v1/workspace', { body: { name: 'Pwned' }, origin: null, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await ws.admin.get<{ name: string }>('/api/v1/workspace')).body.name).toBe(ws.name);
  });

  it('answers malformed JSON with 400 and the error shape', async () => {
    const res = await t.client().request('POST', '/api/v1/auth/signin', { rawBody: '{"email": "a@b.test", ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/not valid JSON/) } });
  });

  it('answers an unknown field with 400 naming it', async () => {
    const res = await t.client().post('/api/v1/auth/signup', { ...signUpInput(), isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('validation_failed');
    expect(JSON.stringify(res.error)).toContain('isAdmin');
  });

  it('answers a wrongly typed field with 400', async () => {
    const ws = await makeWorkspace(t);
    const res = await ws.admin.patch('/api/v1/workspace', { painThreshold: 'high' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/The pain threshold/);
  });

  it('answers a body over 1 MiB with 413', async () => {
    const ws = await makeWorkspace(t);
    const res = await ws.admin.post('/api/v1/tokens', { name: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect(res.error?.code).toBe('payload_too_large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const res = await t.client().request('POST', '/api/v1/auth/signin', { rawBody: '<signin/>', headers: { 'content-type': 'application/xml' } });
    expect(res.status).toBe(415);
    expect(res.error?.code).toBe('unsupported_media_type');
    expect(res.error?.message).toMatch(/application\/json/);
  });

  it('answers a text/plain body with a 4xx, never a 2xx or 500', async () => {
    const res = await t.client().request('POST', '/api/v1/auth/signin', { rawBody: 'email=a@b.test', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.error).not.toBeNull();
  });
});
