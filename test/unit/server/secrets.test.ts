// Secrets at rest (docs/decisions/049): AES-256-GCM under one key; a value sealed under another key, or changed,
// does not open and says so in words; the key comes from the environment or a key file made once, mode 0600.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config.js';
import { decodeSecretKey, loadSecretKey, SecretBox, SecretKeyMismatchError } from '../../../src/server/secrets.js';

const keyA = Buffer.alloc(32, 1);
const keyB = Buffer.alloc(32, 2);

describe('SecretBox', () => {
  it('seals to text that does not contain the secret and opens it again; each seal differs', () => {
    const box = new SecretBox(keyA);
    const secret = '{"url":"https://hooks.slack.com/services/T/B/secret123"}';
    const a = box.seal(secret);
    const b = box.seal(secret);
    expect(a).not.toContain('secret123');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(box.open(a)).toBe(secret);
    expect(box.open(b)).toBe(secret);
  });

  it('a value sealed under another key, or changed, fails with the words the settings show', () => {
    const sealed = new SecretBox(keyA).seal('x');
    const message = "this channel's settings were saved with another LOCKSTEP_SECRET_KEY; enter them again";
    expect(() => new SecretBox(keyB).open(sealed)).toThrow(new SecretKeyMismatchError());
    expect(() => new SecretBox(keyB).open(sealed)).toThrow(message);
    // Same key id, altered ciphertext: GCM's tag refuses it.
    const parts = sealed.split('.');
    const raw = Buffer.from(parts[2]!, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => new SecretBox(keyA).open(`${parts[0]}.${parts[1]}.${raw.toString('base64')}`)).toThrow(message);
    expect(() => new SecretBox(keyA).open('garbage')).toThrow(message);
  });
});

describe('the key', () => {
  it('LOCKSTEP_SECRET_KEY must be the base64 of 32 bytes', () => {
    expect(decodeSecretKey(keyA.toString('base64'))).toEqual(keyA);
    expect(decodeSecretKey('c2hvcnQ=')).toBeNull();
    expect(() => loadConfig({ LOCKSTEP_SECRET_KEY: 'c2hvcnQ=' })).toThrow(/LOCKSTEP_SECRET_KEY: must be the base64 of 32 bytes/);
    const config = loadConfig({ LOCKSTEP_SECRET_KEY: keyA.toString('base64'), SQLITE_PATH: '/var/lib/lockstep/db.sqlite' });
    expect(config.secretKey).toBe(keyA.toString('base64'));
    expect(config.secretKeyPath).toBe('/var/lib/lockstep/secret.key');
    expect(loadConfig({}).secretKeyPath).toBe('data/secret.key');
    expect(loadConfig({ SQLITE_PATH: ':memory:' }).secretKeyPath).toBe('data/secret.key');
    expect(loadSecretKey(config)).toEqual(keyA);
  });

  it('without it, a key is generated into the data folder once (mode 0600) and read from there after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-key-'));
    const path = join(dir, 'data', 'secret.key');
    const first = loadSecretKey({ secretKey: null, secretKeyPath: path });
    expect(first).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(first.toString('base64'));
    expect(loadSecretKey({ secretKey: null, secretKeyPath: path })).toEqual(first);
    writeFileSync(path, 'not a key');
    expect(() => loadSecretKey({ secretKey: null, secretKeyPath: path })).toThrow(/does not hold a secret key/);
  });
});
