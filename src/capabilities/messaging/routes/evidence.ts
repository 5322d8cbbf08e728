// Sales evidence, its bulk CSV, and why people buy (issue 12).
import type { AppContext, Server } from '../../../server/context.js';

export function registerEvidenceRoutes(_app: Server, _ctx: AppContext): void {}
