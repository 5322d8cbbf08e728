import { SimpleGrid, Skeleton, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconChecklist, IconMessageCircleSearch, IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { QueryError } from '../goals/goal-badges.js';
import { PageHeader } from '../shell/page-header.js';
import { StatCard } from '../shell/stat-card.js';
import { useSession } from '../shell/session.js';
import { CoverageHeatMap } from './coverage-heat-map.js';
import { MessagingGapCard, OffMessageCard } from './coverage-lists.js';
import { useCoverage } from './coverage-queries.js';
import type { CoverageMode, CoverageView } from './coverage-types.js';
import { MessagingNav } from './messaging-nav.js';

export const MESSAGING_DESCRIPTION = 'The pains sales hears from buyers, and how well the published marketing pieces speak to them.';

// Strategy THREE (SPEC S3): pain-based messaging. The overview: the messaging gap first, then the heat map and the
// pieces that speak to no pain.
export function MessagingPage() {
  const [view, setView] = useState<CoverageMode>('published');
  const coverage = useCoverage(view);
  const { member } = useSession();
  const data = coverage.data;
  return (
    <>
      <PageHeader title="Messaging" description={MESSAGING_DESCRIPTION} />
      <MessagingNav />
      {coverage.isError ? <QueryError error={coverage.error} title="Could not load the coverage" /> : null}
      {!data ? (
        coverage.isError ? null : <OverviewSkeleton />
      ) : (
        <Stack gap="lg">
          <SummaryStrip data={data} />
          <MessagingGapCard data={data} canWrite={member.role !== 'viewer'} />
          <CoverageHeatMap data={data} view={view} onView={setView} loading={coverage.isPlaceholderData} />
          <OffMessageCard data={data} />
        </Stack>
      )}
    </>
  );
}

function SummaryStrip({ data }: { data: CoverageView }) {
  const s = data.summary;
  const share = s.coveredWeightShare;
  return (
    <section aria-labelledby="summary-heading">
      <VisuallyHidden>
        <h2 id="summary-heading">Summary</h2>
      </VisuallyHidden>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        <StatCard icon={<IconMessageCircleSearch size={18} />} color="grape" label="Pains sales hears">
          <Text fw={700} size="lg" lh={1.2}>
            {s.painsWithEvidence} of {s.activePains}
          </Text>
          <Text size="xs" c="dimmed">
            active pains have evidence
          </Text>
        </StatCard>
        <StatCard icon={<IconTargetArrow size={18} />} color={share === null ? 'gray' : share >= 0.7 ? 'teal' : share >= 0.4 ? 'yellow' : 'red'} label="Covered">
          <Text fw={700} size="lg" lh={1.2}>
            {s.coveredPains} {s.coveredPains === 1 ? 'pain' : 'pains'}
          </Text>
          <Text size="xs" c="dimmed">
            {share === null ? 'no evidence to weigh yet' : `${Math.round(share * 100)}% of the evidence weight`}
          </Text>
        </StatCard>
        <StatCard icon={<IconAlertTriangle size={18} />} color={data.gapTotal > 0 ? 'orange' : 'teal'} label="Messaging gap">
          <Text fw={700} size="lg" lh={1.2}>
            {data.gapTotal} {data.gapTotal === 1 ? 'pain' : 'pains'}
          </Text>
          <Text size="xs" c="dimmed">
            heard, and no published piece covers them
          </Text>
        </StatCard>
        <StatCard icon={<IconChecklist size={18} />} color="indigo" label="Pieces">
          <Text fw={700} size="lg" lh={1.2}>
            {s.publishedPieces} published
          </Text>
          <Text size="xs" c="dimmed">
            {data.offMessageTotal} off-message · {s.inProgressPieces} in progress
          </Text>
        </StatCard>
      </SimpleGrid>
    </section>
  );
}

function OverviewSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading the coverage">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={80} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={320} radius="md" />
      <Skeleton h={360} radius="md" />
    </Stack>
  );
}
