import { IconUsersGroup } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy FOUR (SPEC S4): shadow days. Not built yet: the page says so and what to do today.
export function ShadowingPage() {
  return (
    <EmptyRoom
      title="Shadowing"
      description="One day per quarter with someone from the other team, paired and scheduled for you."
      icon={<IconUsersGroup size={34} stroke={1.5} />}
      color="orange"
      summary="A quarterly program in which every sales and marketing member spends a day beside a host from the other team, and brings back what they learned."
      willDo={[
        'Pair each member with a host from the other team, fairly and without repeating recent hosts.',
        'Pick a workday that suits both — not a holiday, not the check-in day — and send the calendar invite.',
        'Ask each guest for a short reflection: what surprised them and one idea to take back.',
        'Bring the reflections to the next check-in and show each team’s progress through the quarter.',
      ]}
      quote="Each team should spend one day per quarter shadowing the other team."
      instead={[
        {
          to: '/goals/quiz',
          label: 'Take the awareness quiz',
          detail: 'See how well each team knows the other’s top three KPIs — the gap a shadow day closes.',
        },
        {
          to: '/checkins',
          label: 'Go to Check-ins',
          detail: 'Meet the other team every week: the check-in brings both teams’ key players and KPIs into one room.',
        },
      ]}
    />
  );
}
