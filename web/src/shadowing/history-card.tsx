// Every quarter's program, newest first: how many took part and completed their day, and a link to it.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { ProgramSummaryView } from './types.js';

export function HistoryCard({ programs, shownId }: { programs: ProgramSummaryView[]; shownId: string | null }) {
  if (programs.length === 0) return null;
  return (
    <Card component="section" aria-labelledby="history-heading">
      <Title order={2} fz="lg" id="history-heading" mb="sm">
        Quarters
      </Title>
      <Stack gap={0}>
        {programs.map((p) => {
          const share = p.participants > 0 ? Math.round((p.completed / p.participants) * 100) : null;
          return (
            <Group key={p.id} justify="space-between" wrap="wrap" gap="xs" py={8} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
              <Group gap="xs">
                {p.id === shownId ? (
                  <Text fw={700} aria-current="page">
                    {p.quarter.label}
                  </Text>
                ) : (
                  <Anchor component={Link} to={`/shadowing/programs/${p.id}`} fw={600}>
                    {p.quarter.label}
                  </Anchor>
                )}
                <Badge variant="light" color={p.status === 'open' ? 'blue' : 'gray'}>
                  {p.status === 'open' ? 'Open' : 'Closed'}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {p.completed} of {p.participants} completed their day{share === null ? '' : ` (${share}%)`} · {p.pairs} {p.pairs === 1 ? 'pair' : 'pairs'}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}
