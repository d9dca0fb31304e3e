import { Anchor, Group, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FigureSource } from '../../modules/reports/report-model.js';
import { FigureSourceButton } from '../shared/figure-source.js';
import type { UnitRollUp } from '../shared/types.js';
import { donePercent } from './roadmap-progress.js';
import { ROLL_UP_SOURCES } from './roll-up-sources.js';

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
  source,
}: {
  k: SortKey;
  sort: [SortKey, 1 | -1];
  onSort: (k: SortKey) => void;
  children: string;
  w?: number;
  /** «откуда эта цифра» of the column's figures */
  source?: FigureSource;
}) {
  const arrow = sort[0] === k ? (sort[1] === 1 ? ' ↑' : ' ↓') : '';
  return (
    <Table.Th w={w}>
      <Group gap={4} wrap="nowrap">
        <UnstyledButton onClick={() => onSort(k)}>
          <Text size="sm" fw={600}>
            {children}
            {arrow}
          </Text>
        </UnstyledButton>
        {source && <FigureSourceButton source={source} testId={`rollup-source-${k}`} />}
      </Group>
    </Table.Th>
  );
}

/** The drill-down of a roll-up row: the unit's own roll-up (a school: its roadmaps). */
export const rollUpLink = (unitId: string) => `/indicators/units/${unitId}/roll-up`;

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
            <Th k="roadmaps" w={130} {...th} source={ROLL_UP_SOURCES.roadmaps}>
              Дорожные карты
            </Th>
            <Th k="items" w={130} {...th} source={ROLL_UP_SOURCES.items}>
              Мероприятия
            </Th>
            <Th k="done" w={170} {...th} source={ROLL_UP_SOURCES.done}>
              Выполнено
            </Th>
            <Th k="overdue" w={130} {...th} source={ROLL_UP_SOURCES.overdue}>
              Просрочено
            </Th>
            <Th k="tasks" w={220} {...th} source={ROLL_UP_SOURCES.tasks}>
              Задачи от вышестоящего уровня
            </Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((u) => (
            <Row
              key={u.unit.id}
              name={u.unit.name}
              r={u}
              to={rollUpLink(u.unit.id)}
              testId={`rollup-row-${u.unit.id}`}
            />
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

function Row({
  name,
  r,
  bold,
  testId,
  to,
}: {
  name: string;
  r: Counts;
  bold?: boolean;
  testId?: string;
  to?: string;
}) {
  const pct = donePercent(r.done, r.items);
  return (
    <Table.Tr data-testid={testId} fw={bold ? 700 : undefined}>
      <Table.Td miw={240}>
        {to ? (
          <Anchor component={Link} to={to} size="sm" fw={500} data-testid="rollup-link">
            {name}
          </Anchor>
        ) : (
          <Text size="sm" fw={bold ? 700 : 500}>
            {name}
          </Text>
        )}
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
