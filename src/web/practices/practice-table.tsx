import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LEVEL_LABELS, PRACTICE_STATUS_LABELS } from '../../modules/practices/strings.js';
import type { ApiData } from '../shared/api.js';
import { PRACTICE_UI as T } from './labels.js';

// The practices of a list (the bank, «Похожие школы»): title with author, factors, the first figure.

export type PracticeRow = ApiData<'/api/practices', 'get'>[number];

export const figureText = (f: PracticeRow['figures'][number]) =>
  `${f.label}: ${f.before ?? '—'} → ${f.after ?? '—'}${f.unit ? `\u00a0${f.unit}` : ''}`;

export function PracticeTable({ rows, testId }: { rows: PracticeRow[]; testId: string }) {
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Практика</Table.Th>
            <Table.Th>{T.riskFactor}</Table.Th>
            <Table.Th>{T.figures}</Table.Th>
            <Table.Th>{T.status}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.id} data-testid="practice-row">
              <Table.Td>
                <Anchor component={Link} to={`/practices/${p.id}`}>
                  {p.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {p.authorName}
                  {p.authorKind === 'school' && p.municipalityName ? `, ${p.municipalityName}` : ''} ·{' '}
                  {p.year}/{String((p.year + 1) % 100).padStart(2, '0')} уч. г.
                </Text>
                <Group gap={4} mt={2}>
                  {p.levels.map((l) => (
                    <Badge key={l} size="xs" variant="outline">
                      {LEVEL_LABELS[l]}
                    </Badge>
                  ))}
                  {p.subjects.map((s) => (
                    <Badge key={s} size="xs" variant="light" color="gray">
                      {s}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {p.riskFactors.map((f) => (
                    <Text key={f.key} size="sm">
                      {f.title}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>{p.figures[0] ? <Text size="sm">{figureText(p.figures[0])}</Text> : '—'}</Table.Td>
              <Table.Td>
                {/* Plain text, not a badge: a badge cuts «опубликована» to «ОПУБЛИКОВ…» in a narrow column. */}
                <Text
                  size="sm"
                  fw={500}
                  c={p.status === 'published' ? 'teal.8' : 'dimmed'}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {PRACTICE_STATUS_LABELS[p.status]}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
