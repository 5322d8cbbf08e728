// The sales review of a piece (SPEC S3; issue 12): ask sales members, see each reviewer's decision per version,
// decide with comments anchored to sentences, and every comment with the sentence it is about.
import { Avatar, Badge, Button, Card, Divider, Group, MultiSelect, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconMessage, IconSend, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { formatRelative, initials } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { plainSentence } from './markdown-marks.js';
import { useComment, useDecide, useRequestReview, useReviewers } from './piece-queries.js';
import type { PieceView } from './piece-types.js';

const DECISION_META = {
  pending: { label: 'Waiting', color: 'gray' },
  approved: { label: 'Approved', color: 'teal' },
  changes_requested: { label: 'Changes requested', color: 'orange' },
} as const;

/** A sentence quoted as it reads (no markdown marks), cut to n characters. */
const clip = (raw: string, n = 90) => {
  const s = plainSentence(raw) || raw;
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
};

export function PieceReviewPanel({ piece, dirty }: { piece: PieceView; dirty: boolean }) {
  const current = piece.reviews.filter((r) => r.version === piece.version);
  const earlier = piece.reviews.filter((r) => r.version !== piece.version);
  return (
    <Card component="section" aria-labelledby="review-title">
      <Title order={2} fz="lg" id="review-title" mb={4}>
        Sales review
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        A sales member approves version {piece.version} before it is published. Editing it afterwards asks them again.
      </Text>
      {current.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          Nobody has been asked to review version {piece.version} yet.
        </Text>
      ) : (
        <Stack gap="xs" mb="sm">
          {current.map((r) => (
            <Group key={r.id} justify="space-between" wrap="nowrap" gap="xs">
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <Avatar size="sm" radius="xl" color="blue">
                  {initials(r.reviewer.name)}
                </Avatar>
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>
                    {r.reviewer.name}
                  </Text>
                  {r.comment ? (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      “{r.comment}”
                    </Text>
                  ) : null}
                </div>
              </Group>
              <Badge color={DECISION_META[r.decision].color} variant="light" radius="sm" style={{ flexShrink: 0 }}>
                {DECISION_META[r.decision].label}
              </Badge>
            </Group>
          ))}
        </Stack>
      )}
      {earlier.length > 0 ? (
        <Text size="xs" c="dimmed" mb="sm">
          Earlier versions:{' '}
          {earlier
            .filter((r) => r.decision !== 'pending')
            .map((r) => `${r.reviewer.name} ${r.decision === 'approved' ? 'approved' : 'asked for changes to'} version ${r.version}`)
            .join(' · ') || 'not decided'}
        </Text>
      ) : null}
      {piece.can.requestReview ? <RequestReview piece={piece} /> : null}
      {piece.can.decide ? <Decide piece={piece} dirty={dirty} /> : null}
      <Comments piece={piece} />
    </Card>
  );
}

function RequestReview({ piece }: { piece: PieceView }) {
  const reviewers = useReviewers();
  const request = useRequestReview(piece.id);
  const asked = new Set(piece.reviews.filter((r) => r.version === piece.version).map((r) => r.reviewer.id));
  const [chosen, setChosen] = useState<string[]>([]);
  const options = (reviewers.data?.items ?? []).filter((r) => r.id !== piece.author?.id && !asked.has(r.id)).map((r) => ({ value: r.id, label: r.function ? `${r.name} · ${r.function}` : r.name }));
  return (
    <Stack gap="xs" mb="sm">
      <Divider />
      <MultiSelect
        label={asked.size > 0 ? 'Ask more sales members' : 'Ask sales members to review'}
        placeholder={reviewers.isPending ? 'Loading…' : options.length === 0 ? 'No other sales member to ask' : 'Choose reviewers'}
        data={options}
        value={chosen}
        onChange={setChosen}
        searchable
        disabled={options.length === 0}
        nothingFoundMessage="No sales member by that name"
      />
      <MutationError of={request} />
      <Group justify="flex-end">
        <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} disabled={chosen.length === 0} loading={request.isPending} onClick={() => request.mutate({ reviewerIds: chosen }, { onSuccess: () => setChosen([]) })}>
          Request review
        </Button>
      </Group>
    </Stack>
  );
}

function Decide({ piece, dirty }: { piece: PieceView; dirty: boolean }) {
  const decide = useDecide(piece.id);
  const [comment, setComment] = useState('');
  const [sentence, setSentence] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [notes, setNotes] = useState<Array<{ sentenceIndex: number; body: string }>>([]);
  const sentences = useMemo(() => piece.analysis.sentences.map((s, i) => ({ value: String(i), label: `${i + 1}. ${clip(s.text)}` })), [piece.analysis.sentences]);
  const send = (decision: 'approved' | 'changes_requested') =>
    decide.mutate(
      { decision, version: piece.version, ...(comment.trim() ? { comment: comment.trim() } : {}), comments: notes },
      {
        onSuccess: () => {
          setComment('');
          setNotes([]);
        },
      },
    );
  return (
    <Stack gap="xs" mb="sm">
      <Divider label="Your decision" labelPosition="left" />
      {dirty ? (
        <Text size="xs" c="orange.8">
          You are deciding on the saved version {piece.version}, not on unsaved text.
        </Text>
      ) : null}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select label="Comment on a sentence" placeholder="Choose a sentence" data={sentences} value={sentence} onChange={setSentence} searchable style={{ flex: 1, minWidth: 0 }} comboboxProps={{ width: 420, position: 'bottom-start' }} />
      </Group>
      {sentence !== null ? (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Textarea label="What should change in it?" autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button
            variant="default"
            size="sm"
            disabled={!note.trim()}
            onClick={() => {
              setNotes((n) => [...n, { sentenceIndex: Number(sentence), body: note.trim() }]);
              setNote('');
              setSentence(null);
            }}
          >
            Add
          </Button>
        </Group>
      ) : null}
      {notes.map((n, i) => (
        <Group key={i} gap="xs" wrap="nowrap" justify="space-between">
          <Text size="xs" style={{ flex: 1, minWidth: 0 }}>
            <b>Sentence {n.sentenceIndex + 1}:</b> {n.body}
          </Text>
          <Button variant="subtle" size="compact-xs" color="gray" style={{ flexShrink: 0 }} onClick={() => setNotes((all) => all.filter((_, j) => j !== i))}>
            Remove
          </Button>
        </Group>
      ))}
      <Textarea label="Overall comment" placeholder="Optional" autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
      <MutationError of={decide} />
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="light" color="orange" leftSection={<IconX size={14} aria-hidden />} loading={decide.isPending && decide.variables?.decision === 'changes_requested'} onClick={() => send('changes_requested')}>
          Request changes
        </Button>
        <Button size="xs" color="teal" leftSection={<IconCheck size={14} aria-hidden />} loading={decide.isPending && decide.variables?.decision === 'approved'} onClick={() => send('approved')}>
          Approve version {piece.version}
        </Button>
      </Group>
    </Stack>
  );
}

function Comments({ piece }: { piece: PieceView }) {
  const add = useComment(piece.id);
  const [body, setBody] = useState('');
  return (
    <Stack gap="xs">
      <Divider label={`Comments (${piece.comments.length})`} labelPosition="left" />
      {piece.comments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No comments yet.
        </Text>
      ) : (
        piece.comments.map((c) => (
          <div key={c.id}>
            <Group gap={6}>
              <Text size="sm" fw={600}>
                {c.author?.name ?? 'A former member'}
              </Text>
              <Text size="xs" c="dimmed">
                {formatRelative(c.createdAt)} · version {c.version}
              </Text>
            </Group>
            {c.sentenceText ? (
              <Text size="xs" c="dimmed" fs="italic" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)', paddingLeft: 8 }} my={2}>
                Sentence {(c.sentenceIndex ?? 0) + 1}: “{clip(c.sentenceText, 140)}”
              </Text>
            ) : null}
            <Text size="sm">{c.body}</Text>
          </div>
        ))
      )}
      {piece.can.comment ? (
        <>
          <Textarea aria-label="Add a comment" placeholder="Add a comment on the whole piece" autosize minRows={1} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <MutationError of={add} />
          <Group justify="flex-end">
            <Button size="xs" variant="default" leftSection={<IconMessage size={14} aria-hidden />} disabled={!body.trim()} loading={add.isPending} onClick={() => add.mutate({ version: piece.version, sentenceIndex: null, body: body.trim() }, { onSuccess: () => setBody('') })}>
              Comment
            </Button>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
