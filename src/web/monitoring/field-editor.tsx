import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import type { FormColumn, FormField } from '../../modules/monitoring/form.js';

// The builder's editor of one field: its kind, label, hint, bounds, options and table columns.

const KINDS = [
  { value: 'number', label: 'Число' },
  { value: 'percentage', label: 'Процент (0–100)' },
  { value: 'choice', label: 'Выбор' },
  { value: 'text', label: 'Текст' },
  { value: 'table', label: 'Таблица' },
];
const COLUMN_KINDS = KINDS.filter((k) => ['number', 'text', 'choice'].includes(k.value));

export const newId = (prefix: string) =>
  `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
export const move = <T,>(list: T[], i: number, by: number): T[] => {
  const j = i + by;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j] as T, out[i] as T];
  return out;
};
/** Options are typed one a line; their codes are kept when a label is only edited. */
const optionsOf = (text: string, old: { value: string; label: string }[] = []) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label, i) => ({
      value: old.find((o) => o.label === label)?.value ?? `o${i + 1}_${newId('')}`,
      label,
    }));

function OptionsEditor(props: {
  options: { value: string; label: string }[] | undefined;
  onChange: (o: { value: string; label: string }[]) => void;
}) {
  const [text, setText] = useState((props.options ?? []).map((o) => o.label).join('\n'));
  return (
    <Textarea
      label="Варианты ответа (по одному в строке)"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        props.onChange(optionsOf(e.currentTarget.value, props.options));
      }}
      autosize
      minRows={2}
    />
  );
}

function ColumnsEditor({ field, set }: { field: FormField; set: (f: FormField) => void }) {
  const columns = field.columns ?? [];
  const setCol = (i: number, c: FormColumn) =>
    set({ ...field, columns: columns.map((x, k) => (k === i ? c : x)) });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Столбцы таблицы
      </Text>
      {columns.map((c, i) => (
        <Group key={c.id} align="flex-end" wrap="nowrap">
          <TextInput
            label="Столбец"
            value={c.label}
            onChange={(e) => setCol(i, { ...c, label: e.currentTarget.value })}
          />
          <Select
            label="Вид"
            data={COLUMN_KINDS}
            value={c.kind}
            onChange={(v) => setCol(i, { ...c, kind: (v ?? 'text') as FormColumn['kind'] })}
            w={140}
          />
          {c.kind === 'choice' && (
            <OptionsEditor options={c.options} onChange={(options) => setCol(i, { ...c, options })} />
          )}
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label="Удалить столбец"
            onClick={() => set({ ...field, columns: columns.filter((_, k) => k !== i) })}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          onClick={() =>
            set({ ...field, columns: [...columns, { id: newId('c'), kind: 'text', label: 'Новый столбец' }] })
          }
        >
          Добавить столбец
        </Button>
      </Group>
    </Stack>
  );
}

export function FieldEditor(props: {
  field: FormField;
  set: (f: FormField) => void;
  remove: () => void;
  up: () => void;
  down: () => void;
}) {
  const { field, set } = props;
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="builder-field">
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Вопрос"
            value={field.label}
            onChange={(e) => set({ ...field, label: e.currentTarget.value })}
            style={{ flex: 1 }}
            data-testid="builder-field-label"
          />
          <Select
            label="Вид поля"
            data={KINDS}
            value={field.kind}
            onChange={(v) => set({ ...field, kind: (v ?? 'text') as FormField['kind'] })}
            w={170}
          />
          <Checkbox
            label="Обязательное"
            checked={field.required === true}
            onChange={(e) => set({ ...field, required: e.currentTarget.checked })}
            mb={8}
          />
          <ActionIcon variant="subtle" aria-label="Выше" onClick={props.up}>
            ↑
          </ActionIcon>
          <ActionIcon variant="subtle" aria-label="Ниже" onClick={props.down}>
            ↓
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" aria-label="Удалить поле" onClick={props.remove}>
            ×
          </ActionIcon>
        </Group>
        <TextInput
          label="Подсказка"
          value={field.hint ?? ''}
          onChange={(e) => set({ ...field, hint: e.currentTarget.value || undefined })}
        />
        {(field.kind === 'number' || field.kind === 'percentage') && (
          <Group>
            <NumberInput
              label="Не меньше"
              value={field.min ?? ''}
              onChange={(v) => set({ ...field, min: v === '' ? undefined : Number(v) })}
              w={140}
            />
            <NumberInput
              label="Не больше"
              value={field.max ?? ''}
              onChange={(v) => set({ ...field, max: v === '' ? undefined : Number(v) })}
              w={140}
            />
            {field.kind === 'number' && (
              <Checkbox
                label="Только целые"
                checked={field.integer === true}
                onChange={(e) => set({ ...field, integer: e.currentTarget.checked })}
                mt={24}
              />
            )}
          </Group>
        )}
        {field.kind === 'text' && (
          <NumberInput
            label="Наибольшая длина ответа"
            value={field.maxLength ?? ''}
            onChange={(v) => set({ ...field, maxLength: v === '' ? undefined : Number(v) })}
            w={220}
          />
        )}
        {field.kind === 'choice' && (
          <Group align="flex-end">
            <OptionsEditor options={field.options} onChange={(options) => set({ ...field, options })} />
            <Checkbox
              label="Можно выбрать несколько"
              checked={field.multiple === true}
              onChange={(e) => set({ ...field, multiple: e.currentTarget.checked })}
              mb={8}
            />
          </Group>
        )}
        {field.kind === 'table' && <ColumnsEditor field={field} set={set} />}
      </Stack>
    </Paper>
  );
}
