import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormColumn, FormField, MonitoringForm } from '../../modules/monitoring/form.js';

// A monitoring form on screen: the participant fills it, the reviewer and the owner read it, the builder
// previews it. Values are the answers' own shapes (numbers, strings, arrays, table rows); the messages
// under the fields come from the one validator (modules/monitoring/validate-answers.ts).

export type Values = Record<string, unknown>;
type Row = Record<string, unknown>;

type Props = {
  form: MonitoringForm;
  values: Values;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (fieldId: string, value: unknown) => void;
};

const numberOf = (v: string | number) => (v === '' ? undefined : typeof v === 'number' ? v : Number(v));

function NumberBox(props: {
  label?: string;
  value: unknown;
  error?: string;
  readOnly: boolean;
  percentage?: boolean;
  required?: boolean;
  onChange: (v: number | undefined) => void;
  testId: string;
}) {
  return (
    <NumberInput
      label={props.label}
      value={typeof props.value === 'number' ? props.value : ''}
      onChange={(v) => props.onChange(numberOf(v))}
      error={props.error}
      readOnly={props.readOnly}
      withAsterisk={props.required}
      decimalSeparator=","
      suffix={props.percentage ? ' %' : undefined}
      hideControls
      data-testid={props.testId}
    />
  );
}

function TableField({
  field,
  value,
  errors,
  readOnly,
  onChange,
}: {
  field: FormField;
  value: unknown;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (v: Row[]) => void;
}) {
  const rows = Array.isArray(value) ? (value as Row[]) : [];
  const columns = field.columns ?? [];
  const set = (i: number, col: FormColumn, v: unknown) =>
    onChange(rows.map((r, k) => (k === i ? { ...r, [col.id]: v } : r)));
  const cell = (i: number, col: FormColumn) => {
    const err = errors[`${field.id}.${i}.${col.id}`];
    const v = rows[i]?.[col.id];
    const testId = `cell-${field.id}-${i}-${col.id}`;
    if (col.kind === 'number')
      return (
        <NumberBox
          value={v}
          error={err}
          readOnly={readOnly}
          onChange={(x) => set(i, col, x)}
          testId={testId}
        />
      );
    if (col.kind === 'choice')
      return (
        <Select
          data={(col.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={typeof v === 'string' ? v : null}
          onChange={(x) => set(i, col, x ?? '')}
          error={err}
          readOnly={readOnly}
          clearable
          data-testid={testId}
        />
      );
    return (
      <TextInput
        value={typeof v === 'string' ? v : ''}
        onChange={(e) => set(i, col, e.currentTarget.value)}
        error={err}
        readOnly={readOnly}
        data-testid={testId}
      />
    );
  };
  return (
    <Stack gap={4}>
      <Text fw={500} size="sm">
        {field.label}
        {field.required ? (
          <Text span c="red">
            {' '}
            *
          </Text>
        ) : null}
      </Text>
      {field.hint ? (
        <Text size="xs" c="dimmed">
          {field.hint}
        </Text>
      ) : null}
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>№</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.id}>{c.label}</Table.Th>
            ))}
            {!readOnly && <Table.Th w={40} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
            <Table.Tr key={i}>
              <Table.Td>{i + 1}</Table.Td>
              {columns.map((c) => (
                <Table.Td key={c.id}>{cell(i, c)}</Table.Td>
              ))}
              {!readOnly && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label="Удалить строку"
                    onClick={() => onChange(rows.filter((__, k) => k !== i))}
                  >
                    ×
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          Строк нет
        </Text>
      )}
      {errors[field.id] ? (
        <Text size="xs" c="red">
          {errors[field.id]}
        </Text>
      ) : null}
      {!readOnly && rows.length < (field.maxRows ?? 100) && (
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange([...rows, {}])}
            data-testid={`add-row-${field.id}`}
          >
            Добавить строку
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function Field({
  field,
  value,
  errors,
  readOnly,
  onChange,
}: {
  field: FormField;
  value: unknown;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (v: unknown) => void;
}) {
  const error = errors[field.id];
  const common = {
    label: field.label,
    description: field.hint,
    withAsterisk: field.required,
    error,
    readOnly,
  };
  const testId = `field-${field.id}`;
  switch (field.kind) {
    case 'number':
    case 'percentage':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(numberOf(v))}
          decimalSeparator=","
          suffix={field.kind === 'percentage' ? ' %' : undefined}
          hideControls
          maw={480}
          data-testid={testId}
        />
      );
    case 'text':
      return (field.maxLength ?? 2000) > 200 ? (
        <Textarea
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
          data-testid={testId}
        />
      ) : (
        <TextInput
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          data-testid={testId}
        />
      );
    case 'choice':
      return field.multiple ? (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(v) => !readOnly && onChange(v)}
          data-testid={testId}
        >
          <Group mt={4}>
            {(field.options ?? []).map((o) => (
              <Checkbox key={o.value} value={o.value} label={o.label} disabled={readOnly} />
            ))}
          </Group>
        </Checkbox.Group>
      ) : (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label }))}
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v ?? '')}
          clearable
          maw={480}
          data-testid={testId}
        />
      );
    case 'table':
      return (
        <TableField field={field} value={value} errors={errors} readOnly={readOnly} onChange={onChange} />
      );
  }
}

export function FormFields({ form, values, errors, readOnly, onChange }: Props) {
  return (
    <Stack>
      {form.sections.map((s, i) => (
        <Paper key={s.id} withBorder p="md">
          <Title order={4} mb="sm">
            {i + 1}. {s.title}
          </Title>
          <Stack>
            {s.fields.map((f) => (
              <Field
                key={f.id}
                field={f}
                value={values[f.id]}
                errors={errors}
                readOnly={readOnly}
                onChange={(v) => onChange(f.id, v)}
              />
            ))}
            {s.fields.length === 0 && <Text c="dimmed">В разделе нет полей</Text>}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
