import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { usePageTitle } from './page-title.js';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Stack align="center" ta="center" py={80} gap="sm">
      <Text fz={56} fw={800} c="dimmed" lh={1} aria-hidden>
        404
      </Text>
      <Title order={1} fz={24}>
        This page does not exist
      </Title>
      <Text c="dimmed">The link may be old, or the page may have moved.</Text>
      <Button component={Link} to="/" mt="md">
        Back to the dashboard
      </Button>
    </Stack>
  );
}
