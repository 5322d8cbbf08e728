import { ActionIcon, Box, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../api/client.js';
import type { NotificationView } from '../api/types.js';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useNotifications } from '../workspaces/queries.js';
import { formatDateTime, formatRelative } from './format.js';
import { LoadMore } from './load-more.js';
import classes from './shell.module.css';

export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const list = useNotifications(true);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const navigate = useNavigate();
  const unread = list.first?.unread ?? 0;
  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';

  const open = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id, { onError: (err) => toasts.show({ color: 'red', message: errorMessage(err) }) });
    if (n.link && n.link.startsWith('/')) {
      setOpened(false);
      void navigate(n.link);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal trapFocus>
      <Indicator disabled={unread === 0} label={unread > 99 ? '99+' : unread} size={18} color="red" offset={4} withBorder>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={label} onClick={() => setOpened((o) => !o)}>
            <IconBell size={18} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0} aria-label="Notifications">
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600} size="sm" component="h2" m={0}>
            Notifications
          </Text>
          {unread > 0 ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconChecks size={14} aria-hidden />}
              loading={markAll.isPending}
              onClick={() => markAll.mutate(undefined, { onError: (err) => toasts.show({ color: 'red', message: errorMessage(err) }) })}
            >
              Mark all read
            </Button>
          ) : null}
        </Group>
        <Divider />
        {list.isError ? (
          <Text size="sm" c="red" p="md">
            {errorMessage(list.error)}
          </Text>
        ) : list.items.length === 0 ? (
          <Stack align="center" gap={6} p="xl">
            <ThemeIcon variant="light" color="gray" size={40} radius="xl" aria-hidden>
              <IconBellOff size={20} />
            </ThemeIcon>
            <Text size="sm" fw={500}>
              You are all caught up
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              Publications, missed check-ins and wins will show up here.
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={420}>
            {list.items.map((n) => (
              <UnstyledButton key={n.id} className={classes.notification} data-unread={n.readAt ? undefined : true} onClick={() => open(n)}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={2}>
                    {n.title}
                  </Text>
                  {!n.readAt ? (
                    <Box w={8} h={8} mt={6} style={{ borderRadius: 8, flex: 'none', background: 'var(--mantine-color-indigo-6)' }}>
                      <VisuallyHidden>Unread</VisuallyHidden>
                    </Box>
                  ) : null}
                </Group>
                {n.body ? (
                  <Text size="xs" c="dimmed" lineClamp={2} mt={2}>
                    {n.body}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed" mt={4} title={formatDateTime(n.createdAt)}>
                  {formatRelative(n.createdAt)}
                </Text>
              </UnstyledButton>
            ))}
            <LoadMore list={list} />
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
