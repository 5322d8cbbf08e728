import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './page-title.js';

/**
 * Every page opens the same way: its title (the page's h1, and the tab's title; `tabTitle` when the heading is not
 * plain text), one line on what it is for, and its main actions.
 */
export function PageHeader({ title, description, actions, tabTitle }: { title: ReactNode; description: ReactNode; actions?: ReactNode; tabTitle?: string }) {
  usePageTitle(tabTitle ?? (typeof title === 'string' ? title : null));
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Title order={1} fz={26}>
          {title}
        </Title>
        <Text c="dimmed" size="sm" maw={720}>
          {description}
        </Text>
      </Stack>
      {actions ? <Group gap="sm">{actions}</Group> : null}
    </Group>
  );
}
