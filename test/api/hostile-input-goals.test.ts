// Hostile input against every route of published goals (SPEC S1), on the database the project chose: see
// test/helpers/hostile.ts for what is generated and what every answer must satisfy.
import { describeHostileRoutes, hostileGroupOf, makeHostileWorld, type Known500 } from '../helpers/hostile.js';

const world = await makeHostileWorld();

const KNOWN_500S: Known500[] = [];

describeHostileRoutes(world, world.t.app.routes.filter((r) => hostileGroupOf(r) === 'goals'), KNOWN_500S);
