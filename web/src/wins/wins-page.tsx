import { Text } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy FIVE (SPEC S5): celebrate wins.
export function WinsPage() {
  return (
    <EmptyRoom
      title="Wins"
      description="Deals won, campaigns launched and targets hit — especially the ones both teams made happen."
      icon={<IconTrophy size={34} stroke={1.5} />}
      color="yellow"
      heading="No wins posted yet"
      quote="Celebrate success. Don't point out just the disconnects."
    >
      <Text>
        Post a win with its story and the people who made it happen. Wins credited to both sales and marketing are collaborative
        and are highlighted everywhere.
      </Text>
      <Text c="dimmed" size="sm">
        The weekly check-in and every digest open with the latest wins, so celebration comes first.
      </Text>
    </EmptyRoom>
  );
}
