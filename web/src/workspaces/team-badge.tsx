import { Badge } from '@mantine/core';
import type { Role, Team } from '../api/types.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';

export function TeamBadge({ team }: { team: Team }) {
  return (
    <Badge color={TEAM_COLOR[team]} variant="light" radius="sm" style={{ minWidth: 'max-content' }}>
      {TEAM_LABEL[team]}
    </Badge>
  );
}

export const ROLE_LABEL: Record<Role, string> = { admin: 'Admin', leader: 'Leader', member: 'Member', viewer: 'Viewer' };
export const ROLE_OPTIONS = (['admin', 'leader', 'member', 'viewer'] as const).map((r) => ({ value: r, label: ROLE_LABEL[r] }));
export const TEAM_OPTIONS = [
  { value: 'sales', label: 'Sales' },
  { value: 'marketing', label: 'Marketing' },
  { value: 'leadership', label: 'Leadership' },
];

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color="gray" variant="outline" radius="sm">
      {ROLE_LABEL[role]}
    </Badge>
  );
}
