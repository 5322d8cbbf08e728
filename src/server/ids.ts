import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();
/** A secret for a cookie, invite link, API token or feed URL: 32 random bytes, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
/** Secrets are stored only as their SHA-256 (they are long and random, so a slow hash adds nothing). */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export const nowIso = (): string => new Date().toISOString();
