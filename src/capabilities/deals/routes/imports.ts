// Imports of deal exports: upload, progress, per-row errors, owner mapping, column mapping presets (issue 11).
import type { AppContext, Server } from '../../../server/context.js';

export function registerImportRoutes(_app: Server, _ctx: AppContext): void {}
