// One strategy's line on the score card: its name and weight, its score with the band in words (or, when it has none,
// why not — never a 0), the server's one-sentence summary, its reasons on demand, and the room where to act on it.
import { Anchor, Badge, Box, Button, Collapse, Group, Progress, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowRight, IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatPointsLost, notScoredLabel, roomName, scoreBand } from './format.js';
import type { StrategyView } from './types.js';

export function StrategyRow({ strategy, share }: { strategy: StrategyView; share: number }) {
  const [open, { toggle }] = useDisclosure(false);
  const band = scoreBand(strategy.score);
  const reasonsId = `reasons-${strategy.strategy}`;
  const lost = strategy.reasons.reduce((sum, r) => sum + r.pointsLost, 0);
  const scored = strategy.score !== null;
  return (
    <Box component="li" py="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={650} size="md" component="h3" m={0}>
            {strategy.label}
          </Text>
          <Text size="xs" c="dimmed">
            {!scored ? `Weight ${strategy.weight}: counts once scored` : strategy.weight === 0 ? 'Weight 0: not counted' : `${share}% of the score`}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" align="center">
          {scored ? (
            <>
              <Badge variant="light" color={band.color} radius="sm">
                {band.label}
              </Badge>
              <Text fw={700} fz={22} lh={1} w={40} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {strategy.score}
              </Text>
            </>
          ) : (
            <Badge variant="outline" color="gray" radius="sm">
              {notScoredLabel(strategy.status)}
            </Badge>
          )}
        </Group>
      </Group>
      {scored ? (
        <Box aria-hidden mt={6}>
          <Progress value={strategy.score ?? 0} color={band.color} size="sm" radius="xl" />
        </Box>
      ) : null}
      <Text size="sm" mt={6}>
        {strategy.summary}
      </Text>
      <Group gap="md" mt={4} wrap="wrap">
        {strategy.reasons.length > 0 ? (
          <Button
            variant="subtle"
            size="compact-sm"
            px={4}
            onClick={toggle}
            aria-expanded={open}
            aria-controls={reasonsId}
            leftSection={open ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
          >
            {lost >= 0.05 ? `Why: ${formatPointsLost(lost)} lost` : 'Why'}
          </Button>
        ) : null}
        <Anchor component={Link} to={strategy.href} size="sm" underline="hover">
          <Group gap={4} wrap="nowrap" component="span">
            Open {roomName(strategy.href) || strategy.label}
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Group>
      {strategy.reasons.length > 0 ? (
        <Collapse expanded={open} id={reasonsId}>
          <Stack component="ul" gap={6} mt={6} pl="md" style={{ margin: 0 }}>
            {strategy.reasons.map((r) => {
              // A signal may name a more precise place than the room (the expectation gap, the quiz): link it there.
              const href = strategy.signals.find((x) => x.key === r.key)?.href ?? null;
              return (
                <Text component="li" key={r.key} size="sm">
                  {r.text}
                  {r.pointsLost >= 0.05 ? (
                    <Text component="span" size="xs" c="dimmed">
                      {` (−${formatPointsLost(r.pointsLost)})`}
                    </Text>
                  ) : null}
                  {href && href !== strategy.href ? (
                    <>
                      {' '}
                      <Anchor component={Link} to={href} size="xs" underline="always">
                        Act on this
                      </Anchor>
                    </>
                  ) : null}
                </Text>
              );
            })}
          </Stack>
        </Collapse>
      ) : null}
    </Box>
  );
}
