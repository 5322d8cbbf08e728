// Marketing pieces (SPEC S3; issue 12): every piece with its status, pain score and band, channel and author; filters,
// and "New piece" for those who write them.
import { Anchor, Button, Group, Modal, Select, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { fieldError } from '../api/client.js';
import { formatRelative } from '../shell/format.js';
import { ListCard } from '../shell/list-card.js';
import { MutationError } from '../shell/mutation-error.js';
import { PageHeader } from '../shell/page-header.js';
import { useSession } from '../shell/session.js';
import { MessagingNav } from './messaging-nav.js';
import { CHANNEL_LABEL, PieceStatusBadge, ScoreBadge, STATUS_META } from './piece-badges.js';
import { useCreatePiece, usePieces } from './piece-queries.js';
import type { PieceChannel, PieceStatus } from './piece-types.js';

const CHANNEL_OPTIONS = Object.entries(CHANNEL_LABEL).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = Object.entries(STATUS_META).map(([value, m]) => ({ value, label: m.label }));

/** Who writes pieces, as the server decides it (marketing members, leaders and admins); the button is only hidden for others. */
const mayWrite = (role: string, team: string) => role !== 'viewer' && (team === 'marketing' || role === 'leader' || role === 'admin');

export function PiecesPage() {
  const { member } = useSession();
  const [status, setStatus] = useState<PieceStatus | null>(null);
  const [channel, setChannel] = useState<PieceChannel | null>(null);
  const [mine, setMine] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, createModal] = useDisclosure(false);
  const list = usePieces({ status: status ?? undefined, channel: channel ?? undefined, q: q || undefined, author: mine ? member.id : undefined });
  const canWrite = mayWrite(member.role, member.team);
  const filtered = Boolean(status || channel || q || mine);

  return (
    <>
      <PageHeader
        title="Pieces"
        description="Marketing copy with its pain score: sales approves each version before it is published, and the score must reach the workspace's threshold."
        actions={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={createModal.open}>
              New piece
            </Button>
          ) : null
        }
      />
      <MessagingNav />
      <Group gap="sm" mb="md" wrap="wrap" align="flex-end">
        <TextInput label="Search titles" placeholder="e.g. inbound leads" leftSection={<IconSearch size={14} aria-hidden />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
        <Select label="Status" placeholder="Any status" data={STATUS_OPTIONS} value={status} onChange={(v) => setStatus(v as PieceStatus | null)} clearable w={190} />
        <Select label="Channel" placeholder="Any channel" data={CHANNEL_OPTIONS} value={channel} onChange={(v) => setChannel(v as PieceChannel | null)} clearable w={190} />
        <Button variant={mine ? 'light' : 'default'} onClick={() => setMine((m) => !m)} aria-pressed={mine}>
          {mine ? 'Showing mine' : 'Only mine'}
        </Button>
      </Group>
      <ListCard
        list={list}
        emptyTitle={filtered ? 'No piece matches these filters' : 'No pieces yet'}
        emptyText={filtered ? 'Clear a filter to see more.' : canWrite ? 'Write the first one: the analysis beside the editor shows how it reads to a buyer.' : 'Marketing writes pieces here; sales reviews them.'}
      >
        {(items) => (
          <>
          {/* On a phone each piece is a short block; the table needs a wider screen. */}
          <Stack gap={0} hiddenFrom="sm">
            {items.map((p) => (
              <Stack key={p.id} gap={4} p="md" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                <Anchor component={Link} to={`/messaging/pieces/${p.id}`} fw={600} size="sm">
                  {p.title}
                </Anchor>
                <Group gap="xs" wrap="wrap">
                  <PieceStatusBadge status={p.status} />
                  <ScoreBadge score={p.score} band={p.band} />
                </Group>
                <Text size="xs" c="dimmed">
                  {CHANNEL_LABEL[p.channel]} · {p.author?.name ?? 'no author'} · changed {formatRelative(p.updatedAt)}
                  {p.pendingReviews > 0 ? ` · ${p.pendingReviews} review${p.pendingReviews === 1 ? '' : 's'} waiting` : ''}
                </Text>
              </Stack>
            ))}
          </Stack>
          <Table.ScrollContainer minWidth={820} visibleFrom="sm">
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th miw={280}>Piece</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Pain score</Table.Th>
                  <Table.Th>Channel</Table.Th>
                  <Table.Th>Author</Table.Th>
                  <Table.Th>Changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td maw={420}>
                      <Anchor component={Link} to={`/messaging/pieces/${p.id}`} fw={600} size="sm">
                        {p.title}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        Version {p.version}
                        {p.pendingReviews > 0 ? ` · ${p.pendingReviews} review${p.pendingReviews === 1 ? '' : 's'} waiting` : ''}
                        {p.overridden ? ' · published past the gate by a leader' : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <PieceStatusBadge status={p.status} />
                    </Table.Td>
                    <Table.Td>
                      <ScoreBadge score={p.score} band={p.band} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{CHANNEL_LABEL[p.channel]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.author?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatRelative(p.updatedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          </>
        )}
      </ListCard>
      <NewPieceModal opened={creating} onClose={createModal.close} />
    </>
  );
}

/** Title, channel and a first draft; the piece opens in the editor with its analysis once saved. */
function NewPieceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const create = useCreatePiece();
  const [title, setTitle] = useState('');
  const [channel, setChannel] = useState<PieceChannel>('blog');
  const [body, setBody] = useState('');
  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, channel, body },
      {
        onSuccess: (p) => {
          setTitle('');
          setBody('');
          onClose();
          void navigate(`/messaging/pieces/${p.id}`);
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title="New piece" size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput label="Title" required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(create.error, 'title')} data-autofocus />
          <Select label="Channel" data={CHANNEL_OPTIONS} value={channel} onChange={(v) => v && setChannel(v as PieceChannel)} allowDeselect={false} />
          <Textarea
            label="First draft"
            description="Markdown. Paste what you have: the editor shows its pain score and what to change as soon as it is saved."
            required
            autosize
            minRows={6}
            maxRows={14}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            error={fieldError(create.error, 'body')}
          />
          <MutationError of={create} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
