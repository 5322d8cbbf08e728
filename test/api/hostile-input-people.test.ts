// Hostile input against every route of members, invites, API tokens, the audit log and notifications (SPEC S0), on the database the project chose: see
// test/helpers/hostile.ts for what is generated and what every answer must satisfy.
import { describeHostileRoutes, hostileGroupOf, makeHostileWorld, type Known500 } from '../helpers/hostile.js';

const world = await makeHostileWorld();
const KNOWN_500S: Known500[] = [];
describeHostileRoutes(world, world.t.app.routes.filter((r) => hostileGroupOf(r) === 'people'), KNOWN_500S);
