import { RoomNav } from '../shell/room-nav.js';

const LINKS = [
  { to: '/goals', label: 'Overview' },
  { to: '/goals/kpis', label: 'Manage KPIs' },
  { to: '/goals/expectations', label: 'Expectations' },
  { to: '/goals/quiz', label: 'Awareness quiz' },
];

/** The Goals room's own navigation: a row of links, the current one marked for assistive tech. */
export function GoalsNav() {
  return <RoomNav label="Goals sections" links={LINKS} />;
}
