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
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type FormColumn,
  type FormField,
  type FormSection,
  formSchema,
  type MonitoringForm,
} from '../../modules/monitoring/form.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { FormFields } from './form-fields.js';
import { M } from './strings.js';

// The form builder of a draft monitoring: sections and fields added, moved and removed, each field's kind,
// label, hint, bounds and options; a preview as the participant will see it. Saved whole (PATCH with the
// version); the same Zod definition checks it here and on the server.

const KINDS = [
  { value: 'number', label: 'Число' },
  { value: 'percentage', label: 'Процент (0–100)' },
  { value: 'choice', label: 'Выбор' },
  { value: 'text', label: 'Текст' },
  { value: 'table', label: 'Таблица' },
];
const COLUMN_KINDS = KINDS.filter((k) => ['number', 'text', 'choice'].includes(k.value));

const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const move = <T,>(list: T[], i: number, by: number): T[] => {
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

function FieldEditor(props: {
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

export function FormBuilder(props: { monitoringId: string; version: number; form: MonitoringForm }) {
  const qc = useQueryClient();
  const [form, setForm] = useState<MonitoringForm>(props.form);
  const [preview, setPreview] = useState(false);
  const parsed = formSchema.safeParse(form);
  const problem = parsed.success ? null : parsed.error.issues[0]?.message;
  const setSection = (i: number, s: FormSection) =>
    setForm({ sections: form.sections.map((x, k) => (k === i ? s : x)) });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/monitorings/{id}', {
          params: { path: { id: props.monitoringId } },
          body: { version: props.version, form },
        }),
      ),
    onSuccess: (data) => {
      notifyOk(M.formSaved);
      qc.setQueryData(['monitoring', props.monitoringId], data);
    },
    onError: notifyError,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>{preview ? M.preview : M.builder}</Title>
        <Group>
          <Button variant="default" onClick={() => setPreview(!preview)} data-testid="builder-preview">
            {preview ? 'Вернуться к конструктору' : 'Предпросмотр'}
          </Button>
          <Button
            onClick={() => save.mutate()}
            disabled={!parsed.success}
            loading={save.isPending}
            data-testid="builder-save"
          >
            {M.saveForm}
          </Button>
        </Group>
      </Group>
      {problem && (
        <Text c="red" size="sm">
          {problem}
        </Text>
      )}
      {preview ? (
        <FormFields form={form} values={{}} errors={{}} readOnly={false} onChange={() => {}} />
      ) : (
        <>
          {form.sections.map((s, si) => (
            <Paper key={s.id} withBorder p="md" data-testid="builder-section">
              <Stack>
                <Group align="flex-end" wrap="nowrap">
                  <TextInput
                    label={`Раздел ${si + 1}`}
                    value={s.title}
                    onChange={(e) => setSection(si, { ...s, title: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    aria-label="Раздел выше"
                    onClick={() => setForm({ sections: move(form.sections, si, -1) })}
                  >
                    ↑
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label="Раздел ниже"
                    onClick={() => setForm({ sections: move(form.sections, si, 1) })}
                  >
                    ↓
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label="Удалить раздел"
                    onClick={() => setForm({ sections: form.sections.filter((_, k) => k !== si) })}
                  >
                    ×
                  </ActionIcon>
                </Group>
                {s.fields.map((f, fi) => (
                  <FieldEditor
                    key={f.id}
                    field={f}
                    set={(nf) =>
                      setSection(si, { ...s, fields: s.fields.map((x, k) => (k === fi ? nf : x)) })
                    }
                    remove={() => setSection(si, { ...s, fields: s.fields.filter((_, k) => k !== fi) })}
                    up={() => setSection(si, { ...s, fields: move(s.fields, fi, -1) })}
                    down={() => setSection(si, { ...s, fields: move(s.fields, fi, 1) })}
                  />
                ))}
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    data-testid="builder-add-field"
                    onClick={() =>
                      setSection(si, {
                        ...s,
                        fields: [
                          ...s.fields,
                          { id: newId('f'), kind: 'number', label: 'Новый вопрос', required: false },
                        ],
                      })
                    }
                  >
                    Добавить поле
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ))}
          <Group>
            <Button
              variant="light"
              data-testid="builder-add-section"
              onClick={() =>
                setForm({
                  sections: [...form.sections, { id: newId('s'), title: 'Новый раздел', fields: [] }],
                })
              }
            >
              Добавить раздел
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
