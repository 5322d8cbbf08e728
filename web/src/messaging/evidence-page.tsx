// Sales evidence (issue 12): the fast form a rep fills in a minute after a call, and what the team logged lately —
// or, from a piece's "cited by sales" (?pieceId=), every entry that names that piece.
import { Anchor, Button, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ListCard } from '../shell/list-card.js';
import { PageHeader } from '../shell/page-header.js';
import { EvidenceForm } from './evidence-form.js';
import { EvidenceImportModal } from './evidence-import-modal.js';
import { EvidenceList } from './evidence-list.js';
import { MessagingNav } from './messaging-nav.js';
import { usePainPermissions } from './pain-permissions.js';
import { useEvidence } from './pain-queries.js';
import type { Outcome } from './pain-types.js';

export function EvidencePage() {
  const { canLogEvidence, canEditPains } = usePainPermissions();
  const [params] = useSearchParams();
  const [outcome, setOutcome] = useState<Outcome | 'all'>('all');
  const [importing, importModal] = useDisclosure(false);
  const pieceId = params.get('pieceId');
  const list = useEvidence({ ...(outcome === 'all' ? {} : { outcome }), ...(pieceId ? { pieceId } : {}) }, 20);
  const cited = pieceId ? list.items.find((e) => e.piece?.id === pieceId)?.piece : undefined;
  const recent = (
    <section aria-labelledby="recent-heading">
      <Group justify="space-between" mb="sm" gap="sm" wrap="wrap">
        <Stack gap={0}>
          <Title order={2} fz="lg" id="recent-heading">
            {pieceId ? `Evidence citing ${cited ? `“${cited.title}”` : 'a piece'}` : 'Recent evidence'}
          </Title>
          {pieceId ? (
            <Anchor component={Link} to="/messaging/evidence" size="xs">
              All evidence
            </Anchor>
          ) : null}
        </Stack>
        <SegmentedControl
          aria-label="Outcome"
          size="xs"
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome | 'all')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'won', label: 'Won' },
            { value: 'lost', label: 'Lost' },
            { value: 'open', label: 'Open' },
          ]}
        />
      </Group>
      <ListCard
        list={list}
        skeletonHeight={320}
        emptyTitle={outcome === 'all' ? 'No evidence yet' : `No ${outcome} evidence`}
        emptyText={canLogEvidence ? 'Log the first call: what the buyer said, and the pain it shows.' : 'Sales logs what buyers say here after their calls.'}
      >
        {(items) => <EvidenceList items={items} showPain />}
      </ListCard>
    </section>
  );
  return (
    <>
      <PageHeader
        title="Evidence"
        description="What buyers say on sales calls, in their own words, tied to the pains in the library. It is what every pain's figures and the messaging analysis are built on."
        actions={
          canLogEvidence ? (
            <Button variant="default" leftSection={<IconFileImport size={16} aria-hidden />} onClick={importModal.open}>
              Import CSV
            </Button>
          ) : null
        }
      />
      <MessagingNav />
      {canLogEvidence ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <EvidenceForm initialPainId={params.get('painId')} canCreatePain={canEditPains} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>{recent}</Grid.Col>
        </Grid>
      ) : (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Sales members log evidence; you can read what they heard.
          </Text>
          {recent}
        </Stack>
      )}
      {canLogEvidence ? <EvidenceImportModal opened={importing} onClose={importModal.close} /> : null}
    </>
  );
}
