import { Button, Group, List, Modal, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { TEAM_LABEL } from '../theme.js';
import { formatTarget } from './format.js';
import { usePublish, useRankedKpis } from './queries.js';
import type { GoalTeam, PublicationView } from './types.js';
import { MutationError } from '../shell/mutation-error.js';

/** Publish the team's current top three: an optional note, then the numbered publication and what changed. */
export function PublishModal({ team, opened, onClose, latestNumber }: { team: GoalTeam; opened: boolean; onClose: () => void; latestNumber: number | null }) {
  const [note, setNote] = useState('');
  const [published, setPublished] = useState<PublicationView | null>(null);
  const publish = usePublish();
  const kpis = useRankedKpis(team);
  const ranked = (kpis.data?.items ?? []).filter((k) => k.rank !== null);
  const label = TEAM_LABEL[team];

  const close = () => {
    onClose();
    setPublished(null);
    setNote('');
    publish.reset();
  };

  return (
    <Modal opened={opened} onClose={close} title={published ? `Published #${published.number}` : `Publish the ${label.toLowerCase()} top three`} size="lg">
      {published ? (
        <Stack gap="sm">
          <Text size="sm">Everyone in the workspace has been notified. What changed{published.number > 1 ? ` since #${published.number - 1}` : ''}:</Text>
          {/* Never empty: the server refuses a publication that changes nothing, and #1 lists every KPI as added. */}
          <List size="sm" spacing={4}>
            {published.changes.map((c, i) => (
              <List.Item key={`${c.kpiId}-${c.type}-${i}`}>{c.message}</List.Item>
            ))}
          </List>
          <Group justify="flex-end" mt="sm">
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const trimmed = note.trim();
            publish.mutate({ team, ...(trimmed ? { note: trimmed } : {}) }, { onSuccess: setPublished });
          }}
        >
          <Stack gap="sm">
            <Text size="sm">
              This publishes publication #{(latestNumber ?? 0) + 1}: an unchangeable snapshot of these KPIs, how they are measured, their targets and
              comp. The whole workspace is notified.
            </Text>
            {kpis.isPending ? (
              <Skeleton h={80} />
            ) : ranked.length === 0 ? (
              <Text size="sm" c="dimmed">
                No {label.toLowerCase()} KPI is ranked yet.
              </Text>
            ) : (
              <List size="sm" spacing={4} type="ordered">
                {ranked.map((k) => (
                  <List.Item key={k.id}>
                    <Text span fw={600} size="sm">
                      {k.name}
                    </Text>{' '}
                    <Text span c="dimmed" size="sm">
                      {formatTarget(k.target, k.unit, k.direction, k.period)}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
            <Textarea
              label="Note for everyone (optional)"
              description="Why the top three changed, in a sentence."
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
            />
            <MutationError of={publish} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={publish.isPending}>
                Publish
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
