// The credentials cache's own rules (docs/decisions/030), as pure logic: trust only while the feed is connected,
// never store what a read started before a change found, versions only move up.
import { describe, expect, it } from 'vitest';
import { AuthCache } from '../../src/server/auth-cache.js';

const row = { workspace_id: 'w1', member_id: 'm1' };
const workspaceOf = (r: typeof row) => r.workspace_id;

function connectedCache() {
  let connected = true;
  const cache = new AuthCache<typeof row>(() => connected);
  return { cache, disconnect: () => (connected = false) };
}

describe('AuthCache', () => {
  it('serves a credential only when its workspace and the all-workspaces version are both known', () => {
    const { cache } = connectedCache();
    const epoch = cache.currentEpoch;
    cache.remember('s:1', row, epoch);
    expect(cache.lookup('s:1', workspaceOf)).toBeNull();
    cache.noteVersions('w1', { workspace: 3, all: 7 }, epoch);
    expect(cache.lookup('s:1', workspaceOf)).toEqual({ row, versions: { workspace: 3, all: 7 } });
  });

  it('does not keep what a read found when credentials changed while it ran', () => {
    const { cache } = connectedCache();
    const epoch = cache.currentEpoch;
    cache.onChange({ kind: 'credentials' });
    cache.remember('s:1', row, epoch);
    cache.noteVersions('w1', { workspace: 1, all: 1 }, epoch);
    expect(cache.lookup('s:1', workspaceOf)).toBeNull();
  });

  it('forgets every credential on a change, and keeps versions', () => {
    const { cache } = connectedCache();
    cache.remember('s:1', row, 0);
    cache.noteVersions('w1', { workspace: 1, all: 1 }, 0);
    cache.onChange({ kind: 'credentials' });
    expect(cache.lookup('s:1', workspaceOf)).toBeNull();
    cache.remember('s:1', row, cache.currentEpoch);
    expect(cache.lookup('s:1', workspaceOf)?.versions).toEqual({ workspace: 1, all: 1 });
  });

  it('versions only move up, whatever order they are heard in', () => {
    const { cache } = connectedCache();
    cache.remember('s:1', row, 0);
    cache.onChange({ kind: 'version', scope: 'w1', version: 5 });
    cache.onChange({ kind: 'version', scope: '*', version: 2 });
    cache.noteVersions('w1', { workspace: 4, all: 1 }, cache.currentEpoch);
    expect(cache.lookup('s:1', workspaceOf)?.versions).toEqual({ workspace: 5, all: 2 });
  });

  it('trusts nothing while the feed is disconnected, and starts from nothing after a reset', () => {
    const { cache, disconnect } = connectedCache();
    cache.remember('s:1', row, 0);
    cache.noteVersions('w1', { workspace: 1, all: 1 }, 0);
    cache.reset();
    cache.remember('s:1', row, cache.currentEpoch);
    expect(cache.lookup('s:1', workspaceOf), 'versions were forgotten').toBeNull();
    cache.noteVersions('w1', { workspace: 1, all: 1 }, cache.currentEpoch);
    expect(cache.lookup('s:1', workspaceOf)).not.toBeNull();
    disconnect();
    expect(cache.lookup('s:1', workspaceOf)).toBeNull();
  });

  it('a write here forgets credentials and learns the versions its bump returned', async () => {
    const { cache } = connectedCache();
    cache.remember('s:1', row, 0);
    cache.noteVersions('w1', { workspace: 1, all: 1 }, 0);
    await cache.afterWrite(async () => [{ scope: 'w1', version: 2 }]);
    expect(cache.lookup('s:1', workspaceOf)).toBeNull();
    cache.remember('s:1', row, cache.currentEpoch);
    expect(cache.lookup('s:1', workspaceOf)?.versions).toEqual({ workspace: 2, all: 1 });
  });

  it('keeps a credential at most 30 s even when nothing was heard', () => {
    const { cache } = connectedCache();
    cache.remember('s:1', row, 0, 1_000);
    cache.noteVersions('w1', { workspace: 1, all: 1 }, 0);
    expect(cache.lookup('s:1', workspaceOf, 30_999)).not.toBeNull();
    expect(cache.lookup('s:1', workspaceOf, 31_000)).toBeNull();
  });
});
