// The Deals view, the marketing-source rule and exports of deals (issue 11).
import type { AppContext, Server } from '../../../server/context.js';

export function registerDealRoutes(_app: Server, _ctx: AppContext): void {}
