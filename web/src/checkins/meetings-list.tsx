// The series' meetings: the next few, and the last twelve with how each went (and twelve more on "Load more").
import { Anchor, Card, Group as MantineGroup, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { PagedList } from '../api/pages.js';
import { DownloadCsvButton } from '../shell/download-csv-button.js';
import { LoadMore } from '../shell/load-more.js';
import { meetingDayShort, meetingTimeRange } from './format.js';
import { StateBadge } from './state-badge.js';
import type { MeetingSummaryView, SeriesView } from './types.js';

export function MeetingsList({ series, upcoming, past }: { series: SeriesView; upcoming: MeetingSummaryView[]; past: PagedList<MeetingSummaryView> }) {
  return (
    <Card>
      <MantineGroup justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="lg">
          Meetings
        </Title>
        <DownloadCsvButton path="/checkins/meetings.csv" what="every meeting, upcoming and past" />
      </MantineGroup>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Date</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th ta="right">Present</Table.Th>
              <Table.Th ta="right">Action items</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Group label="Upcoming" count={upcoming.length} />
            {upcoming.map((m) => (
              <Row key={m.id} m={m} series={series} />
            ))}
            <Group label="Recent" count={past.items.length} />
            {past.items.map((m) => (
              <Row key={m.id} m={m} series={series} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore list={past} />
    </Card>
  );
}

function Group({ label, count }: { label: string; count: number }) {
  return (
    <Table.Tr>
      <Table.Th colSpan={5} scope="colgroup" bg="var(--mantine-color-default-hover)">
        <Text size="xs" tt="uppercase" fw={700}>
          {label} {count === 0 ? '— none' : ''}
        </Text>
      </Table.Th>
    </Table.Tr>
  );
}

function Row({ m, series }: { m: MeetingSummaryView; series: SeriesView }) {
  const tz = series.timeZone;
  const done = m.state !== 'upcoming';
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/checkins/meetings/${m.id}`} size="sm" fw={600} underline="hover">
          {meetingDayShort(m.start, tz)}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {meetingTimeRange(m.start, m.end, tz)}
        </Text>
      </Table.Td>
      <Table.Td>
        <StateBadge state={m.state} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{done ? `${m.attended} of ${series.attendees.length}` : '—'}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm">{done || m.actionItems > 0 ? m.actionItems : '—'}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
