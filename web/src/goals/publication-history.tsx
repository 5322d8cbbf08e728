import { Card, List, SimpleGrid, Skeleton, Text, Timeline, Title } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { formatDateTime } from '../shell/format.js';
import { LoadMore } from '../shell/load-more.js';
import { TEAM_COLOR, TEAM_LABEL } from '../theme.js';
import { QueryError } from './goal-badges.js';
import { usePublications } from './queries.js';
import { GOAL_TEAMS, type GoalTeam } from './types.js';

/** Every publication per team, newest first (ten, then ten more): number, date, who, the note and what changed. */
export function PublicationHistory() {
  return (
    <Card component="section" aria-labelledby="history-heading">
      <Title order={2} fz="lg" id="history-heading" mb="md">
        Publication history
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        {GOAL_TEAMS.map((team) => (
          <div key={team}>
            <Title order={3} fz="md" mb="sm" style={{ color: `var(--mantine-color-${TEAM_COLOR[team]}-light-color)` }}>
              {TEAM_LABEL[team]}
            </Title>
            <TeamHistory team={team} />
          </div>
        ))}
      </SimpleGrid>
    </Card>
  );
}

function TeamHistory({ team }: { team: GoalTeam }) {
  const publications = usePublications(team);
  const items = publications.items;
  const color = TEAM_COLOR[team];
  if (publications.isError) return <QueryError error={publications.error} title="Could not load the publications" />;
  if (publications.isPending) return <Skeleton h={120} />;
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing published yet.
      </Text>
    );
  }
  return (
    <>
      <Timeline bulletSize={22} lineWidth={2} color={color} active={0}>
      {items.map((p) => (
        <Timeline.Item
          key={p.id}
          bullet={<IconHistory size={12} aria-hidden />}
          title={
            <Text size="sm" fw={600} component="span">
              #{p.number} · {formatDateTime(p.publishedAt)}
            </Text>
          }
        >
          <Text size="xs" c="dimmed">
            {p.byline}
          </Text>
          {p.note ? (
            <Text size="sm" fs="italic" mt={4}>
              “{p.note}”
            </Text>
          ) : null}
          <Text size="sm" mt={4}>
            {p.items.map((i) => `#${i.rank} ${i.name}`).join(' · ')}
          </Text>
          {p.changes.length > 0 ? (
            <List size="sm" mt={4} spacing={2}>
              {p.changes.map((c, i) => (
                <List.Item key={`${c.kpiId}-${c.type}-${i}`}>{c.message}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="xs" c="dimmed" mt={4}>
              First publication.
            </Text>
          )}
        </Timeline.Item>
      ))}
      </Timeline>
      <LoadMore list={publications} />
    </>
  );
}
