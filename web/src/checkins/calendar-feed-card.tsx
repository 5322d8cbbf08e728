// SPEC S2: every member's private iCalendar feed, for Google Calendar, Outlook and Apple Calendar to subscribe to.
// The server keeps only a hash of the secret, so the URL is shown once, when made; regenerating replaces it.
import { Alert, Button, Card, Group, List, Popover, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '../api/client.js';
import { CopyField } from '../shell/copy-field.js';
import { formatRelative } from '../shell/format.js';
import { useCreateFeed, useFeed, useRevokeFeed } from './queries.js';

export function CalendarFeedCard({ onCalendar }: { onCalendar: boolean }) {
  const feed = useFeed();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const active = feed.data?.active ?? false;

  const make = () =>
    create.mutate(undefined, {
      onSuccess: (view) => setUrl(view.url),
      onError: (err) => notifications.show({ color: 'red', title: 'No calendar URL was made', message: errorMessage(err) }),
    });
  const stop = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setUrl(null);
        setConfirming(false);
        notifications.show({ color: 'teal', message: 'Your calendar URL was revoked; calendars subscribed to it stop updating.' });
      },
      onError: (err) => notifications.show({ color: 'red', title: 'The calendar URL was not revoked', message: errorMessage(err) }),
    });

  return (
    <Card>
      <Title order={2} fz="lg" mb={4}>
        Calendar feed
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        A private iCalendar URL that keeps the check-ins (and your shadow days) on your own calendar, and follows every change.
        {onCalendar ? '' : ' You are not a required attendee, so the check-in itself will not be on it.'}
      </Text>
      {feed.isError ? (
        <Alert color="red" role="alert" mb="sm">
          {errorMessage(feed.error)}
        </Alert>
      ) : null}
      {url ? (
        <Stack gap="sm" mb="md">
          <CopyField label="Your calendar URL" value={url} testId="calendar-feed-url" description="Shown only now. Keep it private: anyone with it sees your check-ins." />
          <Tabs defaultValue="google" variant="outline">
            <Tabs.List>
              <Tabs.Tab value="google">Google</Tabs.Tab>
              <Tabs.Tab value="outlook">Outlook</Tabs.Tab>
              <Tabs.Tab value="apple">Apple</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="google" pt="xs">
              <List type="ordered" size="sm" spacing={2}>
                <List.Item>Open Google Calendar (calendar.google.com).</List.Item>
                <List.Item>Next to “Other calendars”, click + and choose “From URL”.</List.Item>
                <List.Item>Paste the URL and click “Add calendar”.</List.Item>
              </List>
            </Tabs.Panel>
            <Tabs.Panel value="outlook" pt="xs">
              <List type="ordered" size="sm" spacing={2}>
                <List.Item>In Outlook, open the calendar and choose “Add calendar”.</List.Item>
                <List.Item>Choose “Subscribe from web”.</List.Item>
                <List.Item>Paste the URL, name it “Lockstep” and click “Import”.</List.Item>
              </List>
            </Tabs.Panel>
            <Tabs.Panel value="apple" pt="xs">
              <List type="ordered" size="sm" spacing={2}>
                <List.Item>In Calendar on the Mac, choose File → “New Calendar Subscription…”.</List.Item>
                <List.Item>Paste the URL and click “Subscribe”.</List.Item>
                <List.Item>Set “Auto-refresh” to every hour.</List.Item>
              </List>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : active && feed.data ? (
        <Text size="sm" mb="md">
          Your feed is active
          {feed.data.createdAt ? ` since ${formatRelative(feed.data.createdAt)}` : ''}
          {feed.data.lastFetchedAt ? `; a calendar last fetched it ${formatRelative(feed.data.lastFetchedAt)}` : '; no calendar has fetched it yet'}. The URL was shown when
          it was made; regenerate it if you need it again.
        </Text>
      ) : null}
      <Group gap="sm">
        {!active ? (
          <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={make} loading={create.isPending} disabled={feed.isPending}>
            Get my calendar URL
          </Button>
        ) : (
          <>
            <Button variant="light" leftSection={<IconRefresh size={16} aria-hidden />} onClick={make} loading={create.isPending}>
              Regenerate URL
            </Button>
            <Popover opened={confirming} onChange={setConfirming} withArrow position="bottom" trapFocus>
              <Popover.Target>
                <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirming((o) => !o)}>
                  Revoke
                </Button>
              </Popover.Target>
              <Popover.Dropdown maw={280}>
                <Text size="sm" mb="sm">
                  Calendars subscribed to this URL stop getting your check-ins. Revoke it?
                </Text>
                <Group gap="xs" justify="flex-end">
                  <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                    Keep it
                  </Button>
                  <Button size="xs" color="red" onClick={stop} loading={revoke.isPending}>
                    Revoke URL
                  </Button>
                </Group>
              </Popover.Dropdown>
            </Popover>
          </>
        )}
      </Group>
      {active && url ? (
        <Text size="xs" c="dimmed" mt="sm">
          Regenerating makes a new URL; the old one stops working at once.
        </Text>
      ) : null}
    </Card>
  );
}
