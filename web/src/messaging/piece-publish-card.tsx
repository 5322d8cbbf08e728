// Publishing a piece past the gate the server enforces (SPEC S3 "Publishing gate"; issue 12): the button is disabled
// with the gate's reasons in words; a leader may publish past it with a written reason, which shows on the piece.
import { Alert, Button, Card, Group, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconRocket } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDateTime } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { useArchivePiece, usePublish } from './piece-queries.js';
import type { PieceView } from './piece-types.js';

const REASON_MIN = 10;
/** The subtle override button's words: the yellow of the gate falls to 1.9:1 on white, so dark text on light and yellow on dark. */
const OVERRIDE_TEXT = 'light-dark(var(--mantine-color-dark-7), var(--mantine-color-yellow-4))';

export function PiecePublishCard({ piece, dirty }: { piece: PieceView; dirty: boolean }) {
  const publish = usePublish(piece.id);
  const archive = useArchivePiece(piece.id);
  const [reason, setReason] = useState('');
  const [overriding, setOverriding] = useState(false);

  if (piece.status === 'published' || piece.status === 'archived') {
    return (
      <Card component="section" aria-labelledby="publish-title">
        <Title order={2} fz="lg" id="publish-title" mb="xs">
          {piece.status === 'published' ? 'Published' : 'Archived'}
        </Title>
        {piece.publishedAt ? (
          <Text size="sm">
            Published {formatDateTime(piece.publishedAt)}
            {piece.publishedBy ? ` by ${piece.publishedBy.name}` : ''}
            {piece.gate.approvedBy.length > 0 && !piece.override ? `, approved by ${piece.gate.approvedBy.join(', ')}` : ''}.
          </Text>
        ) : null}
        {piece.override ? (
          <Alert color="yellow" variant="light" mt="sm" icon={<IconAlertTriangle size={18} aria-hidden />} title={`Published past the gate by ${piece.override.by?.name ?? 'a leader'}`}>
            <Text size="sm">“{piece.override.reason}”</Text>
          </Alert>
        ) : null}
        {piece.can.archive ? (
          <Group justify="flex-end" mt="sm">
            <MutationError of={archive} />
            <Button variant="default" size="xs" loading={archive.isPending} onClick={() => archive.mutate(undefined)}>
              Archive
            </Button>
          </Group>
        ) : null}
      </Card>
    );
  }

  const mayPublish = piece.can.publish || piece.can.override;
  const blocked = !piece.gate.open;
  return (
    <Card component="section" aria-labelledby="publish-title">
      <Title order={2} fz="lg" id="publish-title" mb="xs">
        Publish
      </Title>
      {blocked ? (
        <Stack gap={4} mb="sm">
          <Text size="sm" fw={600} id="gate-reasons">
            Publishing is refused until:
          </Text>
          <List size="sm" spacing={2} icon={<IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" aria-hidden />}>
            {piece.gate.reasons.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
        </Stack>
      ) : (
        <Group gap={6} mb="sm" wrap="nowrap">
          <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text size="sm">
            Approved by {piece.gate.approvedBy.join(', ')} and scoring {piece.score} (threshold {piece.threshold}): ready to publish.
          </Text>
        </Group>
      )}
      {dirty ? (
        <Text size="xs" c="orange.8" mb="xs">
          Save your changes first: what is published is the saved version {piece.version}.
        </Text>
      ) : null}
      <MutationError of={publish} />
      {mayPublish ? (
        <Group justify="flex-end" gap="xs">
          {blocked && piece.can.override && !overriding ? (
            <Button variant="subtle" color="yellow.8" size="xs" style={{ color: OVERRIDE_TEXT }} onClick={() => setOverriding(true)}>
              Publish past the gate…
            </Button>
          ) : null}
          <Button leftSection={<IconRocket size={16} aria-hidden />} disabled={blocked || dirty || !piece.can.publish} aria-describedby={blocked ? 'gate-reasons' : undefined} loading={publish.isPending && !overriding} onClick={() => publish.mutate({ version: piece.version })}>
            Publish
          </Button>
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          The author, marketing leads and leaders publish it.
        </Text>
      )}
      {overriding ? (
        <Stack gap="xs" mt="sm">
          <Textarea
            label="Why publish it past the gate?"
            description="Written on the piece and in the audit log, for everyone to read."
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reason.trim().length > 0 && reason.trim().length < REASON_MIN ? `Say why in at least ${REASON_MIN} characters.` : null}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" onClick={() => setOverriding(false)}>
              Cancel
            </Button>
            <Button color="yellow.8" autoContrast size="xs" disabled={reason.trim().length < REASON_MIN || dirty} loading={publish.isPending} onClick={() => publish.mutate({ version: piece.version, overrideReason: reason.trim() })}>
              Publish past the gate
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}
