import { Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy FOUR (SPEC S4): shadow days.
export function ShadowingPage() {
  return (
    <EmptyRoom
      title="Shadowing"
      description="One day per quarter with someone from the other team, paired and scheduled for you."
      icon={<IconUsersGroup size={34} stroke={1.5} />}
      color="orange"
      heading="No shadow-day program yet"
      quote="Each team should spend one day per quarter shadowing the other team."
    >
      <Text>
        Every quarter, each sales and marketing member spends a “day in the life” beside a host from the other team. Lockstep pairs
        people, picks a workday that suits both, and sends the calendar invite.
      </Text>
      <Text c="dimmed" size="sm">
        Afterwards each guest writes a short reflection — what surprised them and one idea to take back — for the next check-in.
      </Text>
    </EmptyRoom>
  );
}
