// Set-up file of the API projects: passwords are hashed with argon2id at its cheapest (1 pass over 64 KiB)
// instead of the product's 19 MiB and 2 passes (src/server/auth.ts). Every sign-up, invite accepted and sign-in
// of an API test hashed or verified at full cost, 40–70 ms of a core each, thousands of times a run (the
// hostile-input session file alone sent some 4,000 such requests); no API test looks at a hash's cost, only at
// what a right or wrong password answers, which is the same. The product's parameters are checked by the unit
// test test/unit/server/password-hash.test.ts, which runs without this file.
import { vi } from 'vitest';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const argon2 = await importOriginal<typeof import('@node-rs/argon2')>();
  const hash: typeof argon2.hash = (password, options, signal) => argon2.hash(password, { ...options, memoryCost: 64, timeCost: 1 }, signal);
  return { ...argon2, hash };
});
