import { Button, Group } from '@mantine/core';
import { Link, useLocation } from 'react-router';

const LINKS = [
  { to: '/goals', label: 'Overview' },
  { to: '/goals/kpis', label: 'Manage KPIs' },
  { to: '/goals/expectations', label: 'Expectations' },
  { to: '/goals/quiz', label: 'Awareness quiz' },
];

/** The Goals room's own navigation: a row of links, the current one marked for assistive tech. */
export function GoalsNav() {
  const { pathname } = useLocation();
  const current = (to: string) => (to === '/goals' ? pathname === '/goals' : pathname === to || pathname.startsWith(`${to}/`));
  return (
    <Group component="nav" aria-label="Goals sections" gap={6} mb="lg" wrap="wrap">
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
