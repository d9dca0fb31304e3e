import { Group, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { UnitRollUp } from '../shared/types.js';
import { donePercent } from './roadmap-progress.js';

type SortKey = 'name' | 'roadmaps' | 'items' | 'done' | 'overdue' | 'tasks';

const value = (u: UnitRollUp, k: SortKey): number | string => {
  switch (k) {
    case 'name':
      return u.unit.name;
    case 'done':
      return u.items ? u.done / u.items : -1;
    case 'tasks':
      return u.tasksTotal ? u.tasksDone / u.tasksTotal : -1;
    default:
      return u[k];
  }
};

function Th({
  k,
  sort,
  onSort,
  children,
  w,
}: {
  k: SortKey;
  sort: [SortKey, 1 | -1];
  onSort: (k: SortKey) => void;
  children: string;
  w?: number;
}) {
  const arrow = sort[0] === k ? (sort[1] === 1 ? ' ↑' : ' ↓') : '';
  return (
    <Table.Th w={w}>
      <UnstyledButton onClick={() => onSort(k)}>
        <Text size="sm" fw={600}>
          {children}
          {arrow}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** For a region or a municipality: the state of every unit one level below. */
export function RollUpTable({ level, units }: { level: 'municipality' | 'school'; units: UnitRollUp[] }) {
  const [sort, setSort] = useState<[SortKey, 1 | -1]>(['name', 1]);
  const onSort = (k: SortKey) =>
    setSort(([pk, dir]) => [k, pk === k ? (dir === 1 ? -1 : 1) : k === 'name' ? 1 : -1]);
  const sorted = [...units].sort((a, b) => {
    const va = value(a, sort[0]);
    const vb = value(b, sort[0]);
    const c =
      typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'ru') : Number(va) - Number(vb);
    return c * sort[1];
  });
  const sum = (f: (u: UnitRollUp) => number) => units.reduce((s, u) => s + f(u), 0);
  const total = {
    roadmaps: sum((u) => u.roadmaps),
    items: sum((u) => u.items),
    done: sum((u) => u.done),
    overdue: sum((u) => u.overdue),
    tasksDone: sum((u) => u.tasksDone),
    tasksTotal: sum((u) => u.tasksTotal),
  };
  const th = { sort, onSort };
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing={6} highlightOnHover striped data-testid="rollup-table">
        <Table.Thead>
          <Table.Tr>
            <Th k="name" {...th}>
              {level === 'municipality' ? 'Муниципалитет' : 'Школа'}
            </Th>
            <Th k="roadmaps" w={120} {...th}>
              Дорожные карты
            </Th>
            <Th k="items" w={120} {...th}>
              Мероприятия
            </Th>
            <Th k="done" w={170} {...th}>
              Выполнено
            </Th>
            <Th k="overdue" w={120} {...th}>
              Просрочено
            </Th>
            <Th k="tasks" w={200} {...th}>
              Задачи от вышестоящего уровня
            </Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((u) => (
            <Row key={u.unit.id} name={u.unit.name} r={u} testId={`rollup-row-${u.unit.id}`} />
          ))}
        </Table.Tbody>
        {units.length > 1 && (
          <Table.Tfoot>
            <Row name="Итого" r={total} bold />
          </Table.Tfoot>
        )}
      </Table>
    </Table.ScrollContainer>
  );
}

type Counts = Omit<UnitRollUp, 'unit'>;

function Row({ name, r, bold, testId }: { name: string; r: Counts; bold?: boolean; testId?: string }) {
  const pct = donePercent(r.done, r.items);
  return (
    <Table.Tr data-testid={testId} fw={bold ? 700 : undefined}>
      <Table.Td>
        <Text size="sm" fw={bold ? 700 : 500}>
          {name}
        </Text>
      </Table.Td>
      <Table.Td>
        {r.roadmaps || (
          <Text span c="dimmed" size="sm">
            нет
          </Text>
        )}
      </Table.Td>
      <Table.Td>{r.items}</Table.Td>
      <Table.Td>
        {r.items > 0 ? (
          <Group gap={6} wrap="nowrap">
            <Progress value={pct} color="teal" w={70} size="sm" />
            <Text size="sm">{pct} %</Text>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={r.overdue > 0 ? 'red' : 'dimmed'} fw={r.overdue > 0 ? 700 : undefined}>
          {r.overdue}
        </Text>
      </Table.Td>
      <Table.Td>
        {r.tasksTotal > 0 ? (
          <Text size="sm" c={r.tasksDone === r.tasksTotal ? 'teal' : undefined}>
            выполнено {r.tasksDone} из {r.tasksTotal}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            задач нет
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
