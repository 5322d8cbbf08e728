// Secrets at rest (docs/decisions/049): channel settings (webhook URLs, SMTP passwords) are sealed with
// AES-256-GCM under one workspace-independent key. The key comes from LOCKSTEP_SECRET_KEY (base64 of 32 bytes) or,
// when that is unset, from a file generated on first start next to the SQLite database (mode 0600). Several
// instances on one PostgreSQL database must share LOCKSTEP_SECRET_KEY: each would otherwise generate its own.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from './config.js';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed value cannot be opened with this key (it was sealed under another one, or was changed). */
export class SecretKeyMismatchError extends Error {
  constructor() {
    super("this channel's settings were saved with another LOCKSTEP_SECRET_KEY; enter them again");
    this.name = 'SecretKeyMismatchError';
  }
}

/** Decodes a base64 key and checks its length: 32 bytes, or null when it is not one. */
export function decodeSecretKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === 32 ? key : null;
}

/**
 * The key: config.secretKey when set, else the key file (created with a new random key the first time).
 * Throws when the file exists but does not hold a key, rather than replacing it (that would lose every setting).
 */
export function loadSecretKey(config: Pick<Config, 'secretKey' | 'secretKeyPath'>): Buffer {
  if (config.secretKey) {
    const key = decodeSecretKey(config.secretKey);
    if (!key) throw new Error('LOCKSTEP_SECRET_KEY must be the base64 of 32 bytes (openssl rand -base64 32)');
    return key;
  }
  const path = config.secretKeyPath;
  if (existsSync(path)) {
    const key = decodeSecretKey(readFileSync(path, 'utf8'));
    if (!key) throw new Error(`${path} does not hold a secret key (the base64 of 32 bytes); restore it or set LOCKSTEP_SECRET_KEY`);
    return key;
  }
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  // 'wx': if another process created it a moment ago, fail instead of overwriting, and read theirs.
  try {
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return loadSecretKey(config);
    throw err;
  }
  chmodSync(path, 0o600);
  return key;
}

/** Seals and opens strings under one key. A sealed value is "v1.<key id>.<base64 iv|tag|ciphertext>". */
export class SecretBox {
  /** The first 8 hex of the key's SHA-256: tells "another key" from "damaged" without revealing the key. */
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('A secret key is 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return `${VERSION}.${this.keyId}.${Buffer.concat([iv, tag, body]).toString('base64')}`;
  }

  /** Throws SecretKeyMismatchError when the value was sealed under another key or does not authenticate. */
  open(sealed: string): string {
    const [version, keyId, data, extra] = sealed.split('.');
    if (version !== VERSION || !keyId || !data || extra !== undefined || keyId !== this.keyId) throw new SecretKeyMismatchError();
    const raw = Buffer.from(data, 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SecretKeyMismatchError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyMismatchError();
    }
  }
}
