import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { PUPIL_CATEGORIES } from '../../db/schema/values.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { formatDate, formatDateTime, Query } from '../shared/ui.js';
import { AddPupil } from './add-pupil.js';
import { CATEGORY_NAMES, DYNAMICS_NAMES, P, STATUS_NAMES } from './strings.js';

type Registry = ApiData<'/api/schools/{id}/pupils', 'get'>;

const schoolYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};

function RegistryTable({ registry }: { registry: Registry }) {
  const [cls, setCls] = useState<string | null>(null);
  const [cat, setCat] = useState<string | null>(null);
  const [subject, setSubject] = useState<string | null>(null);
  const classes = [...new Set(registry.pupils.map((p) => p.classLabel))];
  const subjects = [...new Set(registry.pupils.flatMap((p) => p.subjects))];
  const rows = registry.pupils.filter(
    (p) =>
      (!cls || p.classLabel === cls) &&
      (!cat || p.category === cat) &&
      (!subject || p.subjects.includes(subject)),
  );
  return (
    <Stack>
      <Group>
        <Select placeholder="Класс" clearable data={classes} value={cls} onChange={setCls} w={120} />
        <Select
          placeholder="Категория"
          clearable
          data={PUPIL_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))}
          value={cat}
          onChange={setCat}
          w={240}
        />
        <Select
          placeholder="Предмет"
          clearable
          data={subjects}
          value={subject}
          onChange={setSubject}
          w={200}
        />
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed">{P.empty}</Text>
      ) : (
        <Table striped withTableBorder data-testid="pupil-registry">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Обучающийся</Table.Th>
              <Table.Th>Класс</Table.Th>
              <Table.Th>Категория</Table.Th>
              <Table.Th>Предметы</Table.Th>
              <Table.Th>Последнее состояние</Table.Th>
              <Table.Th>В реестре</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => {
              const last = p.results.at(-1);
              return (
                <Table.Tr key={p.id} data-testid="pupil-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/pupils/${p.id}`}>
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{p.classLabel}</Table.Td>
                  <Table.Td>{CATEGORY_NAMES[p.category]}</Table.Td>
                  <Table.Td>{p.subjects.join(', ')}</Table.Td>
                  <Table.Td>{last ? STATUS_NAMES[last.status] : '—'}</Table.Td>
                  <Table.Td>
                    {p.excludedOn ? (
                      <Badge color="gray">исключён {formatDate(p.excludedOn)}</Badge>
                    ) : (
                      `с ${formatDate(p.includedOn)}`
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function Summary({ schoolId }: { schoolId: string }) {
  const q = useQuery({
    queryKey: ['pupil-summary', schoolId],
    queryFn: () =>
      unwrap(api.GET('/api/schools/{id}/pupil-summary', { params: { path: { id: schoolId }, query: {} } })),
  });
  return (
    <Query q={q}>
      {(s) => {
        const name = (k: string | null) => s.checkpoints.find((c) => c.key === k)?.name ?? '—';
        const head = (first: string) => (
          <Table.Tr>
            <Table.Th>{first}</Table.Th>
            <Table.Th>Всего</Table.Th>
            <Table.Th>{DYNAMICS_NAMES.improved}</Table.Th>
            <Table.Th>{DYNAMICS_NAMES.same}</Table.Th>
            <Table.Th>{DYNAMICS_NAMES.worse}</Table.Th>
            <Table.Th>{DYNAMICS_NAMES.left}</Table.Th>
            <Table.Th>Нет данных</Table.Th>
          </Table.Tr>
        );
        type Counts = typeof s.total;
        const cells = (c: Counts) => (
          <>
            <Table.Td>{c.total}</Table.Td>
            <Table.Td>{c.improved}</Table.Td>
            <Table.Td>{c.same}</Table.Td>
            <Table.Td>{c.worse}</Table.Td>
            <Table.Td>{c.left}</Table.Td>
            <Table.Td>{c.noData}</Table.Td>
          </>
        );
        return (
          <Stack data-testid="pupil-summary">
            <Text>
              Динамика: «{name(s.from)}» → «{name(s.to)}». В реестре сейчас: {s.inRegistry}, исключены:{' '}
              {s.excluded}.
            </Text>
            <Table withTableBorder>
              <Table.Thead>{head('Класс')}</Table.Thead>
              <Table.Tbody>
                {s.byClass.map((r) => (
                  <Table.Tr key={r.classLabel}>
                    <Table.Td>{r.classLabel}</Table.Td>
                    {cells(r)}
                  </Table.Tr>
                ))}
                <Table.Tr fw={600} data-testid="pupil-summary-total">
                  <Table.Td>Итого</Table.Td>
                  {cells(s.total)}
                </Table.Tr>
              </Table.Tbody>
            </Table>
            <Table withTableBorder>
              <Table.Thead>{head('Предмет')}</Table.Thead>
              <Table.Tbody>
                {s.bySubject.map((r) => (
                  <Table.Tr key={r.subject}>
                    <Table.Td>{r.subject}</Table.Td>
                    {cells(r)}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        );
      }}
    </Query>
  );
}

function Reads({ schoolId }: { schoolId: string }) {
  const q = useQuery({
    queryKey: ['pupil-reads', schoolId],
    queryFn: () => unwrap(api.GET('/api/schools/{id}/pupil-reads', { params: { path: { id: schoolId } } })),
  });
  return (
    <Query q={q}>
      {(rows) => (
        <Table withTableBorder data-testid="pupil-reads">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Когда</Table.Th>
              <Table.Th>Кто</Table.Th>
              <Table.Th>Карточка</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.at}-${r.recordId}`}>
                <Table.Td>{formatDateTime(r.at)}</Table.Td>
                <Table.Td>{r.actorName ?? '—'}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/pupils/${r.recordId}`}>
                    обучающийся {r.classLabel} класса
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Query>
  );
}

export function RegistryPage({ schoolId, keeps }: { schoolId: string; keeps: boolean }) {
  const [adding, add] = useDisclosure(false);
  const [status, setStatus] = useState<'active' | 'excluded' | 'all'>('active');
  const q = useQuery({
    queryKey: ['pupils', schoolId, status],
    queryFn: () =>
      unwrap(
        api.GET('/api/schools/{id}/pupils', {
          params: { path: { id: schoolId }, query: { year: schoolYear(), status } },
        }),
      ),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{P.title}</Title>
        {keeps && (
          <Button onClick={add.open} data-testid="pupil-add">
            {P.add}
          </Button>
        )}
      </Group>
      <Text c="dimmed" size="sm">
        {keeps ? P.privacy : P.teacherNote}
      </Text>
      <Tabs defaultValue="registry">
        <Tabs.List>
          <Tabs.Tab value="registry">Реестр</Tabs.Tab>
          {keeps && (
            <Tabs.Tab value="summary" data-testid="pupil-tab-summary">
              Сводка и динамика
            </Tabs.Tab>
          )}
          {keeps && <Tabs.Tab value="reads">Журнал чтений карточек</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="registry" pt="md">
          <Stack>
            <Select
              w={220}
              data={[
                { value: 'active', label: 'В реестре' },
                { value: 'excluded', label: 'Исключённые' },
                { value: 'all', label: 'Все' },
              ]}
              value={status}
              onChange={(v) => v && setStatus(v as typeof status)}
            />
            <Query q={q}>{(r) => <RegistryTable registry={r} />}</Query>
          </Stack>
        </Tabs.Panel>
        {keeps && (
          <Tabs.Panel value="summary" pt="md">
            <Summary schoolId={schoolId} />
          </Tabs.Panel>
        )}
        {keeps && (
          <Tabs.Panel value="reads" pt="md">
            <Reads schoolId={schoolId} />
          </Tabs.Panel>
        )}
      </Tabs>
      <Modal opened={adding} onClose={add.close} title={P.add} size="lg">
        {q.data && <AddPupil schoolId={schoolId} registry={q.data} onClose={add.close} />}
      </Modal>
    </Stack>
  );
}
