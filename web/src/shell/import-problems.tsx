// What a CSV import's dry run found wrong, as every import dialog shows it: the rows with problems (row, column,
// the server's sentence), and the person's choice between writing the good rows and writing nothing.
import { Radio, Stack, Table, Text } from '@mantine/core';

export type ImportMode = 'all_or_nothing' | 'valid_rows';

export interface ImportProblemsProps {
  errors: ReadonlyArray<{ row: number; column: string; message: string }>;
  /** Rows with problems (the list may hold only the first of them). */
  invalid: number;
  chosen: ImportMode | null;
  onChoose: (mode: ImportMode) => void;
  /** "Record the 12 good rows and skip the 3 rows with problems". */
  writeGoodLabel: string;
  /** "Record nothing: I will fix the file and choose it again". */
  writeNothingLabel: string;
  /** No good row to write. */
  noneValid: boolean;
}

export function ImportProblems({ errors, invalid, chosen, onChoose, writeGoodLabel, writeNothingLabel, noneValid }: ImportProblemsProps) {
  return (
    <>
      <Table.ScrollContainer minWidth={480} mah={220}>
        <Table fz="sm" verticalSpacing={4} aria-label="Rows with problems">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={60}>Row</Table.Th>
              <Table.Th w={90}>Column</Table.Th>
              <Table.Th>Problem</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                <Table.Td>{e.row}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td className="user-text">{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invalid > errors.length ? (
        <Text size="xs" c="dimmed">
          The first {errors.length} problems are listed.
        </Text>
      ) : null}
      <Radio.Group value={chosen} onChange={(v) => onChoose(v as ImportMode)} label="What to do with this file">
        <Stack gap={6} mt={6}>
          <Radio value="valid_rows" label={writeGoodLabel} disabled={noneValid} />
          <Radio value="all_or_nothing" label={writeNothingLabel} />
        </Stack>
      </Radio.Group>
    </>
  );
}
