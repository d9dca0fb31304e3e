import { Group, Stack, Table, Text } from '@mantine/core';
import type { ItemView, RoadmapDetail } from '../shared/types.js';
import { LEVEL_LABELS } from '../shared/types.js';
import { ConfirmationBadge, StatusBadge } from '../shared/ui.js';
import { formatRollUp, formatTarget, periodHint } from './format.js';
import { ItemMenu } from './item-menu.js';
import { PlanFact } from './plan-fact.js';

const pre = { whiteSpace: 'pre-wrap' } as const;

/** One measure as a row of the order's appendix table, with its execution in the last column. */
export function ItemRow(props: {
  item: ItemView;
  roadmap: RoadmapDetail;
  showLevel: boolean;
  onOpen: (id: string, edit?: boolean) => void;
}) {
  const { item: i, roadmap, showLevel, onOpen } = props;
  const period = periodHint(i);
  const target = formatTarget(i);
  return (
    <Table.Tr
      data-testid={`roadmap-row-${i.id}`}
      onClick={() => onOpen(i.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) onOpen(i.id);
      }}
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      bg={i.overdue ? 'var(--mantine-color-red-0)' : undefined}
    >
      <Table.Td>
        {i.parentItemId ? (
          <Text size="sm" c="dimmed" ta="right" title="Подпункт">
            ↳ {i.number}
          </Text>
        ) : (
          <Text size="sm">{i.number}</Text>
        )}
      </Table.Td>
      <Table.Td pl={i.parentItemId ? 28 : undefined}>
        <Text size="sm" style={pre}>
          {i.measure}
        </Text>
        {i.description && (
          <Text size="xs" c="dimmed" mt={4} style={pre}>
            {i.description}
          </Text>
        )}
      </Table.Td>
      {showLevel && (
        <Table.Td>
          {/* Smaller: «муниципальный» whole in a narrow column. */}
          <Text size="xs">{i.level ? LEVEL_LABELS[i.level] : ''}</Text>
        </Table.Td>
      )}
      <Table.Td>
        <Text size="sm" style={pre}>
          {i.deadlineText}
        </Text>
        {period && (
          <Text size="xs" c="dimmed" mt={4}>
            {period}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {i.responsibleText ? (
          <Text size="sm" style={pre}>
            {i.responsibleText}
          </Text>
        ) : (
          <Text size="sm">{i.responsibleUnits.map((u) => u.name).join('; ')}</Text>
        )}
        {i.responsibleText && i.responsibleUnits.length > 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            {i.responsibleUnits.map((u) => u.name).join('; ')}
          </Text>
        )}
        {i.participants && (
          <Text size="xs" c="dimmed" mt={4}>
            Участники: {i.participants}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {i.indicator && (
          <Text size="sm" style={pre}>
            {i.indicator}
          </Text>
        )}
        {target && <PlanFact item={i} size="xs" />}
      </Table.Td>
      <Table.Td>
        <Stack gap={4} align="flex-start">
          <Group gap={4}>
            <StatusBadge status={i.status} overdue={i.overdue} />
          </Group>
          <ConfirmationBadge value={i.confirmation} />
          {i.rollUp && (
            <Text size="xs" data-testid="item-rollup">
              {formatRollUp(i.rollUp)}
            </Text>
          )}
          {(i.evidenceCount > 0 || i.commentCount > 0) && (
            <Text size="xs" c="dimmed">
              {[
                i.evidenceCount > 0 && `файлы: ${i.evidenceCount}`,
                i.commentCount > 0 && `комментарии: ${i.commentCount}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </Stack>
      </Table.Td>
      {roadmap.permissions.canManage && (
        <Table.Td onClick={(e) => e.stopPropagation()} p={4}>
          <ItemMenu item={i} roadmap={roadmap} onEdit={() => onOpen(i.id, true)} />
        </Table.Td>
      )}
    </Table.Tr>
  );
}
