import { RoomNav } from '../shell/room-nav.js';

const LINKS = [
  { to: '/messaging', label: 'Overview' },
  { to: '/messaging/pains', label: 'Pains' },
  { to: '/messaging/evidence', label: 'Evidence' },
  { to: '/messaging/why', label: 'Why people buy' },
  { to: '/messaging/pieces', label: 'Pieces' },
];

/** The Messaging room's own navigation: a row of links, the current one marked for assistive tech. */
export function MessagingNav() {
  return <RoomNav label="Messaging sections" links={LINKS} />;
}
