import { Text } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy THREE (SPEC S3): pain-based messaging.
export function MessagingPage() {
  return (
    <EmptyRoom
      title="Messaging"
      description="Buyer pains sales hears in the field, and marketing pieces checked against them before they go out."
      icon={<IconMessages size={34} stroke={1.5} />}
      color="grape"
      heading="No pains or pieces yet"
      quote="Before you publish marketing pieces, make sure they align with how your sales team is actually selling!"
    >
      <Text>
        Sales logs what buyers say they are in pain about, in their own words. Marketing pieces are scored for pain-based messaging
        as they are written, and a sales member approves each one before it is published.
      </Text>
      <Text c="dimmed" size="sm">
        Coverage shows the pains sales hears most that no published piece addresses yet.
      </Text>
    </EmptyRoom>
  );
}
