import { IconMessages } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy THREE (SPEC S3): pain-based messaging. Not built yet: the page says so and what to do today.
export function MessagingPage() {
  return (
    <EmptyRoom
      title="Messaging"
      description="Buyer pains sales hears in the field, and marketing pieces checked against them before they go out."
      icon={<IconMessages size={34} stroke={1.5} />}
      color="grape"
      summary="A shared library of the problems buyers describe, in their own words, and a check that marketing pieces speak to those problems before they are published."
      willDo={[
        'Let sales log evidence from the field — the account, the deal, the outcome and the buyer’s own words — tied to a pain.',
        'Score each marketing piece for pain-based language as it is written, with the sentences that read as feature-speak.',
        'Publish a piece only after a sales member approves it.',
        'Show the pains sales hears most that no published piece covers yet.',
      ]}
      quote="Before you publish marketing pieces, make sure they align with how your sales team is actually selling!"
      instead={[
        {
          to: '/checkins',
          label: 'Go to Check-ins',
          detail: 'Add “what buyers are saying” to the next check-in’s agenda, so sales can share it with marketing in person.',
        },
        {
          to: '/goals/expectations',
          label: 'Go to expectations',
          detail: 'Write down what each team expects of the other, and see which of it the other team’s top three covers.',
        },
      ]}
    />
  );
}
