// The pain × piece heat map (issue 12): a row per active pain, heaviest evidence first; a column per piece; each cell
// as dark as the piece's match to the pain, ringed where it covers it. The pain column (wide enough to read a
// statement at 1440, under half a phone's width) stays put while a phone scrolls the pieces sideways.
import { Anchor, Box, Card, Group, SegmentedControl, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import classes from './coverage-heat-map.module.css';
import type { CoverageCell, CoverageMode, CoveragePain, CoverageView } from './coverage-types.js';

/** Match strength 0–100 as shown in a cell (the API's similarity is 0–1). */
export const strength = (similarity: number) => Math.round(similarity * 100);

/** The cell's shade: none for a faint match, light under the cover line, dark from it; text dark or white to keep 4.5:1. */
function shade(similarity: number, coversAt: number): { bg: string; fg: string } | null {
  if (similarity < 0.35) return null;
  if (similarity < 0.55) return { bg: 'var(--mantine-color-grape-1)', fg: 'var(--mantine-color-black)' };
  if (similarity < coversAt) return { bg: 'var(--mantine-color-grape-2)', fg: 'var(--mantine-color-black)' };
  if (similarity < 0.85) return { bg: 'var(--mantine-color-grape-7)', fg: 'var(--mantine-color-white)' };
  return { bg: 'var(--mantine-color-grape-9)', fg: 'var(--mantine-color-white)' };
}

const CELL = 44;

export function CoverageHeatMap({ data, view, onView, loading }: { data: CoverageView; view: CoverageMode; onView: (v: CoverageMode) => void; loading: boolean }) {
  const cells = new Map<string, CoverageCell>(data.cells.map((c) => [`${c.painId}:${c.pieceId}`, c]));
  const coverLine = strength(data.coversAt);
  return (
    <Card component="section" aria-labelledby="heat-map-heading">
      <Group justify="space-between" align="flex-start" mb={4} wrap="wrap" gap="sm">
        <Title order={2} fz="lg" id="heat-map-heading">
          Coverage heat map
        </Title>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => onView(v as CoverageMode)}
          data={[
            { value: 'published', label: `Published (${data.summary.publishedPieces})` },
            { value: 'in_progress', label: `In progress (${data.summary.inProgressPieces})` },
          ]}
          aria-label="Which pieces the columns show"
        />
      </Group>
      <Text size="sm" c="dimmed" mb="sm" maw={760}>
        Each row is a pain, heaviest evidence first; each column a {view === 'published' ? 'published piece' : 'piece being written or reviewed'}. A cell shows how
        strongly the piece matches the pain (0–100); a ringed cell, {coverLine} or more, covers it.
      </Text>
      <Legend coverLine={coverLine} />
      {loading ? (
        <Skeleton h={240} mt="md" radius="md" />
      ) : data.pains.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          There is no active pain yet.{' '}
          <Anchor component={Link} to="/messaging/pains">
            Add the pains buyers describe
          </Anchor>
          .
        </Text>
      ) : data.pieces.length === 0 ? (
        <Text size="sm" c="dimmed" mt="md">
          {view === 'published' ? 'No piece is published yet, so nothing covers a pain.' : 'No piece is being written or reviewed just now.'}{' '}
          <Anchor component={Link} to="/messaging/pieces">
            Open Pieces
          </Anchor>
        </Text>
      ) : (
        <>
          <Table.ScrollContainer minWidth={150 + data.pieces.length * CELL} mt="md" type="native">
            <Table withRowBorders={false} verticalSpacing={3} horizontalSpacing={3} style={{ borderCollapse: 'separate', borderSpacing: 0, width: 'auto' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th className={classes.pain} style={{ verticalAlign: 'bottom' }}>
                    <Text size="xs" c="dimmed" fw={700} tt="uppercase">
                      Pain · evidence weight
                    </Text>
                  </Table.Th>
                  {data.pieces.map((p) => (
                    <Table.Th key={p.id} scope="col" w={CELL} style={{ verticalAlign: 'bottom', padding: '0 3px 6px' }}>
                      <Tooltip label={`${p.title} — covers ${p.painsCovered} ${p.painsCovered === 1 ? 'pain' : 'pains'}`} withinPortal multiline maw={280}>
                        <Anchor
                          component={Link}
                          to={`/messaging/pieces/${p.id}`}
                          size="xs"
                          fw={500}
                          underline="hover"
                          c="var(--mantine-color-text)"
                          style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', display: 'block', maxHeight: 190, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', margin: '0 auto' }}
                        >
                          {p.title}
                        </Anchor>
                      </Tooltip>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.pains.map((pain) => (
                  <Table.Tr key={pain.id}>
                    <Table.Th scope="row" className={classes.pain} fw={400} pr="sm">
                      <PainLabel pain={pain} />
                    </Table.Th>
                    {data.pieces.map((piece) => {
                      const cell = cells.get(`${pain.id}:${piece.id}`);
                      return (
                        <Table.Td key={piece.id} p={3}>
                          <Cell cell={cell} coversAt={data.coversAt} label={`${piece.title} and “${pain.statement}”`} />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data.pieces.length > 3 ? (
            <Text size="xs" c="dimmed" mt="xs" hiddenFrom="sm">
              Swipe the map sideways for all {data.pieces.length} pieces; the pains stay in view.
            </Text>
          ) : null}
          {data.painsTotal > data.pains.length || data.piecesTotal > data.pieces.length ? (
            <Text size="xs" c="dimmed" mt="xs">
              Showing the {data.pains.length} pains with the heaviest evidence of {data.painsTotal}
              {data.piecesTotal > data.pieces.length ? `, and the ${data.pieces.length} pieces covering the most of ${data.piecesTotal}` : ''}.
            </Text>
          ) : null}
        </>
      )}
    </Card>
  );
}

function PainLabel({ pain }: { pain: CoveragePain }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/messaging/pains/${pain.id}`} size="sm" fw={500} underline="hover" c="var(--mantine-color-text)" lineClamp={2}>
        {pain.statement}
      </Anchor>
      <Text size="xs" c="dimmed">
        {pain.evidenceCount === 0 ? 'No evidence yet' : `${pain.weight.toFixed(1)} · ${pain.evidenceCount} ${pain.evidenceCount === 1 ? 'quote' : 'quotes'}`}
        {pain.coveredBy.length === 0 && pain.evidenceCount > 0 ? ' · not covered' : ''}
      </Text>
    </Stack>
  );
}

function Cell({ cell, coversAt, label }: { cell: CoverageCell | undefined; coversAt: number; label: string }) {
  const s = cell ? shade(cell.similarity, coversAt) : null;
  const words = !cell ? `${label}: no match` : `${label}: match ${strength(cell.similarity)}${cell.covers ? ', covers it' : ', below the cover line'}`;
  return (
    <Box
      role="img"
      aria-label={words}
      title={words}
      w={CELL - 6}
      h={30}
      style={{
        borderRadius: 6,
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        fontSize: 12,
        fontWeight: 600,
        fontVariantNumeric: 'tabular-nums',
        background: s?.bg ?? 'var(--mantine-color-default-hover)',
        color: s?.fg ?? 'var(--mantine-color-dimmed)',
        outline: cell?.covers ? '2px solid var(--mantine-color-grape-9)' : undefined,
        outlineOffset: cell?.covers ? -2 : undefined,
      }}
    >
      {s && cell ? strength(cell.similarity) : ''}
    </Box>
  );
}

function Legend({ coverLine }: { coverLine: number }) {
  const swatch = (bg: string, ring = false) => (
    <Box w={18} h={14} style={{ borderRadius: 4, background: bg, outline: ring ? '2px solid var(--mantine-color-grape-9)' : undefined, outlineOffset: -2 }} aria-hidden />
  );
  return (
    <Group gap="md" wrap="wrap" aria-label="Legend">
      <Group gap={6} wrap="nowrap">
        {swatch('var(--mantine-color-default-hover)')}
        <Text size="xs" c="dimmed">
          No match
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch('var(--mantine-color-grape-1)')}
        {swatch('var(--mantine-color-grape-2)')}
        <Text size="xs" c="dimmed">
          Under {coverLine}: touches it
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        {swatch('var(--mantine-color-grape-7)', true)}
        {swatch('var(--mantine-color-grape-9)', true)}
        <Text size="xs" c="dimmed">
          {coverLine} or more: covers it
        </Text>
      </Group>
    </Group>
  );
}
