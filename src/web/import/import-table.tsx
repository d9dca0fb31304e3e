import { ActionIcon, Checkbox, Menu, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { periodHint, sectionTitle } from '../roadmap/format.js';
import { FIELD_LABELS, S } from '../roadmap/strings.js';
import { EditableCell } from './editable-cell.js';
import { type CellField, cellText, type DraftRoadmap, type DraftRow, LEVELS, type RowPath } from './model.js';
import type { ImportAction } from './use-import-state.js';

type Marks = {
  errors: Record<string, string>;
  /** Rows with a warning not dealt with yet, and the rows of the warning the user clicked. */
  warned: Set<string>;
  focused: Set<string>;
  withWarnings: Set<string>;
};

type Props = Marks & { roadmap: DraftRoadmap; r: number; dispatch: (a: ImportAction) => void };

const th = { verticalAlign: 'middle', textAlign: 'center' } as const;

/** The recognised table, laid out as the roadmap table is, every cell editable in place. */
export function ImportTable({ roadmap, r, dispatch, ...marks }: Props) {
  const rows = roadmap.sections.flatMap((s) => s.items.flatMap((i) => [i, ...i.subItems]));
  const showLevel = rows.some((i) => i.level);
  const showDescription = rows.some((i) => i.description);
  const colSpan = 6 + (showLevel ? 1 : 0);
  const row = (x: DraftRow, path: RowPath) => (
    <ImportRow
      key={x.key}
      row={x}
      path={path}
      last={roadmap.sections.length - 1}
      showLevel={showLevel}
      showDescription={showDescription}
      dispatch={dispatch}
      {...marks}
    />
  );
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={6}
        horizontalSpacing="xs"
        style={{ tableLayout: 'fixed' }}
      >
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w={64} style={th}>
              {FIELD_LABELS.number}
            </Table.Th>
            <Table.Th style={th}>{FIELD_LABELS.measure}</Table.Th>
            {showLevel && (
              <Table.Th w={132} style={th}>
                {FIELD_LABELS.level}
              </Table.Th>
            )}
            <Table.Th w={150} style={th}>
              Сроки
            </Table.Th>
            <Table.Th w="16%" style={th}>
              {FIELD_LABELS.responsibleText}
            </Table.Th>
            <Table.Th w="18%" style={th}>
              {FIELD_LABELS.indicator}
            </Table.Th>
            <Table.Th w={128} style={th}>
              <Text size="xs" c="dimmed">
                Проверка
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ verticalAlign: 'top' }}>
          {roadmap.sections.map((s, si) => (
            <Fragment key={s.key}>
              <Table.Tr bg="gray.1">
                <Table.Td colSpan={colSpan}>
                  <Text fw={700} size="sm" c={sectionTitle(s) ? undefined : 'dimmed'}>
                    {sectionTitle(s) ?? S.untitledSection}
                  </Text>
                </Table.Td>
              </Table.Tr>
              {s.items.map((item, ii) => (
                <Fragment key={item.key}>
                  {row(item, { r, s: si, i: ii, sub: null })}
                  {item.subItems.map((sub, k) => row(sub, { r, s: si, i: ii, sub: k }))}
                </Fragment>
              ))}
              {s.items.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={colSpan}>
                    <Text size="sm" c="dimmed">
                      {S.noItems}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type RowProps = Marks & {
  row: DraftRow;
  path: RowPath;
  last: number;
  showLevel: boolean;
  showDescription: boolean;
  dispatch: (a: ImportAction) => void;
};

function ImportRow({ row, path, last, showLevel, showDescription, dispatch, ...marks }: RowProps) {
  const sub = path.sub !== null;
  const id = [path.r, path.s, path.i, ...(sub ? [path.sub] : [])].join('-');
  const where = row.number ? `, пункт ${row.number}` : '';
  const cell = (field: CellField, extra: Partial<Parameters<typeof EditableCell>[0]> = {}) => (
    <EditableCell
      value={cellText(row, field)}
      onSave={(value) => dispatch({ type: 'cell', path, field, value })}
      label={`${CELL_LABELS[field]}${where}`}
      error={marks.errors[`${row.key}:${field}`]}
      {...extra}
    />
  );
  const hint = periodHint({
    deadlineText: row.deadline.text,
    periodFrom: row.deadline.from,
    periodTo: row.deadline.to,
    recurrence: row.deadline.recurrence,
    dueDate: null,
  });
  const className = marks.focused.has(row.key)
    ? 'import-row-focused'
    : marks.warned.has(row.key)
      ? 'import-row-warned'
      : undefined;
  return (
    <Table.Tr data-testid={`import-row-${id}`} data-row-key={row.key} className={className}>
      <Table.Td>
        {sub ? (
          <Text size="sm" c="dimmed" ta="right" title="Подпункт">
            ↳
          </Text>
        ) : (
          cell('number', { placeholder: '' })
        )}
      </Table.Td>
      <Table.Td pl={sub ? 28 : undefined}>
        {cell('measure', { bold: false })}
        {(showDescription || row.description) && (
          <div style={{ marginTop: 6 }}>
            {cell('description', { size: 'xs', dimmed: true, placeholder: '' })}
          </div>
        )}
      </Table.Td>
      {showLevel && <Table.Td>{cell('level', { options: LEVELS, placeholder: '' })}</Table.Td>}
      <Table.Td>
        {cell('deadline')}
        {hint && (
          <Text size="xs" c="dimmed" mt={4}>
            {hint}
          </Text>
        )}
        {row.deadlineNotes.map((n) => (
          <Text key={n} size="xs" c="orange.8" mt={4}>
            {n}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>{cell('responsible')}</Table.Td>
      <Table.Td>{cell('indicator')}</Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          {marks.withWarnings.has(row.key) && (
            <Checkbox
              size="xs"
              label="Проверено"
              checked={row.checked}
              onChange={(e) => dispatch({ type: 'check', path, checked: e.currentTarget.checked })}
            />
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Действия со строкой${where}`}>
                ⋮
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              {!sub && (
                <>
                  <Menu.Item
                    disabled={path.s === 0}
                    onClick={() => dispatch({ type: 'move', path, dir: -1 })}
                  >
                    В предыдущий раздел
                  </Menu.Item>
                  <Menu.Item
                    disabled={path.s >= last}
                    onClick={() => dispatch({ type: 'move', path, dir: 1 })}
                  >
                    В следующий раздел
                  </Menu.Item>
                  <Menu.Divider />
                </>
              )}
              <Menu.Item color="red" onClick={() => dispatch({ type: 'delete', path })}>
                {sub ? 'Удалить подпункт' : 'Удалить строку'}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

const CELL_LABELS: Record<CellField, string> = {
  number: FIELD_LABELS.number ?? '№',
  measure: FIELD_LABELS.measure ?? 'Мероприятие',
  description: FIELD_LABELS.description ?? 'Описание',
  level: FIELD_LABELS.level ?? 'Уровень',
  deadline: FIELD_LABELS.deadlineText ?? 'Срок',
  responsible: FIELD_LABELS.responsibleText ?? 'Ответственные',
  indicator: FIELD_LABELS.indicator ?? 'Показатель',
};
