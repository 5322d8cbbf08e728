// "Cited by sales" on a piece's page (issue 13, decision 056): how many evidence entries name the piece as the one
// that helped, and the latest buyers' words with who heard them — the proof marketing's work reached a deal.
import { Anchor, Blockquote, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatLocalDate } from '../shell/format.js';
import { OUTCOME_META } from './pain-format.js';
import type { PieceView } from './piece-types.js';

/** From the piece's own answer (citedBySales), refreshed with it when evidence is logged (the messaging key). */
export function PieceCitedBy({ pieceId, citedBy, published }: { pieceId: string; citedBy: PieceView['citedBySales']; published: boolean }) {
  const n = citedBy.count;
  return (
    <Card component="section" aria-labelledby="cited-by-heading">
      <Title order={2} fz="md" id="cited-by-heading" mb={4}>
        {n === 0 ? 'Cited by sales' : `Cited by sales ${n === 1 ? 'once' : `${n.toLocaleString()} times`}`}
      </Title>
      {n === 0 ? (
        <Text size="sm" c="dimmed">
          {published ? 'No rep has named this piece in evidence yet. When one does, their buyer’s words show here.' : 'Once published, reps can name this piece as the one that helped when they log evidence.'}
        </Text>
      ) : (
        <Stack gap="sm" mt="xs">
          {citedBy.latest.map((e) => (
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
          {n > citedBy.latest.length ? (
            <Anchor component={Link} to={`/messaging/evidence?pieceId=${encodeURIComponent(pieceId)}`} size="sm">
              All {n.toLocaleString()} entries
            </Anchor>
          ) : null}
        </Stack>
      )}
    </Card>
  );
}
