import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export interface RoomLink {
  to: string;
  label: string;
}

/**
 * A room's own navigation: a row of links, the current one marked for assistive tech. The first link is the room's
 * overview, current only on its own path; the others also for the pages under them.
 */
export function RoomNav({ label, links }: { label: string; links: readonly RoomLink[] }) {
  const { pathname } = useLocation();
  const home = links[0]?.to;
  const current = (to: string) => (to === home ? pathname === to : pathname === to || pathname.startsWith(`${to}/`));
  return (
    <Group component="nav" aria-label={label} gap={6} mb="lg" wrap="wrap">
      {links.map((l) => {
        const active = current(l.to);
        return (
          <Button key={l.to} component={Link} to={l.to} size="xs" radius="xl" variant={active ? 'filled' : 'default'} aria-current={active ? 'page' : undefined}>
            {l.label}
          </Button>
        );
      })}
    </Group>
  );
}
