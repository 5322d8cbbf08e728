import { Badge, Blockquote, Button, Card, Group, List, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageHeader } from './page-header.js';

/** Something a person can do today, elsewhere in the product, instead of what this room will do. */
export interface TodayInstead {
  to: string;
  label: string;
  detail: string;
}

interface EmptyRoomProps {
  title: string;
  description: string;
  icon: ReactNode;
  color: string;
  /** One sentence: what the room will let people do. */
  summary: string;
  /** What the room will do, a line each. */
  willDo: string[];
  quote: string;
  instead: TodayInstead[];
}

/**
 * A room of the product that is not built yet (STYLE "a page for a room that is not built says so plainly"): it says
 * it is coming and what it will do, offers nothing it cannot do (no empty list, no button that goes nowhere), and
 * points to what a person can do today instead.
 */
export function EmptyRoom({ title, description, icon, color, summary, willDo, quote, instead }: EmptyRoomProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Stack gap="lg">
        <Card p="xl">
          <Group align="flex-start" gap="lg" wrap="nowrap">
            <ThemeIcon size={64} radius="xl" variant="light" color={color} aria-hidden visibleFrom="xs">
              {icon}
            </ThemeIcon>
            <Stack gap="md" style={{ flex: 1, minWidth: 0 }}>
              <Group gap="sm">
                <Title order={2} fz="xl">
                  {title} is coming
                </Title>
                <Badge variant="light" color="gray" tt="none">
                  Not built yet
                </Badge>
              </Group>
              <Text>{summary}</Text>
              <div>
                <Text fw={600} size="sm" mb="xs">
                  When it opens, it will:
                </Text>
                <List
                  spacing="xs"
                  size="sm"
                  icon={
                    <ThemeIcon size={20} radius="xl" variant="light" color={color} aria-hidden>
                      <IconCircleCheck size={14} />
                    </ThemeIcon>
                  }
                >
                  {willDo.map((line) => (
                    <List.Item key={line}>{line}</List.Item>
                  ))}
                </List>
              </div>
              <Blockquote color={color} p="md" mt={4}>
                <Text size="sm" fs="italic">
                  “{quote}”
                </Text>
              </Blockquote>
            </Stack>
          </Group>
        </Card>
        <section aria-labelledby="today-instead">
          <Title order={2} fz="md" mb="sm" id="today-instead">
            What you can do today
          </Title>
          <SimpleGrid cols={{ base: 1, sm: instead.length > 1 ? 2 : 1 }}>
            {instead.map((i) => (
              <Card key={i.to + i.label} p="lg">
                <Stack gap="sm" h="100%" justify="space-between">
                  <Text size="sm">{i.detail}</Text>
                  <Button component={Link} to={i.to} variant="light" rightSection={<IconArrowRight size={16} aria-hidden />} style={{ alignSelf: 'flex-start' }}>
                    {i.label}
                  </Button>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </section>
      </Stack>
    </>
  );
}
