// The next actions that would raise the alignment score (SPEC S6), best first: "+6 points: publish marketing's top
// three", each a link to where it is done. The points are the server's (overall points each would add).
import { Anchor, Badge, Box, Group, Skeleton, Text } from '@mantine/core';
import { IconBolt } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatPoints } from './format.js';
import { Panel } from './panel.js';
import type { AlignmentView } from './types.js';

export function NextActionsCard({ view }: { view: AlignmentView | undefined }) {
  return (
    <Panel id="next-actions-heading" title="Next actions" subtitle="What would raise the score most, first" icon={<IconBolt size={22} />} color="orange">
      {!view ? (
        <Skeleton h={160} />
      ) : view.nextActions.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing left to raise the score right now: every strategy with data is at its best.
        </Text>
      ) : (
        <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {view.nextActions.map((a, i) => (
            <Group
              component="li"
              key={a.key}
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              py={8}
              style={i === 0 ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}
            >
              <Badge variant="light" color="teal" radius="sm" tt="none" miw={96} styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } }}>
                {formatPoints(a.points)}
              </Badge>
              <Anchor component={Link} to={a.href} size="sm" fw={500} underline="hover" style={{ overflowWrap: 'anywhere' }}>
                {a.text}
              </Anchor>
            </Group>
          ))}
        </Box>
      )}
    </Panel>
  );
}
