// Workspaces, people and access (SPEC S0).
import type { Capability } from '../../server/capability.js';
import { workspacesGettingStarted } from './getting-started.js';
import { workspacesAuditDescriber } from './audit-descriptions.js';
import { accessHousekeeping } from './jobs.js';
import { registerActivityRoutes } from './routes/activity.js';
import { registerInviteRoutes } from './routes/invites.js';
import { registerMemberRoutes } from './routes/members.js';
import { registerSessionRoutes } from './routes/session.js';
import { registerSettingsRoutes } from './routes/settings.js';
import { registerTokenRoutes } from './routes/tokens.js';
import { registerWebhookSecretRoutes } from './routes/webhook-secret.js';
import { registerWorkspaceExportRoutes } from './routes/exports.js';
import { registerWorkspaceDocumentRoutes } from './export/routes.js';

export const workspaces: Capability = {
  name: 'workspaces',
  register(app, ctx) {
    registerSessionRoutes(app, ctx);
    registerSettingsRoutes(app, ctx);
    registerMemberRoutes(app, ctx);
    registerInviteRoutes(app, ctx);
    registerTokenRoutes(app, ctx);
    registerWebhookSecretRoutes(app, ctx);
    registerActivityRoutes(app, ctx);
    registerWorkspaceExportRoutes(app, ctx);
    registerWorkspaceDocumentRoutes(app, ctx);
  },
  jobs: () => [accessHousekeeping],
  auditDescribers: (ctx) => [workspacesAuditDescriber(ctx.db.kysely)],
  gettingStarted: (ctx) => [workspacesGettingStarted(ctx.db.kysely)],
};

// The demo's people, made before every other room's part of the demo (src/lockstep.ts).
export { seedDemoPeople, DEMO_EMAIL, DEMO_PASSWORD } from './demo.js';
