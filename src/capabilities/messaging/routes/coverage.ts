// Coverage: the pain × piece map, the messaging gap and the off-message list (issue 12).
import type { AppContext, Server } from '../../../server/context.js';

export function registerCoverageRoutes(_app: Server, _ctx: AppContext): void {}
