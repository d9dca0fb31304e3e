import { Badge, Code, Modal, ScrollArea, Stack, Table, Tabs, Text } from '@mantine/core';
import { formatDateTime } from '../shared/ui.js';
import { StatusBadge } from './common.js';
import { INDICATOR_LABELS, parameterRows } from './methodology-labels.js';
import { METHODOLOGY_STATUS } from './strings.js';
import type { Methodology, MethodologyVersion } from './types.js';

/** The parameters of a methodology in a readable form: sections, Russian labels, indicators with directions. */
export function MethodologyParameters({ doc, current }: { doc: Methodology; current?: Methodology }) {
  const rows = parameterRows(doc);
  // Against the current version (for a draft or an archived one): what a run of this version changes.
  const was = current ? parameterRows(current) : null;
  const differs = (i: number) => was !== null && was[i]?.[2] !== rows[i]?.[2];
  const changed = was ? rows.filter((_, i) => differs(i)).length : 0;
  const indicatorsDiffer =
    current !== undefined && JSON.stringify(current.indicators) !== JSON.stringify(doc.indicators);
  return (
    <Stack gap="sm">
      {doc.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {doc.description}
        </Text>
      )}
      {was && (
        <Text
          size="sm"
          c={changed || indicatorsDiffer ? 'orange.9' : 'dimmed'}
          data-testid="methodology-diff"
        >
          {changed || indicatorsDiffer
            ? `Отличия от текущей версии выделены: параметров — ${changed}${indicatorsDiffer ? ', показатели ИСБШ изменены' : ''}.`
            : 'Параметры совпадают с текущей версией.'}
        </Text>
      )}
      <Table withTableBorder verticalSpacing={4} data-testid="methodology-params">
        <Table.Tbody>
          {rows.map(([section, label, value], i) => (
            <Table.Tr
              key={label}
              bg={differs(i) ? 'orange.0' : undefined}
              data-changed={differs(i) || undefined}
            >
              <Table.Td w={150} c="dimmed" fz="xs">
                {rows[i - 1]?.[0] === section ? '' : section}
              </Table.Td>
              <Table.Td fz="sm">{label}</Table.Td>
              <Table.Td fz="sm" fw={600} w={160}>
                {value}
                {differs(i) && (
                  <Text span fz="xs" fw={400} c="dimmed" display="block">
                    в текущей: {was?.[i]?.[2]}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} size="sm">
        Показатели индекса социального благополучия (ИСБШ)
      </Text>
      <Table withTableBorder verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Показатель</Table.Th>
            <Table.Th>Столбец context.csv</Table.Th>
            <Table.Th>Направление</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {doc.indicators.map((ind) => (
            <Table.Tr key={ind.name}>
              <Table.Td fz="sm">{INDICATOR_LABELS[ind.name] ?? ind.name}</Table.Td>
              <Table.Td>
                <Code>{ind.name}</Code>
              </Table.Td>
              <Table.Td>
                <Badge color={ind.direction === 1 ? 'teal' : 'red'} variant="light">
                  {ind.direction === 1 ? '+1: больше — лучше' : '−1: больше — хуже'}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function MethodologyModal({
  m,
  current,
  onClose,
}: {
  m: MethodologyVersion | null;
  /** The region's current version: a draft or an archived version is shown with its differences from it. */
  current?: MethodologyVersion;
  onClose: () => void;
}) {
  const against = m && current && current.id !== m.id ? current.document : undefined;
  return (
    <Modal
      opened={m !== null}
      onClose={onClose}
      size="xl"
      title={m ? `${m.name} — ${m.code}, версия ${m.version}` : ''}
    >
      {m && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            <StatusBadge value={METHODOLOGY_STATUS[m.status]} /> создана {formatDateTime(m.createdAt)}
            {m.createdBy ? `, ${m.createdBy.fullName}` : ''}
          </Text>
          <Tabs defaultValue="params">
            <Tabs.List>
              <Tabs.Tab value="params">Параметры</Tabs.Tab>
              <Tabs.Tab value="json">JSON</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="params" pt="sm">
              <MethodologyParameters doc={m.document} current={against} />
            </Tabs.Panel>
            <Tabs.Panel value="json" pt="sm">
              <ScrollArea.Autosize mah={520}>
                <Code block data-testid="methodology-json">
                  {JSON.stringify(m.document, null, 2)}
                </Code>
              </ScrollArea.Autosize>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Modal>
  );
}
