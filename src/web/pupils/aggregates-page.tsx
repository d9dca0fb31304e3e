import { Anchor, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { cellText, P } from './strings.js';

type Aggregates = ApiData<'/api/org-units/{id}/pupil-aggregates', 'get'>;
type AggTable = Aggregates['byCategory'];

const TABLES: {
  key: keyof Pick<Aggregates, 'byCategory' | 'byCauseGroup' | 'byGrade' | 'bySubject' | 'byDynamics'>;
  title: string;
}[] = [
  { key: 'byCategory', title: 'По категориям' },
  { key: 'byDynamics', title: 'Динамика между контрольными точками' },
  { key: 'byCauseGroup', title: 'По группам причин' },
  { key: 'byGrade', title: 'По параллелям' },
  { key: 'bySubject', title: 'По предметам' },
];

function CountTable({ t, drill }: { t: AggTable; drill: boolean }) {
  const share = (s: number | null) => (s === null ? '' : ` (${String(s).replace('.', ',')} %)`);
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped data-testid="pupil-aggregate-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Организация</Table.Th>
            <Table.Th>Всего</Table.Th>
            {t.columns.map((c) => (
              <Table.Th key={c.key}>{c.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {t.rows.map((r) => (
            <Table.Tr key={r.unitId}>
              <Table.Td>
                {drill ? (
                  <Anchor component={Link} to={`/pupils?unit=${r.unitId}`}>
                    {r.unitName}
                  </Anchor>
                ) : (
                  r.unitName
                )}
              </Table.Td>
              <Table.Td>{cellText(r.total)}</Table.Td>
              {r.cells.map((c, i) => (
                <Table.Td key={t.columns[i]?.key ?? i}>
                  {cellText(c)}
                  {share(r.shares[i] ?? null)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>Итого</Table.Td>
            <Table.Td>{cellText(t.total.total)}</Table.Td>
            {t.total.cells.map((c, i) => (
              <Table.Td key={t.columns[i]?.key ?? i}>
                {cellText(c)}
                {share(t.total.shares[i] ?? null)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AggregatesPage() {
  const [params, setParams] = useSearchParams();
  const units = useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units', { params: { query: {} } })),
  });
  const top =
    units.data?.find((u) => u.kind === 'region') ??
    units.data?.find((u) => u.kind === 'municipality') ??
    units.data?.find((u) => u.kind === 'school');
  const unitId = params.get('unit') ?? top?.id;
  const q = useQuery({
    queryKey: ['pupil-aggregates', unitId],
    enabled: !!unitId,
    queryFn: () =>
      unwrap(
        api.GET('/api/org-units/{id}/pupil-aggregates', {
          params: { path: { id: unitId ?? '' }, query: {} },
        }),
      ),
  });
  const options = (units.data ?? [])
    .filter((u) => u.kind === 'region' || u.kind === 'municipality' || u.kind === 'school')
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Stack>
      <Title order={2}>{P.summaryTitle}</Title>
      <Text c="dimmed" size="sm">
        {P.aggregatesNote}
      </Text>
      <Group>
        <Select
          searchable
          w={420}
          label="Организация"
          data={options}
          value={unitId ?? null}
          onChange={(v) => v && setParams({ unit: v })}
          data-testid="pupil-unit"
        />
      </Group>
      <Query q={q}>
        {(a) => (
          <Stack>
            <Text size="sm">
              {a.unit.name}, {a.year}/{a.year + 1} учебный год
              {a.from && a.to ? ` · динамика: «${a.from}» → «${a.to}»` : ''}
            </Text>
            {TABLES.map((t) => (
              <Stack key={t.key} gap={4}>
                <Title order={4}>{t.title}</Title>
                {a[t.key].columns.length === 0 ? (
                  <Text c="dimmed">Нет данных</Text>
                ) : (
                  <CountTable t={a[t.key]} drill={a.unit.kind !== 'school'} />
                )}
              </Stack>
            ))}
          </Stack>
        )}
      </Query>
    </Stack>
  );
}
