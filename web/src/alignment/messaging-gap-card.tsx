// The messaging gap on the dashboard (SPEC S3 seen from S6): how many pains sales hears that no published piece covers,
// and the heaviest three, each linking to its pain; the full list and the heat map are on the Messaging page.
import { Anchor, Box, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client.js';
import type { CoverageView } from '../messaging/coverage-types.js';
import { formatLocalDate } from '../shell/format.js';
import { Panel, PanelError } from './panel.js';

const SHOWN = 3;

/** The gap alone: one row and one column of the heat map is the least the route draws. Keyed under 'messaging', so the room's mutations refresh it. */
const useGap = () => useQuery({ queryKey: ['messaging', 'coverage', 'dashboard'], queryFn: () => api.get<CoverageView>('/messaging/coverage?pains=1&pieces=1') });

export function MessagingGapCard() {
  const q = useGap();
  const data = q.data;
  return (
    <Panel id="dash-gap-heading" title="Messaging gap" icon={<IconMessageReport size={22} />} color="grape" link={{ to: '/messaging', label: 'Coverage' }}>
      {q.isError ? (
        <PanelError error={q.error} />
      ) : !data ? (
        <Skeleton h={120} />
      ) : data.gapTotal === 0 ? (
        <Text size="sm" c="dimmed">
          {data.summary.painsWithEvidence === 0 ? (
            <>
              No evidence is logged against a pain yet, so there is no gap to show.{' '}
              <Anchor component={Link} to="/messaging/evidence" inherit>
                Log what buyers say
              </Anchor>
            </>
          ) : (
            'Every pain sales has evidence for is covered by a published piece.'
          )}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm">
            <Text span fw={700}>
              {data.gapTotal} {data.gapTotal === 1 ? 'pain' : 'pains'}
            </Text>{' '}
            sales hears {data.gapTotal === 1 ? 'has' : 'have'} no published piece covering {data.gapTotal === 1 ? 'it' : 'them'}
            {data.summary.coveredWeightShare !== null ? `; pieces cover ${Math.round(data.summary.coveredWeightShare * 100)}% of the evidence weight.` : '.'}
          </Text>
          <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {data.gap.slice(0, SHOWN).map((pain) => (
              <Box component="li" key={pain.id} py={6} style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
                <Anchor component={Link} to={`/messaging/pains/${pain.id}`} size="sm" fw={600} underline="hover" className="user-text">
                  {pain.statement}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {pain.evidenceCount} {pain.evidenceCount === 1 ? 'quote' : 'quotes'}, {pain.recentCount} in the last 90 days
                  {pain.lastHeard ? ` · last heard ${formatLocalDate(pain.lastHeard)}` : ''}
                </Text>
              </Box>
            ))}
          </Box>
        </Stack>
      )}
    </Panel>
  );
}
