import { AppShell, Badge, Burger, Center, Group, Loader, NavLink, ScrollArea, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconCalendarEvent,
  IconCoin,
  IconLayoutDashboard,
  IconMessages,
  IconSettings,
  IconTarget,
  IconTrophy,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ColorSchemeToggle } from './color-scheme-toggle.js';
import { Logo } from './logo.js';
import { NotificationsBell } from './notifications-bell.js';
import { useSession } from './session.js';
import classes from './shell.module.css';
import { UserMenu } from './user-menu.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';

interface NavItem {
  to: string;
  label: string;
  icon: Icon;
  hint?: string;
}

// The five practices are the product's rooms (SPEC S1–S5), in the article's order.
const NAV: NavItem[] = [
  { to: '/', label: 'Dashboard', icon: IconLayoutDashboard },
  { to: '/goals', label: 'Goals', icon: IconTarget, hint: 'Published top three KPIs' },
  { to: '/checkins', label: 'Check-ins', icon: IconCalendarEvent, hint: 'The weekly meeting' },
  { to: '/messaging', label: 'Messaging', icon: IconMessages, hint: 'Pain-based pieces' },
  { to: '/shadowing', label: 'Shadowing', icon: IconUsersGroup, hint: 'A day with the other team' },
  { to: '/wins', label: 'Wins', icon: IconTrophy, hint: 'Celebrate together' },
  { to: '/deals', label: 'Deals', icon: IconCoin, hint: 'From your CRM' },
];

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { me, workspace } = useSession();
  const { pathname } = useLocation();
  const isActive = (to: string) => (to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`));

  const link = (item: NavItem) => {
    const active = isActive(item.to);
    return (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label}
        description={item.hint}
        leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
        active={active}
        aria-current={active ? 'page' : undefined}
        onClick={close}
        variant="light"
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      />
    );
  };

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Link to="/" style={{ color: 'inherit', textDecoration: 'none' }} aria-label="Lockstep dashboard">
              <Logo compactOnMobile />
            </Link>
            <WorkspaceSwitcher me={me} />
            {workspace.isDemo ? (
              <Badge color="yellow.4" autoContrast className={classes.hideOnMobile}>
                Demo data
              </Badge>
            ) : null}
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flex: 'none' }}>
            <NotificationsBell />
            <ColorSchemeToggle />
            <UserMenu me={me} />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap={4}>{NAV.map(link)}</Stack>
        </AppShell.Section>
        <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--app-shell-border-color)' }}>
          {link({ to: '/settings', label: 'Settings', icon: IconSettings })}
          <Text size="xs" c="dimmed" px="sm" pt="xs">
            <VisuallyHidden>Workspace: </VisuallyHidden>
            {workspace.name}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main className={classes.main}>
        <div style={{ maxWidth: 1180, margin: '0 auto' }}>
          <Suspense fallback={<Center py="xl"><Loader aria-label="Loading the page" /></Center>}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}
