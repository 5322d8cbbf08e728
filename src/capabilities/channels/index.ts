// Outbound channels (SPEC S5/S7 "Outbound", issue 13): the settings of the Slack and Teams incoming webhooks and
// SMTP servers messages go out to, and the transports that deliver the outbox's rows through them. Rooms send
// with announce (src/server/outbound/announce.ts); this room is where admins say where it all goes.
import type { Capability } from '../../server/capability.js';
import { registerChannelTransports } from '../../server/outbound/transports.js';
import { loadSecretKey, SecretBox } from '../../server/secrets.js';
import { channelsAuditDescriber } from './audit-descriptions.js';
import { registerChannelRoutes } from './routes.js';

export const channels: Capability = {
  name: 'channels',
  register(app, ctx) {
    // One key per app: from LOCKSTEP_SECRET_KEY, or the key file generated on first start (decision 049).
    const box = new SecretBox(loadSecretKey(ctx.config));
    if (!ctx.config.secretKey && ctx.config.database.kind === 'postgres') {
      // Each instance would otherwise seal with a key file of its own, and not open the others' channels.
      ctx.log.warn({ keyFile: ctx.config.secretKeyPath }, 'LOCKSTEP_SECRET_KEY is not set: channel settings are sealed with the key file here; with several instances, set LOCKSTEP_SECRET_KEY, the same on each');
    }
    registerChannelTransports(ctx.outbox, ctx.db, box);
    registerChannelRoutes(app, ctx, box);
  },
  auditDescribers: (ctx) => [channelsAuditDescriber(ctx.db.kysely)],
};
