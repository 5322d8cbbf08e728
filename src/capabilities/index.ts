// Every capability of the product, in the order their routes, jobs and demo data are set up.
// Adding a capability = one folder under src/capabilities and one line here.
import type { Capability } from '../server/capability.js';
import { alignment } from './alignment/index.js';
import { channels } from './channels/index.js';
import { checkins } from './checkins/index.js';
import { deals } from './deals/index.js';
import { goals } from './goals/index.js';
import { messaging } from './messaging/index.js';
import { shadowing } from './shadowing/index.js';
import { wins } from './wins/index.js';
import { workspaces } from './workspaces/index.js';

export const capabilities: Capability[] = [workspaces, goals, checkins, deals, messaging, channels, wins, shadowing, alignment];
