import { Blockquote, Card, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from './page-header.js';

interface EmptyRoomProps {
  title: string;
  description: string;
  icon: ReactNode;
  color: string;
  heading: string;
  quote: string;
  children: ReactNode;
}

/** A room of the product that has nothing in it yet: what it will hold, and the practice it serves, without made-up data. */
export function EmptyRoom({ title, description, icon, color, heading, quote, children }: EmptyRoomProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card p="xl">
        <Stack align="center" ta="center" gap="md" maw={640} mx="auto" py="lg">
          <ThemeIcon size={64} radius="xl" variant="light" color={color} aria-hidden>
            {icon}
          </ThemeIcon>
          <Title order={2} fz="xl">
            {heading}
          </Title>
          <Stack gap="xs">{children}</Stack>
          <Blockquote color={color} p="md" mt="sm" ta="left" w="100%">
            <Text size="sm" fs="italic">
              “{quote}”
            </Text>
          </Blockquote>
        </Stack>
      </Card>
    </>
  );
}
