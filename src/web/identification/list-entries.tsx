import { Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { formatDateTime } from '../shared/ui.js';
import { FlagBadges, SchoolLink } from './common.js';
import type { DecisionTarget } from './list-actions.js';
import { fmtNum, fmtShare } from './strings.js';
import type { ListEntry, LowProcedure } from './types.js';

const PAGE = 100;

function Procedures({ items }: { items: LowProcedure[] }) {
  if (items.length === 0) return null;
  return (
    <Table withTableBorder verticalSpacing={2} maw={560} fz="xs">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Процедура</Table.Th>
          <Table.Th>Предмет</Table.Th>
          <Table.Th ta="right">Класс</Table.Th>
          <Table.Th ta="right">Доля «2»</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((p) => (
          <Table.Tr key={`${p.assessment}-${p.subject}-${p.grade}`}>
            <Table.Td>{p.assessment}</Table.Td>
            <Table.Td>{p.subject}</Table.Td>
            <Table.Td ta="right">{p.grade}</Table.Td>
            <Table.Td ta="right">{fmtShare(p.lowShare)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Details({ e }: { e: ListEntry }) {
  return (
    <Stack gap="xs" py={4}>
      {e.reasons.length > 0 ? (
        <List size="sm" spacing={2}>
          {e.reasons.map((r) => (
            <List.Item key={r}>{r}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          Признаков не выявлено.
        </Text>
      )}
      {e.lowProcedures.length > 0 && (
        <Text size="xs" fw={600}>
          Процедуры с низкими результатами
        </Text>
      )}
      <Procedures items={e.lowProcedures} />
    </Stack>
  );
}

function DecisionCell({ e }: { e: ListEntry }) {
  return (
    <Stack gap={2}>
      <Badge color={e.included ? 'red' : 'gray'} variant={e.included ? 'filled' : 'light'} size="sm">
        {e.included ? 'в списке' : 'не в списке'}
      </Badge>
      {e.decision && (
        <Text
          size="xs"
          title={`${e.decision.decidedBy?.fullName ?? ''} ${formatDateTime(e.decision.decidedAt)}`}
        >
          <b>{e.decision.decision === 'exclude' ? 'Исключена' : 'Включена'} оператором:</b>{' '}
          {e.decision.reason}
        </Text>
      )}
    </Stack>
  );
}

/** The entries of a list; a row opens to its reasons and low procedures. */
export function ListEntries({
  entries,
  canDecide,
  onDecide,
}: {
  entries: ListEntry[];
  canDecide: boolean;
  onDecide: (t: DecisionTarget) => void;
}) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [limit, setLimit] = useState(PAGE);
  const toggle = (id: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const cols = canDecide ? 9 : 8;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={1000}>
        <Table withTableBorder verticalSpacing="xs" highlightOnHover data-testid="list-entries">
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th w={28} />
              <Table.Th>Школа</Table.Th>
              <Table.Th>Муниципалитет</Table.Th>
              <Table.Th ta="right" title="Индекс социального благополучия школы">
                ИСБШ
              </Table.Th>
              <Table.Th ta="right" title="Кластер школ со схожими социальными условиями">
                Кластер
              </Table.Th>
              <Table.Th
                ta="right"
                title="Индекс результатов: доля участников без «2» по всем процедурам года"
              >
                R
              </Table.Th>
              <Table.Th miw={150}>Признаки</Table.Th>
              <Table.Th w={220}>Решение</Table.Th>
              {canDecide && <Table.Th w={130} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={cols}>
                  <Text c="dimmed" ta="center" size="sm">
                    Нет школ по выбранным условиям
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {entries.slice(0, limit).map((e) => (
              <Fragment key={e.school.id}>
                <Table.Tr
                  data-testid={`list-row-${e.school.id}`}
                  onClick={() => toggle(e.school.id)}
                  style={{ cursor: 'pointer' }}
                  bg={e.decision?.decision === 'exclude' ? 'gray.1' : undefined}
                >
                  <Table.Td c="dimmed">{open.has(e.school.id) ? '▾' : '▸'}</Table.Td>
                  <Table.Td onClick={(ev) => ev.stopPropagation()}>
                    <SchoolLink school={e.school} />
                    <Text size="xs" c="dimmed">
                      {[e.school.code, e.school.isRural && 'сельская', e.school.isSmall && 'малокомплектная']
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">{e.school.municipality?.name ?? '—'}</Table.Td>
                  <Table.Td ta="right">{fmtNum(e.isbsh)}</Table.Td>
                  <Table.Td ta="right">{e.cluster ?? '—'}</Table.Td>
                  <Table.Td ta="right">{fmtNum(e.resultIndex, 3)}</Table.Td>
                  <Table.Td>
                    <FlagBadges flags={e.flags} />
                  </Table.Td>
                  <Table.Td>
                    <DecisionCell e={e} />
                  </Table.Td>
                  {canDecide && (
                    <Table.Td onClick={(ev) => ev.stopPropagation()}>
                      <Group gap={4} wrap="nowrap">
                        {e.included ? (
                          <Button
                            size="compact-xs"
                            variant="light"
                            color="red"
                            onClick={() => onDecide({ entry: e, decision: 'exclude' })}
                            data-testid="decision-exclude"
                          >
                            Исключить
                          </Button>
                        ) : (
                          <Button
                            size="compact-xs"
                            variant="light"
                            onClick={() => onDecide({ entry: e, decision: 'include' })}
                            data-testid="decision-include"
                          >
                            Включить
                          </Button>
                        )}
                        {e.decision && (
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="gray"
                            onClick={() => onDecide({ entry: e, decision: 'reset' })}
                            data-testid="decision-reset"
                            title="Снять решение"
                          >
                            ↺
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
                {open.has(e.school.id) && (
                  <Table.Tr data-testid={`list-row-details-${e.school.id}`}>
                    <Table.Td />
                    <Table.Td colSpan={cols - 1}>
                      <Details e={e} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {entries.length > limit && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + PAGE)} w="fit-content">
          Показать ещё (показано {limit} из {entries.length})
        </Button>
      )}
    </Stack>
  );
}
