// The static list of migrations, in order. Add new ones at the end; never edit a landed one.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';
import * as foundation from './2026-11-26T1400-foundation.js';
import * as goals from './2026-11-26T1500-goals.js';
import * as checkins from './2026-11-26T1600-checkins.js';
import * as memberships from './2026-12-01T0800-memberships.js';
import * as rateLimits from './2026-12-01T0900-rate-limits.js';
import * as readVersions from './2026-12-01T1000-read-versions.js';
import * as listOrderIndexes from './2026-12-02T0900-list-order-indexes.js';
import * as onboarding from './2026-12-03T0900-onboarding.js';
import * as deals from './2026-12-04T0900-deals.js';
import * as dealIndexes from './2026-12-04T1000-deal-indexes.js';
import * as webhooks from './2026-12-04T1100-webhooks.js';
import * as changeNotify from './2026-12-05T0900-change-notify.js';
import * as messaging from './2026-12-06T0900-messaging.js';
import * as channels from './2026-12-07T0900-channels.js';
import * as wins from './2026-12-07T1000-wins.js';
import * as evidenceUpdatedIndex from './2026-12-08T1700-evidence-updated-index.js';
import * as evidencePiece from './2026-12-08T1800-evidence-piece.js';
import * as alignment from './2026-12-09T0900-alignment.js';
import * as shadowing from './2026-12-09T1000-shadowing.js';
import * as dealsLean from './2026-12-10T0900-deals-lean.js';

export interface LockstepMigration {
  up(db: Kysely<any>, dialect: Dialect): Promise<void>;
  down?(db: Kysely<any>, dialect: Dialect): Promise<void>;
}

export const migrations: Record<string, LockstepMigration> = {
  '2026-11-26T1400-foundation': foundation,
  '2026-11-26T1500-goals': goals,
  '2026-11-26T1600-checkins': checkins,
  '2026-12-01T0800-memberships': memberships,
  '2026-12-01T0900-rate-limits': rateLimits,
  '2026-12-01T1000-read-versions': readVersions,
  '2026-12-02T0900-list-order-indexes': listOrderIndexes,
  '2026-12-03T0900-onboarding': onboarding,
  '2026-12-04T0900-deals': deals,
  '2026-12-04T1000-deal-indexes': dealIndexes,
  '2026-12-04T1100-webhooks': webhooks,
  '2026-12-05T0900-change-notify': changeNotify,
  '2026-12-06T0900-messaging': messaging,
  '2026-12-07T0900-channels': channels,
  '2026-12-07T1000-wins': wins,
  '2026-12-08T1700-evidence-updated-index': evidenceUpdatedIndex,
  '2026-12-08T1800-evidence-piece': evidencePiece,
  '2026-12-09T0900-alignment': alignment,
  '2026-12-09T1000-shadowing': shadowing,
  '2026-12-10T0900-deals-lean': dealsLean,
};
