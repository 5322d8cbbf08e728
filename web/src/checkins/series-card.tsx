// The weekly check-in's schedule, place, attendees (by team) and quorum rule; leaders change it here.
import { Avatar, Button, Card, Group, Modal, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMapPin, IconPencil, IconRepeat, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { initials } from '../shell/format.js';
import { TEAM_COLOR, TEAM_LABEL, TEAMS } from '../theme.js';
import { scheduleText } from './format.js';
import { useCheckinPermissions } from './permissions.js';
import { SeriesForm } from './series-form.js';
import type { SeriesView } from './types.js';

export function SeriesCard({ series }: { series: SeriesView }) {
  const { canManageSeries } = useCheckinPermissions();
  const [editing, edit] = useDisclosure(false);
  return (
    <Card>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Title order={2} fz="lg">
          The series
        </Title>
        {canManageSeries ? (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={edit.open}>
            Edit
          </Button>
        ) : null}
      </Group>
      <Stack gap="sm">
        <Text fw={600}>{series.title}</Text>
        <Row icon={<IconRepeat size={16} />} label="Schedule">
          {scheduleText(series)}
        </Row>
        <Row icon={<IconMapPin size={16} />} label="Location">
          {series.location || 'No location set'}
        </Row>
        <Row icon={<IconUsersGroup size={16} />} label="Quorum">
          {series.quorumText}
        </Row>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" mt={4}>
          Required attendees ({series.attendees.length})
        </Text>
        {TEAMS.map((team) => {
          const people = series.attendees.filter((a) => a.team === team);
          if (people.length === 0) return null;
          return (
            <Group key={team} gap="sm" wrap="nowrap" align="center">
              <Avatar.Group spacing={6} aria-hidden>
                {people.slice(0, 4).map((p) => (
                  <Avatar key={p.memberId} size={30} radius="xl" color={TEAM_COLOR[team]}>
                    {initials(p.name)}
                  </Avatar>
                ))}
              </Avatar.Group>
              <div style={{ minWidth: 0 }}>
                <Text size="xs" fw={700} c={`var(--mantine-color-${TEAM_COLOR[team]}-light-color)`}>
                  {TEAM_LABEL[team]}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {people.map((p) => p.name).join(', ')}
                </Text>
              </div>
            </Group>
          );
        })}
      </Stack>
      {canManageSeries ? (
        <Modal opened={editing} onClose={edit.close} title="Edit the weekly check-in" size="lg">
          <EditSeries series={series} onDone={edit.close} />
        </Modal>
      ) : null}
    </Card>
  );
}

function EditSeries({ series, onDone }: { series: SeriesView; onDone: () => void }) {
  return <SeriesForm series={series} onDone={onDone} onCancel={onDone} />;
}

function Row({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" color="gray" size={26} radius="md" aria-hidden>
        {icon}
      </ThemeIcon>
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm">{children}</Text>
      </div>
    </Group>
  );
}
