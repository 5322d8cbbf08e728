import { Badge } from '@mantine/core';
import { STATE_COLOR, STATE_LABEL } from './format.js';
import type { MeetingState } from './types.js';

/** Where a check-in stands: upcoming, in progress, ended (not yet marked), held, missed or cancelled. */
export function StateBadge({ state, size = 'sm' }: { state: MeetingState; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <Badge component="span" color={STATE_COLOR[state]} variant="light" size={size} radius="sm" style={{ minWidth: 'max-content' }}>
      {STATE_LABEL[state]}
    </Badge>
  );
}
