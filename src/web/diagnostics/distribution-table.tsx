import { Anchor, Table, Text } from '@mantine/core';
import type { ApiData } from '../shared/api.js';

// Counts and shares of levels (total and per block) for a unit and each unit below it; a unit name
// drills down (region → municipality → school).

type Summary = ApiData<'/api/diagnostics/{id}/summary', 'get'>;
type Diagnostic = ApiData<'/api/diagnostics/{id}', 'get'>;
type Dist = Summary['all'];

const share = (n: number, total: number) => (total ? `${Math.round((100 * n) / total)} %` : '—');

function Cells({
  counts,
  total,
  levels,
}: {
  counts: Record<string, number>;
  total: number;
  levels: Diagnostic['levels'];
}) {
  return levels.map((l) => (
    <Table.Td key={l.key} data-testid={`level-${l.key}`}>
      {counts[l.key] ?? 0}{' '}
      <Text span size="xs" c="dimmed">
        ({share(counts[l.key] ?? 0, total)})
      </Text>
    </Table.Td>
  ));
}

export function DistributionTable({
  d,
  s,
  onUnit,
}: {
  d: Diagnostic;
  s: Summary;
  onUnit: (unitId: string) => void;
}) {
  const rows: { key: string; name: string; dist: Dist; unitId?: string }[] = [
    { key: 'all', name: `${s.unit.name} — всего`, dist: s.all },
    ...s.children.map((c) => ({ key: c.unitId, name: c.name, dist: c, unitId: c.unitId })),
  ];
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withTableBorder striped data-testid="distribution">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Организация / блок</Table.Th>
            <Table.Th>Педагогов</Table.Th>
            {d.levels.map((l) => (
              <Table.Th key={l.key}>{l.name}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => [
            <Table.Tr key={r.key} data-testid="distribution-row">
              <Table.Td fw={600}>
                {r.unitId ? (
                  <Anchor component="button" onClick={() => r.unitId && onUnit(r.unitId)}>
                    {r.name}
                  </Anchor>
                ) : (
                  r.name
                )}
              </Table.Td>
              <Table.Td>{r.dist.total}</Table.Td>
              <Cells counts={r.dist.levels} total={r.dist.total} levels={d.levels} />
            </Table.Tr>,
            ...(r.key === 'all'
              ? d.blocks.map((b) => (
                  <Table.Tr key={`${r.key}-${b.key}`}>
                    <Table.Td pl="xl">
                      <Text size="sm">{b.name}</Text>
                    </Table.Td>
                    <Table.Td />
                    <Cells counts={r.dist.blocks[b.key] ?? {}} total={r.dist.total} levels={d.levels} />
                  </Table.Tr>
                ))
              : []),
          ])}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
