// The reflections written this quarter, newest first (SPEC S4): what surprised the guest, a misconception they had,
// one idea to take back and the day's rating. From one, a click makes it a pain candidate in messaging or adds it to
// the next check-in's agenda (check-ins' own POST /checkins/meetings/:id/agenda-items).
import { Button, Card, Group, Paper, Rating, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { IconListCheck, IconMessageReport } from '@tabler/icons-react';
import { useState } from 'react';
import { api } from '../api/client.js';
import { useUpcomingMeetings, checkinKeys } from '../checkins/queries.js';
import { usePainPermissions } from '../messaging/pain-permissions.js';
import { formatDate, formatLocalDate } from '../shell/format.js';
import { MutationError } from '../shell/mutation-error.js';
import { usePermissions, useSession } from '../shell/session.js';
import { meetingDayShort } from '../checkins/format.js';
import { PainCandidateModal } from './pain-candidate-modal.js';
import type { PairView, ProgramView, ReflectionView } from './types.js';

type Reflected = PairView & { reflection: ReflectionView };

/** The agenda item a reflection makes: who spent the day with whom, and the idea they brought back. */
function agendaItem(p: Reflected): { title: string; note: string } {
  const title = `Shadow day: ${p.guest.name} with ${p.host.name}`.slice(0, 200);
  const note = [`Idea to take back: ${p.reflection.idea}`, `What surprised: ${p.reflection.surprised}`, `Misconception: ${p.reflection.misconception}`].join('\n').slice(0, 2000);
  return { title, note };
}

export function ReflectionsCard({ program }: { program: ProgramView }) {
  const { workspace } = useSession();
  const { canContribute } = usePermissions();
  const { canEditPains } = usePainPermissions();
  const qc = useQueryClient();
  const reflected = program.pairs.filter((p): p is Reflected => p.reflection !== null).sort((a, b) => b.reflection.writtenAt.localeCompare(a.reflection.writtenAt));
  const upcoming = useUpcomingMeetings(canContribute && reflected.length > 0);
  const next = upcoming.data?.items.find((m) => m.state === 'upcoming') ?? null;
  const [painFrom, setPainFrom] = useState<Reflected | null>(null);
  const [added, setAdded] = useState<string[]>([]);
  const addToAgenda = useMutation({
    mutationFn: ({ meetingId, pair }: { meetingId: string; pair: Reflected }) => api.post(`/checkins/meetings/${encodeURIComponent(meetingId)}/agenda-items`, agendaItem(pair)),
    onSuccess: (_data, { meetingId, pair }) => {
      setAdded((a) => [...a, pair.id]);
      void qc.invalidateQueries({ queryKey: checkinKeys.meeting(meetingId) });
      notifications.show({ color: 'teal', message: `On the agenda of the check-in on ${next ? meetingDayShort(next.start, workspace.timeZone) : 'its day'}.` });
    },
  });

  return (
    <Card component="section" aria-labelledby="reflections-heading">
      <Title order={2} fz="lg" id="reflections-heading">
        Reflections
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {reflected.length === 0 ? 'None yet: each guest writes one after their day.' : `${reflected.length} written. Each goes to the next check-in’s agenda by itself.`}
      </Text>
      <MutationError of={addToAgenda} />
      <Stack gap="sm">
        {reflected.map((p) => (
          <Paper key={p.id} withBorder radius="md" p="sm" role="article" aria-label={`${p.guest.name}’s reflection`}>
            <Group justify="space-between" gap="xs" mb={6}>
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                {p.guest.name} with {p.host.name}
              </Text>
              <Group gap={6} wrap="nowrap">
                <span role="img" aria-label={`Rated ${p.reflection.rating} of 5`}>
                  <Rating value={p.reflection.rating} readOnly size="sm" aria-hidden />
                </span>
                <Text size="xs" c="dimmed">
                  {p.date ? formatLocalDate(p.date) : formatDate(p.reflection.writtenAt)}
                </Text>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {(
                [
                  ['What surprised', p.reflection.surprised],
                  ['Misconception', p.reflection.misconception],
                  ['Idea to take back', p.reflection.idea],
                ] as const
              ).map(([label, text]) => (
                <Stack key={label} gap={2}>
                  <Text size="xs" tt="uppercase" fw={700} c="dimmed">
                    {label}
                  </Text>
                  <Text size="sm" className="user-text">
                    {text}
                  </Text>
                </Stack>
              ))}
            </SimpleGrid>
            {canContribute ? (
              <Group gap="xs" mt="sm">
                {canEditPains ? (
                  <Button size="xs" variant="light" leftSection={<IconMessageReport size={14} aria-hidden />} onClick={() => setPainFrom(p)}>
                    Make it a pain candidate
                  </Button>
                ) : null}
                <Tooltip label="No check-in is scheduled: set up the weekly check-in first." disabled={Boolean(next) || upcoming.isPending} withArrow>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconListCheck size={14} aria-hidden />}
                    disabled={!next || added.includes(p.id)}
                    loading={addToAgenda.isPending && addToAgenda.variables.pair.id === p.id}
                    onClick={() => next && addToAgenda.mutate({ meetingId: next.id, pair: p })}
                  >
                    {added.includes(p.id) ? 'On the agenda' : 'Add to the check-in agenda'}
                  </Button>
                </Tooltip>
              </Group>
            ) : null}
          </Paper>
        ))}
      </Stack>
      <PainCandidateModal pair={painFrom} onClose={() => setPainFrom(null)} />
    </Card>
  );
}
