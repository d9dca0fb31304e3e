import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { formatDate, Query } from '../shared/ui.js';
import { D, levelColor } from './strings.js';

// A teacher's results in every diagnostic and the change per block from one to the next (issue 14 §1);
// shown on the staff card, the route page, «Мой маршрут» and the diagnostic's teacher rows.

type Results = ApiData<'/api/teacher-results/{id}', 'get'>;

const pct = (n: number) => `${String(n).replace('.', ',')} %`;

function Change({ now, before }: { now: number; before: number }) {
  const d = Math.round((now - before) * 10) / 10;
  const color = d > 0 ? 'green' : d < 0 ? 'red' : 'gray';
  return (
    <Text span c={color} size="sm" data-testid="block-change">
      {d > 0 ? '+' : ''}
      {String(d).replace('.', ',')} п.п.
    </Text>
  );
}

export function TeacherResultsView({ data }: { data: Results }) {
  if (!data.results.length) return <Text c="dimmed">{D.noMyResults}</Text>;
  return (
    <Stack data-testid="teacher-results">
      {[...data.results].reverse().map((r) => (
        <Card key={r.diagnosticId} withBorder data-testid="teacher-result">
          <Group justify="space-between" mb="xs">
            <div>
              <Text fw={600}>{r.diagnosticName}</Text>
              <Text size="xs" c="dimmed">
                {formatDate(r.conductedOn)}
                {r.previous ? ` · ${D.comparedWith} «${r.previous.diagnosticName}»` : ''}
              </Text>
            </div>
            <Badge color={levelColor(r.level)} variant="light">
              Итого {pct(r.totalPercent)} — {r.levelName}
            </Badge>
          </Group>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Блок</Table.Th>
                <Table.Th>Балл</Table.Th>
                <Table.Th>Доля</Table.Th>
                <Table.Th>Уровень</Table.Th>
                {r.previous && <Table.Th>Было</Table.Th>}
                {r.previous && <Table.Th>{D.change}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.blocks.map((b) => (
                <Table.Tr key={b.key} data-testid="result-block">
                  <Table.Td>{b.name}</Table.Td>
                  <Table.Td>
                    {String(b.score).replace('.', ',')} из {b.maxScore}
                  </Table.Td>
                  <Table.Td>{pct(b.percent)}</Table.Td>
                  <Table.Td>
                    <Badge color={levelColor(b.level)} variant="light">
                      {b.levelName}
                    </Badge>
                  </Table.Td>
                  {r.previous && (
                    <Table.Td>{b.before ? `${pct(b.before.percent)} (${b.before.levelName})` : '—'}</Table.Td>
                  )}
                  {r.previous && (
                    <Table.Td>
                      {b.before ? <Change now={b.percent} before={b.before.percent} /> : '—'}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      ))}
    </Stack>
  );
}

export function TeacherResults({ staffId }: { staffId: string }) {
  const q = useQuery({
    queryKey: ['teacher-results', staffId],
    queryFn: () => unwrap(api.GET('/api/teacher-results/{id}', { params: { path: { id: staffId } } })),
  });
  return (
    <Stack gap="xs">
      <Title order={4}>Результаты диагностик</Title>
      <Query q={q}>{(data) => <TeacherResultsView data={data} />}</Query>
    </Stack>
  );
}
