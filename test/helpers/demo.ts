// The demo workspace for a test file (SPEC S8): a test app with the demo seeded and Dana (its admin) signed in.
// Call it in beforeAll and close the app in afterAll.
import { seedDemo } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from './app.js';
import { expectStatus, type Client } from './client.js';

export const DEMO_ADMIN = { email: 'dana@northwind.example', password: 'lockstep-demo' } as const;

export async function demoApp(): Promise<{ t: TestApp; dana: Client }> {
  const t = await createTestApp();
  await seedDemo(t.db);
  const dana = t.client();
  expectStatus(await dana.signIn(DEMO_ADMIN.email, DEMO_ADMIN.password), 200);
  return { t, dana };
}
