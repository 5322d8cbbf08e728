// Shapes rows into API views (STYLE: never send a raw database row).
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema/audit-log.js';
import type { NotificationsTable } from '../../db/schema/notifications.js';
import { inviteStatus } from './domain/invite-status.js';
import type { InvitesTable } from '../../db/schema/invites.js';
import type { MemberView, WorkspaceView } from './schemas.js';
import type { MemberWithUser, WorkspaceRow } from './store.js';

export function presentWorkspace(w: WorkspaceRow): WorkspaceView {
  return {
    id: w.id,
    name: w.name,
    timeZone: w.time_zone,
    weekStart: w.week_start,
    fiscalYearStartMonth: w.fiscal_year_start_month,
    holidays: JSON.parse(w.holidays) as WorkspaceView['holidays'],
    painThreshold: w.pain_threshold,
    isDemo: w.is_demo === 1,
    createdAt: w.created_at,
  };
}

export function presentMember(m: MemberWithUser): MemberView {
  return {
    id: m.id,
    // Until the person joins, nothing of their account shows, not even whether one exists.
    userId: m.joined_at === null ? null : m.user_id,
    email: m.email,
    name: m.name,
    timeZone: m.time_zone,
    role: m.role,
    team: m.team,
    function: m.function,
    managerId: m.manager_id,
    managerName: m.manager_name,
    keyPlayer: m.key_player === 1,
    active: m.active === 1,
    status: m.active !== 1 ? 'inactive' : m.joined_at === null ? 'invited' : 'active',
    joinedAt: m.joined_at,
    createdAt: m.created_at,
  };
}

export function presentInvite(i: Selectable<InvitesTable> & { created_by_name: string | null }, now = new Date()) {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    team: i.team,
    function: i.function,
    status: inviteStatus(i, now),
    createdAt: i.created_at,
    expiresAt: i.expires_at,
    acceptedAt: i.accepted_at,
    createdByName: i.created_by_name,
  };
}

const TEAM_NAMES = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' } as const;

export function presentAudit(a: Selectable<AuditLogTable> & { actor_name: string | null }) {
  return {
    id: a.id,
    at: a.at,
    actorName: a.actor_name,
    onBehalfOf: a.on_behalf_of,
    actorLabel: a.actor_name === null ? null : a.on_behalf_of ? `${a.actor_name} for ${TEAM_NAMES[a.on_behalf_of]}` : a.actor_name,
    action: a.action,
    entityType: a.entity_type,
    entityId: a.entity_id,
    before: a.before === null ? null : (JSON.parse(a.before) as unknown),
    after: a.after === null ? null : (JSON.parse(a.after) as unknown),
  };
}

export function presentNotification(n: Selectable<NotificationsTable>) {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.created_at, readAt: n.read_at };
}
