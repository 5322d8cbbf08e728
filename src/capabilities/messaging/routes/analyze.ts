// The pain analyzer over HTTP: POST /messaging/analyze (issue 12).
import type { AppContext, Server } from '../../../server/context.js';

export function registerAnalyzeRoutes(_app: Server, _ctx: AppContext): void {}
