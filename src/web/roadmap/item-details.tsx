import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ruleText } from '../../modules/roadmaps/proof-rule.js';
import { type ItemView, LEVEL_LABELS, type RoadmapDetail } from '../shared/types.js';
import { formatDateTime } from '../shared/ui.js';
import { formatActual, formatPeriod, formatTarget } from './format.js';
import { sectionLabel } from './item-menu.js';

/** Every field of a measure, read-only, in the order of the table's columns. */
export function ItemDetails({ item: i, roadmap }: { item: ItemView; roadmap: RoadmapDetail }) {
  const section = roadmap.sections.find((s) => s.id === i.sectionId);
  const rows: [string, ReactNode][] = [
    ['Раздел', section ? sectionLabel(section) : '—'],
    ['Описание', i.description],
    ['Уровень', i.level ? LEVEL_LABELS[i.level] : null],
    ['Срок', i.deadlineText],
    ['Период и контроль', formatPeriod(i)],
    ['Ответственные организации', i.responsibleUnits.map((u) => u.name).join('; ')],
    ['Ответственные', i.responsibleText],
    ['Участники', i.participants],
    ['Показатель', i.indicator],
    ['Целевое значение', formatTarget(i)],
    ['Фактическое значение', formatActual(i)],
    ['Чем подтверждается', `${ruleText(i)}${i.targetCoverage ? ' (охват считается автоматически)' : ''}`],
    ['Исключение из правила', i.proofWaiver],
    ['Просмотрено при подтверждении', i.confirmationSeen?.map((f) => f.name).join(', ') ?? null],
    ['Изменено', formatDateTime(i.updatedAt)],
  ];
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={6} data-testid="item-details">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={200} bg="gray.0" fw={500}>
              <Text size="sm">{label}</Text>
            </Table.Th>
            <Table.Td>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={value ? undefined : 'dimmed'}>
                {value || '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
