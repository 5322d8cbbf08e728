// One win in a list (the feed, the dashboard): its team mark — "Sales × Marketing" and the accent when it is
// collaborative — kind, day, title, story, who is credited, reactions and kudos.
import { Anchor, Card, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconMessageCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatLocalDate } from '../shell/format.js';
import { usePermissions } from '../shell/session.js';
import { Reactions } from './reactions.js';
import type { WinView } from './types.js';
import { CelebratedBadge, collaborativeClass, CreditedPeople, KindBadge, TeamsBadge } from './win-badges.js';

export function WinCard({ win }: { win: WinView }) {
  const { canContribute } = usePermissions();
  const headingId = `win-${win.id}`;
  return (
    <Card component="article" aria-labelledby={headingId} className={collaborativeClass(win.collaborative)} padding="md">
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap={6} wrap="wrap">
            <TeamsBadge win={win} />
            <KindBadge kind={win.kind} />
            {win.celebrated ? <CelebratedBadge celebrated={win.celebrated} /> : null}
          </Group>
          <Text size="xs" c="dimmed">
            {formatLocalDate(win.wonOn, { weekday: true })}
          </Text>
        </Group>
        <Title order={3} fz="md" id={headingId} className="user-text">
          <Anchor component={Link} to={`/wins/${win.id}`} inherit c="inherit" underline="hover">
            {win.title}
          </Anchor>
        </Title>
        {win.story ? (
          <Text size="sm" lineClamp={3} className="user-text" style={{ whiteSpace: 'pre-wrap' }}>
            {win.story}
          </Text>
        ) : null}
        <CreditedPeople people={win.credited} max={6} />
        {win.source ? (
          <Text size="xs" c="dimmed" className="user-text">
            Proposed from {win.source.label}
            {win.postedBy ? `, confirmed by ${win.postedBy.name}` : ''}
          </Text>
        ) : win.postedBy ? (
          <Text size="xs" c="dimmed">
            Posted by {win.postedBy.name}
          </Text>
        ) : null}
        <Group justify="space-between" gap="xs" wrap="wrap" mt={2}>
          <Reactions win={win} />
          {win.commentCount > 0 || canContribute ? (
            <Anchor component={Link} to={`/wins/${win.id}#kudos`} size="sm" underline="hover" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
              <IconMessageCircle size={16} aria-hidden />
              {win.commentCount === 0 ? 'Give kudos' : `${win.commentCount.toLocaleString()} kudos`}
              <VisuallyHidden>{` for ${win.title}`}</VisuallyHidden>
            </Anchor>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
