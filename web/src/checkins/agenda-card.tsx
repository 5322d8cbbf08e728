// A meeting's agenda (SPEC S2), in its order: wins first (celebrated), KPIs with off-track ones first, open action items,
// evidence, reflections, alignment to-dos — each only when its room supplies it (the server leaves the others out) —
// then what attendees added (live, so items added during the meeting show).
import { ActionIcon, Anchor, Badge, Box, Button, Card, Collapse, Group, Paper, Stack, Text, Textarea, TextInput, ThemeIcon, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowUpRight, IconAlertTriangle, IconCircleCheck, IconConfetti, IconLock, IconPlus, IconPoint, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api/client.js';
import { formatDateTime, formatRelative } from '../shell/format.js';
import { useCheckinPermissions } from './permissions.js';
import { useAddAgendaItem, useRemoveAgendaItem } from './queries.js';
import type { AgendaItemView, AgendaSection, MeetingView } from './types.js';
import { MutationError } from '../shell/mutation-error.js';
import { CelebrateAction, winIdOf } from '../wins/celebrate-action.js';

type Tone = NonNullable<AgendaItemView['tone']>;

const TONE: Record<Tone, { color: string; icon: ReactNode; label: string | null }> = {
  celebrate: { color: 'yellow', icon: <IconConfetti size={16} />, label: 'Win' },
  good: { color: 'teal', icon: <IconCircleCheck size={16} />, label: null },
  neutral: { color: 'gray', icon: <IconPoint size={16} />, label: null },
  warning: { color: 'orange', icon: <IconAlertCircle size={16} />, label: 'Needs attention' },
  alert: { color: 'red', icon: <IconAlertTriangle size={16} />, label: 'Off track' },
};

const ATTENDEE_ITEMS = 'attendee_items';

export function AgendaCard({ meeting }: { meeting: MeetingView }) {
  const { agenda } = meeting;
  const sections = agenda.sections.filter((s) => s.key !== ATTENDEE_ITEMS).sort((a, b) => a.order - b.order);
  return (
    <Card>
      <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="xs">
        <Title order={2} fz="lg">
          Agenda
        </Title>
        {agenda.frozen ? (
          <Tooltip label="The agenda stays as it was at the start, for the record" withArrow>
            <Badge variant="light" color="gray" leftSection={<IconLock size={12} aria-hidden />} radius="sm">
              Frozen when the meeting started
            </Badge>
          </Tooltip>
        ) : agenda.refreshedAt ? (
          <Tooltip label={`It refreshes until the meeting starts · ${formatDateTime(agenda.refreshedAt)}`} withArrow>
            <Badge variant="light" color="indigo" leftSection={<IconRefresh size={12} aria-hidden />} radius="sm">
              Refreshed {formatRelative(agenda.refreshedAt)}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      <Stack gap="lg">
        {sections.map((s, i) => (
          <SectionBlock key={s.key} section={s} n={i + 1} meetingId={meeting.id} />
        ))}
        <AttendeeItems meeting={meeting} n={sections.length + 1} />
      </Stack>
    </Card>
  );
}

function SectionHeading({ n, title, count }: { n: number; title: string; count?: number }) {
  return (
    <Group gap="xs" mb={6} wrap="nowrap">
      <Text component="span" size="xs" fw={700} c="dimmed" w={18} ta="right" aria-hidden>
        {n}.
      </Text>
      <Title order={3} fz="sm" fw={700}>
        {title}
      </Title>
      {count ? (
        <Badge size="xs" variant="default" radius="sm" aria-label={`${count} items`}>
          {count}
        </Badge>
      ) : null}
    </Group>
  );
}

function SectionBlock({ section, n, meetingId }: { section: AgendaSection; n: number; meetingId: string }) {
  const celebrate = section.key === 'wins' && section.items.length > 0;
  const body = (
    <>
      <SectionHeading n={n} title={section.title} count={section.items.length} />
      {section.error ? (
        <Text size="sm" c="red" pl={26}>
          This section could not be built: {section.error}
        </Text>
      ) : section.items.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic" pl={26}>
          {section.emptyText ?? 'Nothing this week.'}
        </Text>
      ) : (
        <Stack gap={6} pl={26}>
          {section.items.map((item) => (
            <AgendaItemRow key={item.id} item={item} celebrateIn={section.key === 'wins' ? meetingId : null} />
          ))}
        </Stack>
      )}
    </>
  );
  if (!celebrate) return <section>{body}</section>;
  return (
    <Paper
      component="section"
      p="sm"
      style={{
        background: 'linear-gradient(135deg, var(--mantine-color-yellow-light) 0%, var(--mantine-color-grape-light) 100%)',
        border: '1px solid var(--mantine-color-yellow-light-hover)',
      }}
    >
      {body}
    </Paper>
  );
}

/** `celebrateIn`: the meeting a win item can be marked "celebrated together" in (the wins section only). */
function AgendaItemRow({ item, celebrateIn }: { item: AgendaItemView; celebrateIn: string | null }) {
  const tone = TONE[item.tone ?? 'neutral'];
  const winId = celebrateIn ? winIdOf(item) : null;
  const emphasised = item.tone === 'alert' || item.tone === 'warning';
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      py={4}
      px={emphasised ? 'xs' : 0}
      style={emphasised ? { borderLeft: `3px solid var(--mantine-color-${tone.color}-6)`, background: `var(--mantine-color-${tone.color}-light)`, borderRadius: 4 } : undefined}
    >
      <ThemeIcon size={22} radius="xl" variant="light" color={tone.color} aria-hidden mt={1}>
        {tone.icon}
      </ThemeIcon>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Text size="sm" fw={emphasised || item.tone === 'celebrate' ? 600 : 400}>
          {tone.label ? <VisuallyHidden>{`${tone.label}: `}</VisuallyHidden> : null}
          {item.href ? (
            <Anchor component={Link} to={item.href} inherit c="inherit" underline="hover">
              {item.text}
              <IconArrowUpRight size={13} aria-hidden style={{ marginLeft: 2, verticalAlign: 'middle', opacity: 0.7 }} />
            </Anchor>
          ) : (
            item.text
          )}
        </Text>
        {item.detail ? (
          <Text size="xs" c={emphasised ? undefined : 'dimmed'}>
            {item.detail}
          </Text>
        ) : null}
      </div>
      {winId && celebrateIn ? <CelebrateAction winId={winId} meetingId={celebrateIn} title={item.text} /> : null}
    </Group>
  );
}

/** What attendees added, read live from the meeting (the frozen agenda keeps only what was there at the start). */
function AttendeeItems({ meeting, n }: { meeting: MeetingView; n: number }) {
  const perms = useCheckinPermissions();
  const remove = useRemoveAgendaItem(meeting.id);
  const open = meeting.state !== 'held' && meeting.state !== 'cancelled' && meeting.state !== 'missed';
  return (
    <section>
      <SectionHeading n={n} title="Added by attendees" count={meeting.customItems.length} />
      <Stack gap={6} pl={26}>
        {meeting.customItems.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic">
            Nothing added yet{perms.canAddAgendaItem && open ? ' — add what you want to discuss.' : '.'}
          </Text>
        ) : (
          meeting.customItems.map((c) => (
            <Group key={c.id} gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon size={22} radius="xl" variant="light" color="indigo" aria-hidden mt={1}>
                <IconPoint size={16} />
              </ThemeIcon>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Text size="sm" fw={600}>
                  {c.title}
                </Text>
                {c.note ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c.note}
                  </Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  Added by {c.addedByName ?? 'someone'} {formatRelative(c.createdAt)}
                </Text>
              </div>
              {open && perms.canRemoveAgendaItem(c.addedById) ? (
                <Tooltip label="Remove from the agenda" withArrow>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Remove agenda item: ${c.title}`}
                    loading={remove.isPending && remove.variables === c.id}
                    onClick={() => remove.mutate(c.id, { onError: (err) => notifications.show({ color: 'red', title: 'The item was not removed', message: errorMessage(err) }) })}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))
        )}
        {perms.canAddAgendaItem && open ? <AddAgendaItem meetingId={meeting.id} /> : null}
      </Stack>
    </section>
  );
}

function AddAgendaItem({ meetingId }: { meetingId: string }) {
  const [opened, toggle] = useDisclosure(false);
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const add = useAddAgendaItem(meetingId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      { title: title.trim(), note: note.trim() },
      {
        onSuccess: () => {
          setTitle('');
          setNote('');
          toggle.close();
          notifications.show({ color: 'teal', message: 'Added to the agenda.' });
        },
      },
    );
  };
  return (
    <Box mt={4}>
      {!opened ? (
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={toggle.open} style={{ alignSelf: 'flex-start' }}>
          Add agenda item
        </Button>
      ) : null}
      <Collapse expanded={opened}>
        <Paper withBorder p="sm" component="form" onSubmit={submit}>
          <Stack gap="xs">
            <MutationError of={add} />
            <TextInput label="New agenda item" placeholder="What do you want to discuss?" value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={200} data-autofocus />
            <Textarea label="Note (optional)" autosize minRows={2} maxRows={6} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={toggle.close}>
                Cancel
              </Button>
              <Button type="submit" size="xs" loading={add.isPending} disabled={title.trim().length < 2}>
                Add to agenda
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Collapse>
    </Box>
  );
}
