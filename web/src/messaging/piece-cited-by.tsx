// "Cited by sales" on a piece's page (issue 13, decision 056): how many evidence entries name the piece as the one
// that helped, and the latest buyers' words with who heard them — the proof marketing's work reached a deal.
import { Anchor, Blockquote, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { Link } from 'react-router';
import type { PieceCitationsView } from '../../../src/capabilities/messaging/pains/schemas.js';
import { api, errorMessage } from '../api/client.js';
import { formatLocalDate } from '../shell/format.js';
import { OUTCOME_META } from './pain-format.js';

type CitedBy = z.infer<typeof PieceCitationsView>;

/** Under the messaging key: logging, editing or deleting evidence refreshes it with the rest of the room. */
const citedByKey = (pieceId: string) => ['messaging', 'pieces', 'cited-by', pieceId] as const;

export function PieceCitedBy({ pieceId, published }: { pieceId: string; published: boolean }) {
  const q = useQuery({ queryKey: citedByKey(pieceId), queryFn: () => api.get<CitedBy>(`/messaging/pieces/${encodeURIComponent(pieceId)}/cited-by`) });
  const n = q.data?.count ?? 0;
  return (
    <Card component="section" aria-labelledby="cited-by-heading">
      <Title order={2} fz="md" id="cited-by-heading" mb={4}>
        {q.data ? `Cited by sales ${n === 1 ? 'once' : `${n.toLocaleString()} times`}` : 'Cited by sales'}
      </Title>
      {q.isError ? (
        <Text size="sm" c="red.7" role="alert">
          {errorMessage(q.error)}
        </Text>
      ) : !q.data ? (
        <Skeleton h={60} />
      ) : n === 0 ? (
        <Text size="sm" c="dimmed">
          {published ? 'No rep has named this piece in evidence yet. When one does, their buyer’s words show here.' : 'Once published, reps can name this piece as the one that helped when they log evidence.'}
        </Text>
      ) : (
        <Stack gap="sm" mt="xs">
          {q.data.latest.map((e) => (
            <Stack key={e.id} gap={2}>
              <Blockquote className="user-text" p={0} pl="sm" color={OUTCOME_META[e.outcome].color} style={{ background: 'none', fontSize: 'var(--mantine-font-size-sm)' }} icon={null}>
                “{e.quote}”
              </Blockquote>
              <Group gap={6} pl="sm">
                <Text size="xs" fw={600} className="user-text">
                  {e.account}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatLocalDate(e.date)}
                  {e.memberName ? ` · ${e.memberName}` : ''} · {OUTCOME_META[e.outcome].label}
                </Text>
              </Group>
            </Stack>
          ))}
          {n > q.data.latest.length ? (
            <Anchor component={Link} to={`/messaging/evidence?pieceId=${encodeURIComponent(pieceId)}`} size="sm">
              All {n.toLocaleString()} entries
            </Anchor>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
