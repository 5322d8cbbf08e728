// Refused requests answer in sentences a person can act on, with the field's path kept in details for programs
// (issue 10; src/server/validation-messages.ts builds every one of them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { makeWorkspace, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
});
afterAll(async () => {
  await t?.close();
});

describe('validation messages', () => {
  it('names the limit and what was sent for a 5,000-character name', async () => {
    const res = await ws.admin.patch('/api/v1/workspace', { name: 'x'.repeat(5000) });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('validation_failed');
    expect(res.error?.message).toBe('The name can be at most 120 characters; it has 5,000.');
    expect(res.error?.details).toEqual([{ path: 'body.name', message: 'The name can be at most 120 characters; it has 5,000.' }]);
  });

  it('says what type a field takes and what it got, in the words the form uses', async () => {
    const res = await ws.admin.patch('/api/v1/workspace', { painThreshold: 'high' });
    expect(res.error?.message).toBe('The pain threshold must be a number; it is text.');
    const big = await ws.admin.patch('/api/v1/workspace', { painThreshold: 101 });
    expect(big.error?.message).toBe('The pain threshold can be at most 100; it is 101.');
    const part = await ws.admin.patch('/api/v1/workspace', { weekStart: 2.5 });
    expect(part.error?.message).toBe('The week start must be a whole number; it is a number.');
  });

  it('names an entry in a list by its place', async () => {
    const res = await ws.admin.patch('/api/v1/workspace', { holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: 'soon', name: 'x' }] });
    expect(res.error?.message).toBe('The date in item 2 of holidays must be a date as YYYY-MM-DD.');
    expect(res.error?.details).toEqual([{ path: 'body.holidays.1.date', message: res.error?.message }]);
  });

  it('names a field the endpoint does not take, and a missing one', async () => {
    const extra = await ws.admin.patch('/api/v1/workspace', { colour: 'blue' });
    expect(extra.error?.message).toBe('The request has a field this endpoint does not take ("colour"); remove it.');
    const missing = await t.client().post('/api/v1/auth/signin', { email: 'a@example.com' });
    expect(missing.error?.message).toBe('The password is required.');
  });

  it('refuses a 5,000-character email address with the limit the form carries', async () => {
    const res = await t.client().post('/api/v1/auth/signin', { email: `${'a'.repeat(4988)}@example.com`, password: 'x' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe('The email can be at most 254 characters; it has 5,000.');
  });

  it("completes a schema's own fragment into a sentence (the query's limit)", async () => {
    const res = await ws.admin.get('/api/v1/members?limit=ten');
    expect(res.error?.message).toBe('The limit must be a whole number from 1 to 200.');
    expect(res.error?.details).toEqual([{ path: 'querystring.limit', message: res.error?.message }]);
  });
});
