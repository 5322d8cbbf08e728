// The foot of a paged list: how much of it is shown, and a button for the next page while there is one.
import { Button, Group, Text } from '@mantine/core';
import type { PagedList } from '../api/pages.js';

export function LoadMore({ list, total, noun }: { list: Pick<PagedList<unknown>, 'items' | 'hasMore' | 'loadMore' | 'isLoadingMore'>; total?: number; noun?: string }) {
  if (!list.hasMore && total === undefined) return null;
  const shown = list.items.length;
  return (
    <Group justify="center" gap="sm" p="sm">
      {total !== undefined && noun ? (
        <Text size="xs" c="dimmed">
          {shown === total ? `All ${total.toLocaleString()} ${noun}` : `${shown.toLocaleString()} of ${total.toLocaleString()} ${noun}`}
        </Text>
      ) : null}
      {list.hasMore ? (
        <Button variant="default" size="xs" onClick={list.loadMore} loading={list.isLoadingMore}>
          Load more
        </Button>
      ) : null}
    </Group>
  );
}
