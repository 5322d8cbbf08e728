import { Text } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy TWO (SPEC S2): the weekly check-in.
export function CheckinsPage() {
  return (
    <EmptyRoom
      title="Check-ins"
      description="The weekly meeting of both teams' key players, with an agenda built for it."
      icon={<IconCalendarEvent size={34} stroke={1.5} />}
      color="cyan"
      heading="No check-ins scheduled yet"
      quote="Schedule a brief weekly check-in involving the key players from both teams. … Amazingly, most companies do not make this meeting a requirement."
    >
      <Text>
        A brief weekly check-in brings the key players of sales and marketing together. Each meeting gets an agenda built for it:
        wins first, then both teams' KPIs, open action items, new evidence from the field and shadow-day reflections.
      </Text>
      <Text c="dimmed" size="sm">
        Attendance, decisions and action items are kept here, and a missed check-in alerts the leader.
      </Text>
    </EmptyRoom>
  );
}
