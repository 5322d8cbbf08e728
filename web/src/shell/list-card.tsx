import { Card, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { PagedList } from '../api/pages.js';
import { LoadMore } from './load-more.js';
import { MutationError } from './mutation-error.js';

interface ListCardProps<T> {
  list: PagedList<T>;
  /** Height of the loading skeleton, close to the list's own. */
  skeletonHeight?: number;
  emptyTitle: string;
  emptyText: ReactNode;
  /** The list itself (the pages loaded so far), once there is at least one item. */
  children: (items: T[]) => ReactNode;
}

/** A card holding a paged list from the API: why it failed, a skeleton while it loads, an empty state, or the list and "Load more". */
export function ListCard<T>({ list, skeletonHeight = 160, emptyTitle, emptyText, children }: ListCardProps<T>) {
  return (
    <>
      <MutationError of={list} />
      <Card p={0}>
        {list.isPending ? (
          list.isError ? null : <Skeleton h={skeletonHeight} />
        ) : list.items.length === 0 ? (
          <Stack align="center" gap={4} p="xl">
            <Text fw={500}>{emptyTitle}</Text>
            <Text size="sm" c="dimmed">
              {emptyText}
            </Text>
          </Stack>
        ) : (
          <>
            {children(list.items)}
            <LoadMore list={list} />
          </>
        )}
      </Card>
    </>
  );
}
