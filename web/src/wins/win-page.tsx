// One win (issue 13): its story, who is credited and from which team, where it came from, reactions, whether it was
// celebrated together (and marking it so), and the kudos people left. The poster or an admin edits or deletes it.
import { Anchor, Avatar, Button, Card, Grid, Group, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconConfetti, IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { errorMessage, fieldError } from '../api/client.js';
import { QueryError } from '../goals/goal-badges.js';
import { ConfirmModal } from '../shell/confirm-modal.js';
import { formatDate, formatLocalDate, formatRelative, initials } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { PageHeader } from '../shell/page-header.js';
import { usePermissions } from '../shell/session.js';
import { TEAM_COLOR } from '../theme.js';
import { KIND_LABEL, PERSON_TEAM_LABEL, WIN_LIMITS } from './format.js';
import { useAddComment, useCelebrated, useDeleteComment, useDeleteWin, useWin } from './queries.js';
import { Reactions } from './reactions.js';
import type { WinCommentView, WinDetailView } from './types.js';
import { CelebratedBadge, collaborativeClass, CreditedPeople, KindBadge, TeamsBadge } from './win-badges.js';
import { WinFormModal } from './win-form-modal.js';

export function WinPage() {
  const { id = '' } = useParams();
  const win = useWin(id);
  const w = win.data;
  const navigate = useNavigate();
  const [editing, editModal] = useDisclosure(false);
  const [deleting, deleteModal] = useDisclosure(false);
  const remove = useDeleteWin();
  // "Give kudos" in the feed links to #kudos: once the win is drawn, its kudos are brought into view.
  const { hash } = useLocation();
  const loaded = Boolean(w);
  useEffect(() => {
    if (loaded && hash === '#kudos') document.getElementById('kudos')?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  return (
    <>
      <Anchor component={Link} to="/wins" size="sm" underline="hover" mb="xs" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> All wins
      </Anchor>
      <PageHeader
        title={w ? w.title : 'Win'}
        description={w ? `${KIND_LABEL[w.kind]} · ${formatLocalDate(w.wonOn, { weekday: true })}${w.postedBy ? ` · posted by ${w.postedBy.name}` : ''}` : win.isError ? 'This win could not be shown.' : 'Loading…'}
        actions={
          w?.canEdit ? (
            <Group gap="xs">
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={editModal.open}>
                Edit
              </Button>
              <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={deleteModal.open}>
                Delete
              </Button>
            </Group>
          ) : null
        }
      />
      {win.isError ? <QueryError error={win.error} title="Could not load the win" /> : null}
      {!w ? (
        win.isError ? null : <Skeleton h={360} radius="md" />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            <Stack gap="lg">
              <WinStory win={w} />
              <Kudos win={w} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
            <CelebratedCard win={w} />
          </Grid.Col>
        </Grid>
      )}
      {w?.canEdit ? (
        <>
          <WinFormModal opened={editing} onClose={editModal.close} win={w} />
          <ConfirmModal
            opened={deleting}
            title="Delete this win?"
            confirmLabel="Delete win"
            error={remove.error}
            pending={remove.isPending}
            onCancel={() => {
              remove.reset();
              deleteModal.close();
            }}
            onConfirm={() =>
              remove.mutate(w.id, {
                onSuccess: () => {
                  notifications.show({ color: 'gray', message: 'The win is deleted.' });
                  void navigate('/wins');
                },
              })
            }
          >
            “{w.title}” leaves the feed with its reactions and kudos. Check-in agendas that already showed it keep their record.
          </ConfirmModal>
        </>
      ) : null}
    </>
  );
}

function WinStory({ win }: { win: WinDetailView }) {
  return (
    <Card className={collaborativeClass(win.collaborative)} component="section" aria-label="The win">
      <Stack gap="sm">
        <Group gap={6} wrap="wrap">
          <TeamsBadge win={win} size="md" />
          <KindBadge kind={win.kind} />
          {win.celebrated ? <CelebratedBadge celebrated={win.celebrated} /> : null}
        </Group>
        {win.story ? (
          <Text size="sm" className="user-text" style={{ whiteSpace: 'pre-wrap' }}>
            {win.story}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            No story written{win.canEdit ? ' — edit the win to tell how it happened.' : '.'}
          </Text>
        )}
        <div>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>
            Credited
          </Text>
          <CreditedPeople people={win.credited} />
        </div>
        {win.source ? (
          <Text size="sm" c="dimmed" className="user-text">
            Proposed by Lockstep from{' '}
            {win.source.href ? (
              <Anchor component={Link} to={win.source.href} inherit>
                {win.source.label}
              </Anchor>
            ) : (
              win.source.label
            )}
            {win.postedBy ? ` and confirmed by ${win.postedBy.name}` : ''}.
          </Text>
        ) : null}
        <Reactions win={win} size="sm" />
      </Stack>
    </Card>
  );
}

/** Celebrated together: when, where and by whom, and marking it (or taking the mark back). */
function CelebratedCard({ win }: { win: WinDetailView }) {
  const { canContribute } = usePermissions();
  const celebrated = useCelebrated();
  const c = win.celebrated;
  const toggle = (on: boolean) =>
    celebrated.mutate({ winId: win.id, on }, { onError: (err) => notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(err) }) });
  return (
    <Card component="section" aria-labelledby="celebrated-heading">
      <Group gap="xs" mb="xs" wrap="nowrap">
        <IconConfetti size={20} aria-hidden color="var(--mantine-color-yellow-7)" />
        <Title order={2} fz="md" id="celebrated-heading">
          Celebrated together
        </Title>
      </Group>
      {c ? (
        <Text size="sm">
          Yes — {c.meetingTitle && c.meetingId ? (
            <>
              in{' '}
              <Anchor component={Link} to={`/checkins/meetings/${c.meetingId}`} inherit>
                {c.meetingTitle}
              </Anchor>
              ,{' '}
            </>
          ) : null}
          {formatDate(c.at)}
          {c.by ? `, marked by ${c.by.name}` : ''}.
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          Not yet. The next check-in opens with the wins since the last one; mark it there, or here once the teams have celebrated it.
        </Text>
      )}
      {canContribute ? (
        <Group mt="sm">
          <Button size="xs" variant={c ? 'default' : 'light'} color={c ? 'gray' : 'yellow'} leftSection={c ? null : <IconConfetti size={14} aria-hidden />} loading={celebrated.isPending} onClick={() => toggle(!c)}>
            {c ? 'Take back the mark' : 'Mark celebrated together'}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function Kudos({ win }: { win: WinDetailView }) {
  const { canContribute } = usePermissions();
  return (
    <Card component="section" aria-labelledby="kudos-heading" id="kudos">
      <Title order={2} fz="lg" id="kudos-heading" mb="sm">
        Kudos{win.comments.length > 0 ? ` (${win.comments.length.toLocaleString()})` : ''}
      </Title>
      <Stack gap="md">
        {win.comments.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            {canContribute ? 'No kudos yet — be the first to say thanks.' : 'No kudos yet.'}
          </Text>
        ) : (
          win.comments.map((c) => <CommentRow key={c.id} winId={win.id} comment={c} />)
        )}
        {canContribute ? <AddKudos winId={win.id} /> : null}
      </Stack>
    </Card>
  );
}

function CommentRow({ winId, comment: c }: { winId: string; comment: WinCommentView }) {
  const remove = useDeleteComment(winId);
  return (
    <Group gap="sm" align="flex-start" wrap="nowrap">
      <Avatar size={32} radius="xl" color={c.author ? TEAM_COLOR[c.author.team] : 'gray'} aria-hidden>
        {initials(c.author?.name ?? '?')}
      </Avatar>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {c.author?.name ?? 'A former member'}
          </Text>
          {c.author ? (
            <Text size="xs" c="dimmed">
              {PERSON_TEAM_LABEL[c.author.team]} · {formatRelative(c.createdAt)}
            </Text>
          ) : (
            <Text size="xs" c="dimmed">
              {formatRelative(c.createdAt)}
            </Text>
          )}
        </Group>
        <Text size="sm" className="user-text" style={{ whiteSpace: 'pre-wrap' }}>
          {c.body}
        </Text>
      </Stack>
      {c.canDelete ? (
        <Button
          size="compact-xs"
          variant="subtle"
          color="gray"
          loading={remove.isPending}
          onClick={() => remove.mutate(c.id, { onError: (err) => notifications.show({ color: 'red', title: 'The kudos was not deleted', message: errorMessage(err) }) })}
          aria-label={`Delete kudos from ${c.author?.name ?? 'a former member'}`}
        >
          Delete
        </Button>
      ) : null}
    </Group>
  );
}

function AddKudos({ winId }: { winId: string }) {
  const [body, setBody] = useState('');
  const add = useAddComment(winId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        <Textarea
          label="Add kudos"
          placeholder="Say what made the difference"
          autosize
          minRows={2}
          maxRows={8}
          maxLength={WIN_LIMITS.comment}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={fieldError(add.error, 'body')}
          description={body.length > WIN_LIMITS.comment * 0.8 ? `${body.length.toLocaleString()} of ${WIN_LIMITS.comment.toLocaleString()} characters` : undefined}
        />
        {fieldError(add.error, 'body') ? null : <MutationError of={add} />}
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending} disabled={!body.trim()}>
            Post kudos
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
