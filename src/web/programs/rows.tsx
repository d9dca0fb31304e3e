import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';

// One editor and one reader for every list of a document (tasks, indicators, measures, responsible
// persons, partners, sections): a row is a card, which reads at 390 px as well as on a wide screen.

export type FieldSpec = {
  name: string;
  label: string;
  multiline?: boolean;
  options?: { value: string; label: string }[];
  /** the row's heading in the reader */
  main?: boolean;
};
type Row = { key: string } & Record<string, string>;

const newKey = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

export function RowsEditor<T extends { key: string }>({
  title,
  rows,
  fields,
  prefix,
  onChange,
  addLabel,
  extra,
  testId,
}: {
  title: string;
  rows: T[];
  fields: FieldSpec[];
  prefix: string;
  onChange: (rows: T[]) => void;
  addLabel: string;
  extra?: (row: T) => ReactNode;
  testId: string;
}) {
  const set = (i: number, name: string, value: string) =>
    onChange(rows.map((r, k) => (k === i ? ({ ...r, [name]: value } as T) : r)));
  const blank = () =>
    ({ key: newKey(prefix), ...Object.fromEntries(fields.map((f) => [f.name, ''])) }) as unknown as T;
  return (
    <Stack gap="xs" data-testid={testId}>
      <Text fw={600}>{title}</Text>
      {rows.map((r, i) => {
        const row = r as unknown as Row;
        return (
          <Paper key={r.key} withBorder p="sm">
            <Group justify="space-between" mb={4} wrap="nowrap">
              <Text size="sm" c="dimmed">
                {i + 1}
              </Text>
              <Group gap={4} wrap="nowrap">
                {extra?.(r)}
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label="Удалить строку"
                  onClick={() => onChange(rows.filter((_, k) => k !== i))}
                >
                  ✕
                </ActionIcon>
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, sm: fields.length > 2 ? 2 : 1 }} spacing="xs">
              {fields.map((f) =>
                f.options ? (
                  <Select
                    key={f.name}
                    label={f.label}
                    data={f.options}
                    value={row[f.name] || null}
                    onChange={(v) => set(i, f.name, v ?? '')}
                    clearable
                  />
                ) : f.multiline ? (
                  <Textarea
                    key={f.name}
                    label={f.label}
                    value={row[f.name] ?? ''}
                    onChange={(e) => set(i, f.name, e.currentTarget.value)}
                    autosize
                    minRows={1}
                    style={f.main ? { gridColumn: '1 / -1' } : undefined}
                  />
                ) : (
                  <TextInput
                    key={f.name}
                    label={f.label}
                    value={row[f.name] ?? ''}
                    onChange={(e) => set(i, f.name, e.currentTarget.value)}
                  />
                ),
              )}
            </SimpleGrid>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...rows, blank()])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export function RowsView<T extends { key: string }>({
  title,
  rows,
  fields,
  extra,
  testId,
}: {
  title: string;
  rows: T[];
  fields: FieldSpec[];
  extra?: (row: T) => ReactNode;
  testId: string;
}) {
  if (rows.length === 0) return null;
  const main = fields.find((f) => f.main) ?? fields[0];
  return (
    <Stack gap="xs" data-testid={testId}>
      <Text fw={600}>{title}</Text>
      {rows.map((r, i) => {
        const row = r as unknown as Row;
        const details = fields.filter((f) => f !== main && row[f.name]);
        return (
          <Paper key={r.key} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Text fw={500} style={{ whiteSpace: 'pre-wrap' }}>
                {i + 1}. {main ? row[main.name] : ''}
              </Text>
              <Group gap={4} wrap="nowrap">
                {extra?.(r)}
              </Group>
            </Group>
            {details.map((f) => (
              <Text key={f.name} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span c="dimmed" size="sm">
                  {f.label}:{' '}
                </Text>
                {f.options?.find((o) => o.value === row[f.name])?.label ?? row[f.name]}
              </Text>
            ))}
          </Paper>
        );
      })}
    </Stack>
  );
}

export function CountBadge({ n, onClick }: { n: number; onClick: () => void }) {
  return n > 0 ? (
    <Badge color="orange" variant="light" style={{ cursor: 'pointer' }} onClick={onClick} title="Комментарии">
      {n} комм.
    </Badge>
  ) : null;
}
