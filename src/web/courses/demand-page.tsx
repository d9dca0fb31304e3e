import { Anchor, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { byRussian } from '../../lib/sort.js';
import { DEMAND_GROUP_LABELS, type DemandGroup } from '../../modules/courses/strings.js';
import { EChart } from '../identification/echart.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';

// «Запрос на ПК» (issue 14 §1): the course demand of the actor's zone — teachers from uncovered course
// activities of their routes and people from the educational needs campaign — by topic, municipality and
// school group; a row opens its schools; the whole in XLSX.

type Pick = { topic: string | null; municipalityId: string; group: DemandGroup };

export function DemandPage() {
  const [municipalityId, setMunicipalityId] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [picked, setPicked] = useState<Pick | null>(null);
  const q = useQuery({ queryKey: ['course-demand'], queryFn: () => unwrap(api.GET('/api/course-demand')) });
  return (
    <Stack>
      <Anchor component={Link} to="/courses" size="sm">
        ← Каталог курсов
      </Anchor>
      <Group justify="space-between">
        <Title order={2}>Запрос на повышение квалификации</Title>
        <Button
          component="a"
          href={apiHref('/api/course-demand/export', {})}
          variant="light"
          data-testid="demand-export"
        >
          Выгрузить XLSX
        </Button>
      </Group>
      <Query q={q}>
        {(d) => {
          const municipalities = [
            ...new Map(d.rows.map((r) => [r.municipalityId, r.municipalityName])).entries(),
          ].sort(byRussian(([, n]) => n));
          const rows = d.rows.filter(
            (r) => (!municipalityId || r.municipalityId === municipalityId) && (!group || r.group === group),
          );
          return (
            <Stack>
              <Text size="sm" c="dimmed">
                Педагоги по ИОМ — с мероприятием «курс» в маршруте, ещё не закрытым записью на курс; сбор
                потребностей — число человек в отправленных и принятых ответах (мониторингов:{' '}
                {d.needsMonitorings}). {d.base}.
              </Text>
              {d.byTopic.length > 0 && <TopicChart byTopic={d.byTopic} />}
              <Group align="end">
                <Select
                  label="Муниципалитет"
                  data={municipalities.map(([value, label]) => ({ value, label }))}
                  value={municipalityId}
                  onChange={setMunicipalityId}
                  clearable
                  w={280}
                  data-testid="demand-municipality"
                />
                <Select
                  label="Группа школ"
                  data={Object.entries(DEMAND_GROUP_LABELS).map(([value, label]) => ({ value, label }))}
                  value={group}
                  onChange={setGroup}
                  clearable
                  w={200}
                />
              </Group>
              {rows.length === 0 ? (
                <Text c="dimmed">
                  Запроса нет: ни незакрытых курсов в ИОМ, ни ответов сбора потребностей.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={800}>
                  <Table striped highlightOnHover withTableBorder data-testid="demand-table">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Тема</Table.Th>
                        <Table.Th>Муниципалитет</Table.Th>
                        <Table.Th>Группа</Table.Th>
                        <Table.Th>Школ</Table.Th>
                        <Table.Th>Педагогов по ИОМ</Table.Th>
                        <Table.Th>По сбору потребностей</Table.Th>
                        <Table.Th>Всего</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <Table.Tr
                          key={`${r.topic}|${r.municipalityId}|${r.group}`}
                          data-testid="demand-row"
                          style={{ cursor: 'pointer' }}
                          onClick={() =>
                            setPicked({ topic: r.topic, municipalityId: r.municipalityId, group: r.group })
                          }
                        >
                          <Table.Td>{r.topicName}</Table.Td>
                          <Table.Td>{r.municipalityName}</Table.Td>
                          <Table.Td>{DEMAND_GROUP_LABELS[r.group]}</Table.Td>
                          <Table.Td>{r.schools}</Table.Td>
                          <Table.Td>{r.fromRoutes}</Table.Td>
                          <Table.Td>{r.fromNeeds}</Table.Td>
                          <Table.Td fw={600}>{r.total}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {picked && <DemandSchools pick={picked} />}
            </Stack>
          );
        }}
      </Query>
    </Stack>
  );
}

function TopicChart({
  byTopic,
}: {
  byTopic: { topicName: string; fromRoutes: number; fromNeeds: number }[];
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 260, right: 24, top: 8, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: byTopic.map((t) => t.topicName), inverse: true },
      series: [
        { name: 'Педагоги по ИОМ', type: 'bar', stack: 'all', data: byTopic.map((t) => t.fromRoutes) },
        { name: 'Сбор потребностей', type: 'bar', stack: 'all', data: byTopic.map((t) => t.fromNeeds) },
      ],
    }),
    [byTopic],
  );
  return (
    <Paper withBorder p="sm">
      <EChart option={option} height={Math.max(160, 40 * byTopic.length + 60)} testId="demand-chart" />
    </Paper>
  );
}

function DemandSchools({ pick }: { pick: Pick }) {
  const topic = pick.topic ?? '';
  const q = useQuery({
    queryKey: ['course-demand-schools', topic],
    queryFn: () => unwrap(api.GET('/api/course-demand/schools', { params: { query: { topic } } })),
  });
  return (
    <Paper withBorder p="md" data-testid="demand-schools">
      <Query q={q}>
        {(all) => {
          const rows = all.filter((s) => s.group === pick.group && s.municipalityId === pick.municipalityId);
          return (
            <Stack gap="xs">
              <Title order={5}>
                {rows[0]?.topicName ?? 'Школы'}: {rows[0]?.municipalityName ?? ''},{' '}
                {DEMAND_GROUP_LABELS[pick.group]}
              </Title>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Школа</Table.Th>
                    <Table.Th>Предметы</Table.Th>
                    <Table.Th>Педагогов по ИОМ</Table.Th>
                    <Table.Th>По сбору потребностей</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((s) => (
                    <Table.Tr key={s.schoolId}>
                      <Table.Td>{s.schoolName}</Table.Td>
                      <Table.Td>{s.subjects.join(', ') || '—'}</Table.Td>
                      <Table.Td>{s.fromRoutes}</Table.Td>
                      <Table.Td>{s.fromNeeds}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          );
        }}
      </Query>
    </Paper>
  );
}
