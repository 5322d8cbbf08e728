// The frame every dashboard panel shares: a card that is a named region, its heading beside a coloured icon (with an
// optional line under it), and at the right either a link to the room or an action; and the line a panel shows when its
// read failed.
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';

interface PanelProps {
  /** The heading's id, which names the region. */
  id: string;
  title: string;
  icon: ReactNode;
  color: string;
  subtitle?: string | null;
  /** A link to the room, at the right of the heading. */
  link?: { to: string; label: string };
  /** Or an action there (a button). */
  action?: ReactNode;
  children: ReactNode;
}

export function Panel({ id, title, icon, color, subtitle, link, action, children }: PanelProps) {
  return (
    <Card component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon size={40} radius="md" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
          <Stack gap={0}>
            <Title order={2} fz="lg" id={id}>
              {title}
            </Title>
            {subtitle ? (
              <Text size="xs" c="dimmed">
                {subtitle}
              </Text>
            ) : null}
          </Stack>
        </Group>
        {link ? (
          <Anchor component={Link} to={link.to} size="sm">
            {link.label}
          </Anchor>
        ) : (
          action
        )}
      </Group>
      {children}
    </Card>
  );
}

/** Why a panel's read failed, in the server's words. */
export function PanelError({ error }: { error: unknown }) {
  return (
    <Text size="sm" c="var(--mantine-color-error)" role="alert">
      {errorMessage(error)}
    </Text>
  );
}
