import { Badge } from '@mantine/core';
import { STATUS_COLOR, STATUS_LABEL } from './format.js';
import type { PairStatus } from './types.js';

export function PairStatusBadge({ status }: { status: PairStatus }) {
  return (
    <Badge variant="light" color={STATUS_COLOR[status]} style={{ flexShrink: 0 }}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
