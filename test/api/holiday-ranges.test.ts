// Holidays from ten years back to the end of next year (issue 10), through HTTP on both databases: a date out of
// the window is a 400 naming the holiday and the window, its field path in `details`, and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { changedInDb, makeWorkspace, type TestWorkspace } from '../factories.js';
import type { WorkspaceView } from '../helpers/views.js';

let t: TestApp;
let ws: TestWorkspace;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { timeZone: 'UTC' });
});
afterAll(async () => {
  await t?.close();
});

describe('workspace holidays', () => {
  it.for([
    ['0001-01-01', '1 Jan 0001'],
    // Year 0's leap day answered 500: the calendar read years before 100 as 1900–1999.
    ['0000-02-29', '29 Feb 0000'],
    ['1900-01-01', '1 Jan 1900'],
    [`${year - 11}-12-31`, `31 Dec ${year - 11}`],
    [`${year + 2}-01-01`, `1 Jan ${year + 2}`],
  ] as const)('refuses %s', async ([date, spoken]) => {
    const res = await ws.admin.patch('/api/v1/workspace', { holidays: [{ date: `${year}-12-25`, name: 'Christmas' }, { date, name: 'New Year' }] });
    expect(res.status, res.text).toBe(400);
    const message = `The date of holiday 2 (New Year), ${spoken}, is out of range: holidays go from 1 Jan ${year - 10} to 31 Dec ${year + 1}.`;
    expect(res.error?.message).toBe(message);
    expect(res.error?.details).toEqual([{ path: 'body.holidays.1.date', message }]);
    expect(expectStatus(await ws.admin.get<WorkspaceView>('/api/v1/workspace'), 200).holidays).toEqual([]);
  });

  it('accepts the edges of the window, and keeps a saved date after the window moved on', async () => {
    const edges = [
      { date: `${year - 10}-01-01`, name: 'First' },
      { date: `${year + 1}-12-31`, name: 'Last' },
    ];
    expect(expectStatus(await ws.admin.patch<WorkspaceView>('/api/v1/workspace', { holidays: edges }), 200).holidays).toEqual(edges);
    const old = { date: `${year - 12}-12-25`, name: 'Christmas long ago' };
    await t.db.kysely.updateTable('workspaces').set({ holidays: JSON.stringify([old]) }).where('id', '=', ws.id).execute();
    await changedInDb(t);
    const saved = await ws.admin.patch<WorkspaceView>('/api/v1/workspace', { holidays: [old, edges[1]!] });
    expect(saved.status, saved.text).toBe(200);
  });
});
