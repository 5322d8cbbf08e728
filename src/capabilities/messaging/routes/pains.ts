// The pain library (issue 12).
import type { AppContext, Server } from '../../../server/context.js';

export function registerPainRoutes(_app: Server, _ctx: AppContext): void {}
