// One piece (SPEC S3; issue 12): the editor with the pain analysis live beside it (debounced as the author types),
// the text with its flagged sentences and their hints, the sales review and publishing behind the gate.
import { Alert, Anchor, Button, Grid, Group, Select, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage, fieldError } from '../api/client.js';
import { formatRelative } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { PageHeader } from '../shell/page-header.js';
import { AnalysisHighlights } from './analysis-highlights.js';
import { AnalysisPanel } from './analysis-panel.js';
import { MessagingNav } from './messaging-nav.js';
import { CHANNEL_LABEL, PieceStatusBadge } from './piece-badges.js';
import { PiecePublishCard } from './piece-publish-card.js';
import { useLiveAnalysis, usePiece, useUpdatePiece } from './piece-queries.js';
import { PieceCitedBy } from './piece-cited-by.js';
import { PieceReviewPanel } from './piece-review-panel.js';
import type { PieceChannel, PieceView } from './piece-types.js';

const CHANNEL_OPTIONS = Object.entries(CHANNEL_LABEL).map(([value, label]) => ({ value, label }));
/** How long typing pauses before the text is analysed again. */
const ANALYSE_AFTER_MS = 400;

export function PiecePage() {
  const { id = '' } = useParams();
  const piece = usePiece(id);
  const p = piece.data;
  return (
    <>
      <Anchor component={Link} to="/messaging/pieces" size="sm" underline="hover" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> All pieces
      </Anchor>
      <PageHeader
        title={p?.title ?? 'Piece'}
        tabTitle={p?.title ?? 'Piece'}
        description={
          p
            ? `${CHANNEL_LABEL[p.channel]} · by ${p.author?.name ?? 'a former member'} · version ${p.version} · changed ${formatRelative(p.updatedAt)}`
            : piece.isError
              ? 'This piece could not be loaded.'
              : 'Loading…'
        }
        actions={p ? <PieceStatusBadge status={p.status} /> : null}
      />
      <MessagingNav />
      {piece.isError ? (
        <Alert color="red" title="Could not load the piece" role="alert">
          {errorMessage(piece.error)}
        </Alert>
      ) : !p ? (
        <Skeleton h={520} radius="md" />
      ) : (
        // Keyed by id: another piece starts with its own text, not the last one's.
        <PieceWorkspace key={p.id} piece={p} />
      )}
    </>
  );
}

function PieceWorkspace({ piece }: { piece: PieceView }) {
  const update = useUpdatePiece(piece.id);
  const [title, setTitle] = useState(piece.title);
  const [channel, setChannel] = useState<PieceChannel>(piece.channel);
  const [body, setBody] = useState(piece.body);
  const [base, setBase] = useState(piece.version);
  // A version saved elsewhere (a reviewer's tab, another editor) replaces the text only while nothing is typed here.
  const dirty = title !== piece.title || body !== piece.body || channel !== piece.channel;
  useEffect(() => {
    if (piece.version !== base && !dirty) {
      setTitle(piece.title);
      setBody(piece.body);
      setChannel(piece.channel);
      setBase(piece.version);
    }
  }, [piece, base, dirty]);
  const [typed] = useDebouncedValue(body, ANALYSE_AFTER_MS);
  const live = useLiveAnalysis(typed, piece.can.edit && typed !== piece.body);
  const showLive = typed !== piece.body && live.data !== undefined;
  const analysis = showLive ? live.data!.analysis : piece.analysis;
  const analysedText = showLive ? live.data!.text : piece.body;
  const analysing = (piece.can.edit && body !== typed) || live.isFetching;
  const newerElsewhere = piece.version !== base;

  const save = () =>
    update.mutate(
      { ...(title !== piece.title ? { title } : {}), ...(channel !== piece.channel ? { channel } : {}), ...(body !== piece.body ? { body } : {}), baseVersion: base },
      { onSuccess: (saved) => setBase(saved.version) },
    );

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack gap="lg">
          {piece.can.edit ? (
            <Stack gap="sm" component="form" onSubmit={(e) => {
                e.preventDefault();
                save();
              }} aria-label="Edit the piece">
              <Group gap="sm" align="flex-start" wrap="wrap">
                <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} maxLength={200} required style={{ flex: '1 1 320px' }} error={fieldError(update.error, 'title')} />
                <Select label="Channel" data={CHANNEL_OPTIONS} value={channel} onChange={(v) => v && setChannel(v as PieceChannel)} allowDeselect={false} w={190} />
              </Group>
              <Textarea
                label="Body"
                description="Markdown. The analysis beside it follows as you type; saving makes a new version."
                value={body}
                onChange={(e) => setBody(e.currentTarget.value)}
                autosize
                minRows={8}
                maxRows={30}
                required
                error={fieldError(update.error, 'body')}
                styles={{ input: { fontSize: 15, lineHeight: 1.6 } }}
              />
              {newerElsewhere ? (
                <Alert color="yellow" variant="light">
                  Someone saved version {piece.version} while you were editing. Saving yours is refused until you reload the page to read it.
                </Alert>
              ) : null}
              {live.isError ? (
                <Text size="xs" c="red.7" role="alert">
                  {errorMessage(live.error)}
                </Text>
              ) : null}
              <MutationError of={update} />
              <Group justify="space-between">
                <Text size="xs" c="dimmed">
                  {dirty
                    ? piece.status === 'approved' || piece.status === 'in_review'
                      ? 'Unsaved changes. Saving sends the new version back to its reviewers.'
                      : 'Unsaved changes.'
                    : `Version ${piece.version} saved ${formatRelative(piece.updatedAt)}.`}
                </Text>
                <Button type="submit" leftSection={<IconDeviceFloppy size={16} aria-hidden />} disabled={!dirty || !body.trim() || !title.trim()} loading={update.isPending}>
                  Save version {dirty && (title !== piece.title || body !== piece.body) ? piece.version + 1 : piece.version}
                </Button>
              </Group>
            </Stack>
          ) : (
            <Alert color="gray" variant="light">
              {piece.status === 'published' || piece.status === 'archived'
                ? `This piece is ${piece.status}, so it is no longer edited.`
                : 'You read this piece; its author, marketing leads and leaders edit it.'}
            </Alert>
          )}
          <AnalysisHighlights text={analysedText} analysis={analysis} comments={piece.comments} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="lg">
          {/* A reviewer came to decide: the review comes first for them; the author works from the analysis down. */}
          {piece.can.decide ? <PieceReviewPanel piece={piece} dirty={dirty} /> : null}
          {/* Out in the world, what sales made of it comes first. */}
          {piece.status === 'published' || piece.status === 'archived' ? <PieceCitedBy pieceId={piece.id} citedBy={piece.citedBySales} published /> : null}
          <AnalysisPanel analysis={analysis} live={showLive} analysing={analysing} published={piece.status === 'published' || piece.status === 'archived'} />
          <PiecePublishCard piece={piece} dirty={dirty} />
          {piece.can.decide ? null : <PieceReviewPanel piece={piece} dirty={dirty} />}
          {piece.status === 'published' || piece.status === 'archived' ? null : <PieceCitedBy pieceId={piece.id} citedBy={piece.citedBySales} published={false} />}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
