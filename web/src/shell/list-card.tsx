import { Alert, Card, Skeleton, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client.js';

interface ListCardProps<T> {
  query: UseQueryResult<T[]>;
  /** Height of the loading skeleton, close to the list's own. */
  skeletonHeight?: number;
  emptyTitle: string;
  emptyText: ReactNode;
  /** The list itself, once there is at least one item. */
  children: (items: T[]) => ReactNode;
}

/** A card holding a list from the API: why it failed, a skeleton while it loads, an empty state, or the list. */
export function ListCard<T>({ query, skeletonHeight = 160, emptyTitle, emptyText, children }: ListCardProps<T>) {
  return (
    <>
      {query.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(query.error)}
        </Alert>
      ) : null}
      <Card p={0}>
        {!query.data ? (
          query.isError ? null : <Skeleton h={skeletonHeight} />
        ) : query.data.length === 0 ? (
          <Stack align="center" gap={4} p="xl">
            <Text fw={500}>{emptyTitle}</Text>
            <Text size="sm" c="dimmed">
              {emptyText}
            </Text>
          </Stack>
        ) : (
          children(query.data)
        )}
      </Card>
    </>
  );
}
