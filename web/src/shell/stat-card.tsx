import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';

/** One figure of a page's summary strip: an icon in its color, a small uppercase label, and what it says. */
export function StatCard({ icon, color, label, children }: { icon: ReactNode; color: string; label: string; children: ReactNode }) {
  return (
    <Card padding="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={34} radius="md" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" c="dimmed" fw={700}>
            {label}
          </Text>
          {children}
        </Stack>
      </Group>
    </Card>
  );
}
