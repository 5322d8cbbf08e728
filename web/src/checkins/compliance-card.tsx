// SPEC S2 compliance: the share of the last 12 scheduled check-ins held with quorum, the streak, and what was missed.
import { Anchor, Box, Card, Group, RingProgress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { meetingDayShort, percent, STATE_LABEL } from './format.js';
import type { ComplianceView, MeetingState, MeetingSummaryView } from './types.js';

const SQUARE: Record<MeetingState, string> = {
  held: 'var(--mantine-color-teal-6)',
  missed: 'var(--mantine-color-red-6)',
  ended: 'var(--mantine-color-yellow-5)',
  in_progress: 'var(--mantine-color-cyan-5)',
  upcoming: 'var(--mantine-color-gray-3)',
  cancelled: 'var(--mantine-color-gray-4)',
};

const shareColor = (share: number | null) => (share === null ? 'gray' : share >= 0.9 ? 'teal' : share >= 0.75 ? 'yellow' : 'red');

export function ComplianceCard({ compliance, meetings, timeZone }: { compliance: ComplianceView; meetings: MeetingSummaryView[]; timeZone: string }) {
  const past = meetings.filter((m) => m.state !== 'upcoming').slice(-12);
  const color = shareColor(compliance.share);
  return (
    <Card>
      <Title order={2} fz="lg" mb="sm">
        Compliance
      </Title>
      {compliance.counted === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {compliance.summary} The share of the last {compliance.window} check-ins held with quorum shows here once the first one has
          taken place.
        </Text>
      ) : (
        <CompliancePanel compliance={compliance} past={past} color={color} timeZone={timeZone} />
      )}
    </Card>
  );
}

function CompliancePanel({ compliance, past, color, timeZone }: { compliance: ComplianceView; past: MeetingSummaryView[]; color: string; timeZone: string }) {
  return (
    <>
      <Group gap="lg" wrap="nowrap" align="center">
        <RingProgress
          size={112}
          thickness={11}
          roundCaps
          sections={[{ value: (compliance.share ?? 0) * 100, color }]}
          label={
            <Text ta="center" fz={24} fw={750} lh={1}>
              {percent(compliance.share)}
            </Text>
          }
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600}>
            {compliance.held} of {compliance.counted} held with quorum
          </Text>
          <Text size="sm" c="dimmed">
            The last {compliance.window} scheduled check-ins.
          </Text>
        </Stack>
      </Group>
      <SimpleGrid cols={2} mt="md" spacing="sm">
        <Stat label="Streak" value={compliance.streak === 1 ? '1 in a row' : `${compliance.streak} in a row`} />
        <Stat label="Weighted" value={percent(compliance.weighted)} hint="Recent weeks count more" />
      </SimpleGrid>
      {past.length > 0 ? (
        <Box mt="md">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={6}>
            Last {past.length} check-ins
          </Text>
          <Group gap={5} wrap="nowrap" role="list" aria-label="Last check-ins, oldest first">
            {past.map((m) => {
              const label = `${meetingDayShort(m.start, timeZone)}: ${STATE_LABEL[m.state]}`;
              return (
                <Box key={m.id} role="listitem" style={{ flex: '1 1 0', maxWidth: 26 }}>
                  <Tooltip label={label} withArrow>
                    <Box component={Link} to={`/checkins/meetings/${m.id}`} aria-label={label} style={{ height: 26, borderRadius: 5, background: SQUARE[m.state], display: 'block' }} />
                  </Tooltip>
                </Box>
              );
            })}
          </Group>
          <Group gap="md" mt={6}>
            <Legend color={SQUARE.held} label="Held" />
            <Legend color={SQUARE.missed} label="Missed" />
            {past.some((m) => m.state === 'ended' || m.state === 'in_progress') ? <Legend color={SQUARE.ended} label="Not marked yet" /> : null}
          </Group>
        </Box>
      ) : null}
      <Text size="sm" mt="md">
        {compliance.summary}
      </Text>
      {compliance.missed.length > 0 ? (
        <Box mt="sm">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
            Missed
          </Text>
          <Stack gap={2}>
            {compliance.missed.map((m) => (
              <Anchor key={m.id} component={Link} to={`/checkins/meetings/${m.id}`} size="sm">
                {meetingDayShort(m.start, timeZone)}
              </Anchor>
            ))}
          </Stack>
        </Box>
      ) : null}
    </>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Box p="xs" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg">
        {value}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Box>
  );
}

function Legend({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box w={10} h={10} style={{ background: color, borderRadius: 2 }} aria-hidden />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}
