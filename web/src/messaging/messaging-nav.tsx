import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

const LINKS = [
  { to: '/messaging', label: 'Overview' },
  { to: '/messaging/pains', label: 'Pains' },
  { to: '/messaging/evidence', label: 'Evidence' },
  { to: '/messaging/why', label: 'Why people buy' },
  { to: '/messaging/pieces', label: 'Pieces' },
];

/** The Messaging room's own navigation: a row of links, the current one marked for assistive tech. */
export function MessagingNav() {
  const { pathname } = useLocation();
  const current = (to: string) =>
    to === '/messaging' ? pathname === '/messaging' : pathname === to || pathname.startsWith(`${to}/`);
  return (
    <Group component="nav" aria-label="Messaging sections" gap={6} mb="lg" wrap="wrap">
      {LINKS.map((l) => {
        const active = current(l.to);
        return (
          <Button
            key={l.to}
            component={Link}
            to={l.to}
            size="xs"
            radius="xl"
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'page' : undefined}
          >
            {l.label}
          </Button>
        );
      })}
    </Group>
  );
}
