import { Anchor, Card, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { TeamBadge } from '../workspaces/team-badge.js';
import { formatTarget } from './format.js';
import { CompBadge, StatusBadge } from './goal-badges.js';
import type { KpiView } from './types.js';

/** KPIs both teams agreed as shared goals (2–3 is the aim). */
export function SharedGoalsCard({ shared }: { shared: KpiView[] }) {
  return (
    <Card component="section" aria-labelledby="shared-heading" style={{ borderTop: '4px solid var(--mantine-color-teal-6)' }}>
      <Group gap="sm" mb={4} wrap="nowrap">
        <ThemeIcon size={30} radius="md" variant="light" color="teal" aria-hidden>
          <IconLink size={18} />
        </ThemeIcon>
        <Title order={2} fz="lg" id="shared-heading">
          Shared goals
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        KPIs both teams have agreed to own together. Two or three is the aim{shared.length > 0 ? `; you have ${shared.length}` : ''}.
      </Text>
      {shared.length === 0 ? (
        <Text size="sm">
          No shared goal yet. A lead proposes one in{' '}
          <Anchor component={Link} to="/goals/kpis">
            Manage KPIs
          </Anchor>
          , and a lead of the other team accepts it.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {shared.map((k) => (
            <Stack key={k.id} gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={3} fz="sm">
                  <Anchor component={Link} to={`/goals/kpis/${k.id}`} c="inherit" underline="hover">
                    {k.name}
                  </Anchor>
                </Title>
                <StatusBadge current={k.current} />
              </Group>
              <Text size="sm" fw={600}>
                {formatTarget(k.target, k.unit, k.direction, k.period)}
              </Text>
              <Group gap={6}>
                <Text size="xs" c="dimmed">
                  Owned by
                </Text>
                <TeamBadge team={k.team} />
                <CompBadge compensated={k.compensated} weight={k.compWeight} />
              </Group>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
