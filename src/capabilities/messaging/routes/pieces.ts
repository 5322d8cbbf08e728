// Marketing pieces, their sales review and the publishing gate (issue 12).
import type { AppContext, Server } from '../../../server/context.js';

export function registerPieceRoutes(_app: Server, _ctx: AppContext): void {}
