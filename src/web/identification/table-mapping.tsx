import { Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { TABLE_FIELD_LABELS } from './strings.js';
import type { TableAnalysisResult, TableMapping } from './types.js';

// The mapping step of an assessment table (issue 16 §1): each column of the file with its header text and a
// few values, the field it carries (recognised ones pre-selected) and, in a wide table, its group; what the
// file does not say (year, procedure, subject, grade) is set below. Every change is re-analysed by the
// dialog (live preview).

type Field = TableMapping['columns'][number]['field'];
const FIELD_OPTIONS = Object.entries(TABLE_FIELD_LABELS).map(([value, label]) => ({ value, label }));
const SAMPLES = 3;

/** Header text and sample values of each column, from the analysis' preview of the sheet. */
function columnsOf(a: TableAnalysisResult['analysis'], mapping: TableMapping) {
  const headers = new Set(mapping.headerRows);
  const width = Math.max(0, ...a.preview.map((r) => r.cells.length));
  const last = Math.max(0, ...mapping.headerRows);
  return Array.from({ length: width }, (_, i) => {
    const header = a.preview
      .filter((r) => headers.has(r.row))
      .map((r) => r.cells[i]?.trim() ?? '')
      .filter((x, k, all) => x !== '' && all.indexOf(x) === k)
      .join(' / ');
    const samples = a.preview
      .filter((r) => r.row > last)
      .map((r) => r.cells[i]?.trim() ?? '')
      .filter((x) => x !== '')
      .slice(0, SAMPLES);
    return { column: i + 1, header, samples };
  });
}

const numberOrNull = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const textOrNull = (v: string) => (v.trim() === '' ? null : v.trim());

export function TableMappingStep({
  analysis,
  mapping,
  onChange,
}: {
  analysis: TableAnalysisResult['analysis'];
  mapping: TableMapping;
  onChange: (m: TableMapping) => void;
}) {
  const cols = columnsOf(analysis, mapping);
  const at = new Map(mapping.columns.map((c) => [c.column, c]));
  const setColumn = (column: number, patch: Partial<{ field: Field; group: number | null }>) => {
    const current = at.get(column) ?? { column, field: 'ignore' as Field, group: null };
    const next = { ...current, ...patch };
    const columns = [...mapping.columns.filter((c) => c.column !== column), next].sort(
      (a, b) => a.column - b.column,
    );
    const groups = [...mapping.groups];
    for (const c of columns) {
      while (c.group !== null && groups.length <= c.group)
        groups.push({ assessment: null, subject: null, grade: null });
    }
    onChange({ ...mapping, columns, groups });
  };
  const setGroup = (g: number, patch: Partial<TableMapping['groups'][number]>) =>
    onChange({ ...mapping, groups: mapping.groups.map((x, k) => (k === g ? { ...x, ...patch } : x)) });
  const fixed = mapping.fixed;
  const setFixed = (patch: Partial<TableMapping['fixed']>) =>
    onChange({ ...mapping, fixed: { ...fixed, ...patch } });
  const wide = mapping.layout === 'wide';
  const top = Math.min(...mapping.headerRows);
  const bottom = Math.max(...mapping.headerRows);
  // The header's rows are a range the user may move when the recogniser took a title or a territory
  // row for it (the contract allows up to ten rows).
  const setHeader = (from: number | null, to: number | null) => {
    if (from === null || to === null || from < 1 || to < from || to - from >= 10) return;
    onChange({ ...mapping, headerRows: Array.from({ length: to - from + 1 }, (_, k) => from + k) });
  };
  return (
    <Stack gap="xs" data-testid="table-mapping">
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          size="xs"
          value={mapping.layout}
          onChange={(v) => onChange({ ...mapping, layout: v as TableMapping['layout'] })}
          data={[
            { value: 'long', label: 'Строка на школу и процедуру' },
            { value: 'wide', label: 'Строка на школу' },
          ]}
        />
        <Group gap={4} wrap="nowrap" align="center">
          <Text size="xs">Заголовок таблицы: строки с</Text>
          <NumberInput
            size="xs"
            w={70}
            min={1}
            aria-label="Первая строка заголовка"
            value={top}
            onChange={(v) => setHeader(numberOrNull(v), Math.max(bottom, numberOrNull(v) ?? bottom))}
            data-testid="table-header-from"
          />
          <Text size="xs">по</Text>
          <NumberInput
            size="xs"
            w={70}
            min={1}
            aria-label="Последняя строка заголовка"
            value={bottom}
            onChange={(v) => setHeader(top, numberOrNull(v))}
            data-testid="table-header-to"
          />
        </Group>
        {analysis.sheets.length > 1 && (
          <Select
            size="xs"
            aria-label="Лист"
            value={mapping.sheet}
            data={analysis.sheets.map((s) => s.name ?? '').filter(Boolean)}
            onChange={(v) => onChange({ ...mapping, sheet: v })}
          />
        )}
      </Group>
      <Group gap="xs" wrap="wrap" align="flex-end">
        <NumberInput
          label="Год"
          w={100}
          min={2000}
          max={2100}
          value={fixed.year ?? ''}
          onChange={(v) => setFixed({ year: numberOrNull(v) })}
          data-testid="table-fixed-year"
        />
        <TextInput
          label="Процедура"
          w={120}
          placeholder="ВПР, ОГЭ…"
          value={fixed.assessment ?? ''}
          onChange={(e) => setFixed({ assessment: textOrNull(e.currentTarget.value) })}
        />
        <TextInput
          label="Предмет"
          w={180}
          value={fixed.subject ?? ''}
          onChange={(e) => setFixed({ subject: textOrNull(e.currentTarget.value) })}
        />
        <NumberInput
          label="Класс"
          w={80}
          min={1}
          max={11}
          value={fixed.grade ?? ''}
          onChange={(v) => setFixed({ grade: numberOrNull(v) })}
        />
      </Group>
      <Table.ScrollContainer minWidth={560} mah={320}>
        <Table withTableBorder stickyHeader verticalSpacing={2} fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>№</Table.Th>
              <Table.Th>Заголовок</Table.Th>
              <Table.Th>Значения</Table.Th>
              <Table.Th w={220}>Поле</Table.Th>
              {wide && <Table.Th w={80}>Группа</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cols.map((c) => {
              const m = at.get(c.column);
              return (
                <Table.Tr key={c.column} data-testid={`table-column-${c.column}`}>
                  <Table.Td>{c.column}</Table.Td>
                  <Table.Td>{c.header || '—'}</Table.Td>
                  <Table.Td c="dimmed">{c.samples.join('; ')}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={`Поле столбца ${c.column}`}
                      data={FIELD_OPTIONS}
                      value={m?.field ?? 'ignore'}
                      onChange={(v) => setColumn(c.column, { field: (v ?? 'ignore') as Field })}
                      searchable
                    />
                  </Table.Td>
                  {wide && (
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        aria-label={`Группа столбца ${c.column}`}
                        min={1}
                        value={m?.group == null ? '' : m.group + 1}
                        onChange={(v) => setColumn(c.column, { group: typeof v === 'number' ? v - 1 : null })}
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {wide && mapping.groups.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Группы столбцов: процедура каждой группы
          </Text>
          {mapping.groups.map((g, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a group is its position in the mapping
            <Group key={k} gap="xs" wrap="wrap" data-testid={`table-group-${k + 1}`}>
              <Text size="sm" w={70}>
                Группа {k + 1}
              </Text>
              <TextInput
                size="xs"
                w={100}
                placeholder="Процедура"
                value={g.assessment ?? ''}
                onChange={(e) => setGroup(k, { assessment: textOrNull(e.currentTarget.value) })}
              />
              <TextInput
                size="xs"
                w={170}
                placeholder="Предмет"
                value={g.subject ?? ''}
                onChange={(e) => setGroup(k, { subject: textOrNull(e.currentTarget.value) })}
              />
              <NumberInput
                size="xs"
                w={80}
                placeholder="Класс"
                min={1}
                max={11}
                value={g.grade ?? ''}
                onChange={(v) => setGroup(k, { grade: numberOrNull(v) })}
              />
              <NumberInput
                size="xs"
                w={90}
                placeholder="Год"
                aria-label={`Год группы ${k + 1}`}
                min={2000}
                max={2100}
                value={g.year ?? ''}
                onChange={(v) => setGroup(k, { year: numberOrNull(v) })}
              />
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
