// Passwords are hashed with argon2id at OWASP's second recommended profile (src/server/auth.ts). The API tests
// hash at argon2's cheapest to save time (test/helpers/cheap-argon2.ts), so the product's cost is checked here.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/server/auth.js';

describe('password hashes', () => {
  it('are argon2id with 19 MiB, 2 passes and 1 lane, and verify only the right password', async () => {
    const hash = await hashPassword('correct-horse-battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'correct-horse-battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct-horse-batterz')).toBe(false);
  });

  it('verify nothing for a person without a password', async () => {
    expect(await verifyPassword(null, 'correct-horse-battery')).toBe(false);
  });
});
