import { Anchor, Group, Paper, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { FigureSourceButton } from '../shared/figure-source.js';
import { A, type PositiveChange, percent, points } from './labels.js';

// The schools of a municipality (or a curator's) in «Позитивные изменения»: a row opens the school card;
// «Доля «2»» unfolds the school's procedures было → стало.

export function SchoolTable({ c }: { c: PositiveChange }) {
  const [open, setOpen] = useState<string | null>(null);
  const T = c.year ?? 0;
  const src = c.sources;
  if (!src) return null;
  return (
    <Paper withBorder p="md">
      <Group gap={6} mb="xs">
        <Text fw={600}>Школы</Text>
        <FigureSourceButton source={src.r} />
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table striped data-testid="change-schools-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{A.school}</Table.Th>
              <Table.Th>R {T}</Table.Th>
              <Table.Th>R {T + 1}</Table.Th>
              <Table.Th>{A.meanChange}</Table.Th>
              <Table.Th>{A.low}</Table.Th>
              <Table.Th>Список {T + 1}</Table.Th>
              <Table.Th>{A.risks}</Table.Th>
              <Table.Th>{A.roadmap}</Table.Th>
              <Table.Th>{A.programs}</Table.Th>
              <Table.Th>{A.procedures}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.schools.map((s) => (
              <Fragment key={s.school.id}>
                <Table.Tr data-testid="change-school-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/identification/schools/${s.school.id}`}>
                      {s.school.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{percent(s.rBefore)}</Table.Td>
                  <Table.Td>{percent(s.rAfter)}</Table.Td>
                  <Table.Td>{points(s.rChange)}</Table.Td>
                  <Table.Td>
                    {s.lowBefore ?? '—'} → {s.lowAfter ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    {s.leftList === null ? (
                      '—'
                    ) : s.leftList ? (
                      <Text size="sm" c="teal.8" fw={600}>
                        вышла
                      </Text>
                    ) : (
                      <Text size="sm" c="orange.8" fw={600}>
                        снова в списке
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {s.highRisksBefore === null ? '—' : `${s.highRisksBefore} → ${s.highRisksAfter}`}
                  </Table.Td>
                  <Table.Td>{s.roadmapTotal ? `${s.roadmapDone} из ${s.roadmapTotal}` : '—'}</Table.Td>
                  <Table.Td>{s.programs}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      size="sm"
                      onClick={() => setOpen(open === s.school.id ? null : s.school.id)}
                    >
                      {open === s.school.id ? 'Скрыть' : 'Показать'}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
                {open === s.school.id && (
                  <Table.Tr>
                    <Table.Td colSpan={10}>
                      <Table
                        withRowBorders={false}
                        w="auto"
                        verticalSpacing={2}
                        data-testid="change-procedures"
                      >
                        <Table.Tbody>
                          {s.procedures.map((p) => (
                            <Table.Tr key={p.procedure}>
                              <Table.Td>{p.procedure}</Table.Td>
                              <Table.Td>
                                {percent(p.before)} → {percent(p.after)}
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
