import { IconTrophy } from '@tabler/icons-react';
import { EmptyRoom } from '../shell/empty-room.js';

// Strategy FIVE (SPEC S5): celebrate wins. Not built yet: the page says so and what to do today.
export function WinsPage() {
  return (
    <EmptyRoom
      title="Wins"
      description="Deals won, campaigns launched and targets hit — especially the ones both teams made happen."
      icon={<IconTrophy size={34} stroke={1.5} />}
      color="yellow"
      summary="A place to post and celebrate wins, so the weekly check-in and every digest open with what went right, not only with what is off."
      willDo={[
        'Let anyone post a win — a deal won, a campaign launched, a KPI target hit — with its story and the people credited.',
        'Highlight collaborative wins, credited to people in both sales and marketing.',
        'Propose wins automatically when a KPI reaches its target or a won deal cites a marketing piece, for a member to confirm.',
        'Open each check-in agenda with the wins since the last one.',
      ]}
      quote="Celebrate success. Don't point out just the disconnects."
      instead={[
        {
          to: '/checkins',
          label: 'Go to Check-ins',
          detail: 'Add a win to the next check-in’s agenda as an item, so the meeting starts with it.',
        },
        {
          to: '/goals',
          label: 'Go to Goals',
          detail: 'See which KPIs are on track against their targets — the wins this room will pick up automatically.',
        },
      ]}
    />
  );
}
