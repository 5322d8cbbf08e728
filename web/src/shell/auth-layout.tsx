import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Logo } from './logo.js';
import { usePageTitle } from './page-title.js';

/** The signed-out pages: one centered card under the product name. */
export function AuthLayout({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  usePageTitle(title.replace(/ to Lockstep$| on Lockstep$/, ''));
  return (
    <Box
      component="main"
      mih="100vh"
      py={48}
      px="md"
      style={{ background: 'light-dark(var(--mantine-color-gray-0), var(--mantine-color-dark-8))' }}
    >
      <Center>
        <Stack w="100%" maw={440} gap="lg">
          <Center>
            <Logo size="lg" />
          </Center>
          <Paper withBorder shadow="sm" p={32} radius="lg">
            <Stack gap={4} mb="lg">
              <Title order={1} fz={22}>
                {title}
              </Title>
              {subtitle ? (
                <Text c="dimmed" size="sm" component="div">
                  {subtitle}
                </Text>
              ) : null}
            </Stack>
            {children}
          </Paper>
          {footer ? (
            <Text ta="center" size="sm" c="dimmed">
              {footer}
            </Text>
          ) : null}
        </Stack>
      </Center>
    </Box>
  );
}
