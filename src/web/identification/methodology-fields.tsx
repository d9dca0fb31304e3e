import { ActionIcon, Button, Group, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { fieldLabel, INDICATOR_LABELS } from './methodology-labels.js';
import type { Methodology } from './types.js';

// Inputs of the methodology editor: shares are edited in per cent, counts as whole numbers.

export type FieldErrors = Record<string, string>;

type NumProps = { path: string; value: number; onChange: (v: number) => void; errors: FieldErrors };

export function ShareInput({ path, value, onChange, errors }: NumProps) {
  return (
    <NumberInput
      label={fieldLabel(path)}
      value={Math.round(value * 10000) / 100}
      onChange={(v) => onChange(Math.round(Number(v) * 100) / 10000)}
      min={0}
      max={100}
      decimalScale={2}
      suffix=" %"
      error={errors[path]}
      data-testid={`m-${path}`}
    />
  );
}

export function IntInput({ path, value, onChange, errors, min = 0 }: NumProps & { min?: number }) {
  return (
    <NumberInput
      label={fieldLabel(path)}
      value={value}
      onChange={(v) => onChange(Math.trunc(Number(v)))}
      min={min}
      allowDecimal={false}
      error={errors[path]}
      data-testid={`m-${path}`}
    />
  );
}

type Indicator = Methodology['indicators'][number];

export function IndicatorsEditor({
  value,
  onChange,
  errors,
}: {
  value: Indicator[];
  onChange: (v: Indicator[]) => void;
  errors: FieldErrors;
}) {
  const set = (i: number, patch: Partial<Indicator>) =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        {fieldLabel('indicators')}
      </Text>
      {errors.indicators && (
        <Text size="xs" c="red">
          {errors.indicators}
        </Text>
      )}
      {value.map((ind, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, names may repeat while typing
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            placeholder="столбец context.csv"
            value={ind.name}
            onChange={(e) => set(i, { name: e.currentTarget.value })}
            error={errors[`indicators.${i}.name`]}
            description={INDICATOR_LABELS[ind.name]}
            style={{ flex: 1 }}
          />
          <Select
            value={String(ind.direction)}
            onChange={(v) => set(i, { direction: v === '-1' ? -1 : 1 })}
            data={[
              { value: '1', label: '+1: больше — лучше' },
              { value: '-1', label: '−1: больше — хуже' },
            ]}
            allowDeselect={false}
            w={200}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label="Удалить показатель"
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        onClick={() => onChange([...value, { name: '', direction: -1 }])}
      >
        Добавить показатель
      </Button>
    </Stack>
  );
}
