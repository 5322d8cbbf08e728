// Hostile input against every route of sign-up, sign-in, the signed-in person and workspaces (SPEC S0), on the database the project chose: see
// test/helpers/hostile.ts for what is generated and what every answer must satisfy.
import { describeHostileRoutes, hostileGroupOf, makeHostileWorld, type Known500 } from '../helpers/hostile.js';

// Nothing is left out: signing out, changing the password or switching the workspace as a caller is undone
// after each 2xx (world.restore puts the callers' sessions, memberships and passwords back).
const world = await makeHostileWorld();
const KNOWN_500S: Known500[] = [];
describeHostileRoutes(world, world.t.app.routes.filter((r) => hostileGroupOf(r) === 'session'), KNOWN_500S);
