import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconStairsUp } from '@tabler/icons-react';

export function Logo({ size = 'md', compactOnMobile = false }: { size?: 'md' | 'lg'; compactOnMobile?: boolean }) {
  const big = size === 'lg';
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={big ? 40 : 30} radius="md" variant="gradient" gradient={{ from: 'indigo', to: 'cyan', deg: 135 }} aria-hidden>
        <IconStairsUp size={big ? 24 : 18} stroke={2} />
      </ThemeIcon>
      <Text fw={750} fz={big ? 26 : 19} lh={1} style={{ letterSpacing: '-0.02em' }} visibleFrom={compactOnMobile ? 'sm' : undefined}>
        Lockstep
      </Text>
    </Group>
  );
}
