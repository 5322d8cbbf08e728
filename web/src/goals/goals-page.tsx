import { Text } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy ONE (SPEC S1): published goals.
export function GoalsPage() {
  return (
    <EmptyRoom
      title="Goals"
      description="Each team's published top three KPIs, how they are measured and how the team is paid for them."
      icon={<IconTarget size={34} stroke={1.5} />}
      color="indigo"
      heading="No goals published yet"
      quote="Each team should know the other team's top three KPIs … how they are measured, and how the teams are compensated for achieving them."
    >
      <Text>
        Each team publishes its top three KPIs — how they are measured and how the team is paid. Every publication is a numbered
        snapshot the whole workspace is told about.
      </Text>
      <Text c="dimmed" size="sm">
        This room will also show what each team expects the other's priorities to be, and where those expectations and the
        published goals part ways.
      </Text>
    </EmptyRoom>
  );
}
