// The web app's one date formatter (web/src/shell/format.ts): the year whenever it is not the current one, instants
// in the workspace's zone, named where it is not the browser's, and calendar dates shown as written. Runs in Node,
// whose zone the unit project leaves at the machine's (UTC here), with the en-US locale's shapes.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLocalDate, setWorkspaceTimeZone } from '../../../web/src/shell/format.js';

const now = new Date('2026-12-01T12:00:00Z');
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('web date formatter', () => {
  it('shows the year of a calendar date only when it is not this year (a 2999 due date keeps its year)', () => {
    setWorkspaceTimeZone('UTC');
    expect(formatLocalDate('2999-12-31', { weekday: true }, now)).toMatch(/2999/);
    expect(formatLocalDate('2026-12-31', { weekday: true }, now)).not.toMatch(/2026/);
    expect(formatLocalDate('2027-01-01', {}, now)).toMatch(/2027/);
  });

  it('shows instants in the workspace zone, named when it is not the browser zone', () => {
    setWorkspaceTimeZone(browserZone);
    expect(formatDateTime('2026-06-01T09:00:00Z', browserZone, now)).not.toMatch(/[A-Z]{3,}$|GMT/);
    const other = browserZone === 'Asia/Tokyo' ? 'Europe/Berlin' : 'Asia/Tokyo';
    expect(formatDateTime('2026-06-01T09:00:00Z', other, now)).toMatch(/(GMT\+9|JST|GMT\+2|CEST)$/);
    expect(formatDate('2025-06-01T09:00:00Z', browserZone, now)).toMatch(/2025/);
    expect(formatDate('2026-06-01T09:00:00Z', browserZone, now)).not.toMatch(/2026/);
  });
});
