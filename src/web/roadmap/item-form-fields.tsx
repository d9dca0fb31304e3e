import {
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput, MonthPickerInput } from '@mantine/dates';
import type { ReactNode } from 'react';
import { LEVEL_LABELS } from '../shared/types.js';
import { parseRuDate } from './format.js';
import { unitLabel, useOrgUnits } from './hooks.js';
import type { ItemKey, ItemValues } from './item-values.js';
import { ProofRuleFields } from './proof-rule-fields.js';
import { COMPARATOR_LABELS, RECURRENCE_LABELS } from './strings.js';

const options = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));
const LEVELS = options(LEVEL_LABELS);
const RECURRENCES = options(RECURRENCE_LABELS);
const COMPARATORS = options(COMPARATOR_LABELS);

export type FieldsProps = {
  values: ItemValues;
  set: <K extends ItemKey>(k: K, v: ItemValues[K]) => void;
  errors: Record<string, string>;
  /** Per field: the value another user saved meanwhile, shown under the input after a conflict. */
  theirs: Partial<Record<ItemKey, string>>;
  /** The indicator is bound to coverage (issue 12 §4): its fact is computed, not typed. */
  boundFact?: boolean;
};

/** All the fields of a measure, grouped as the columns of the table. */
export function ItemFormFields({ values: v, set, errors, theirs, boundFact }: FieldsProps) {
  const units = useOrgUnits();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }));
  const hint = (k: ItemKey): ReactNode =>
    theirs[k] !== undefined ? (
      <Text span size="xs" c="orange.8" data-testid={`theirs-${k}`}>
        Сохранено другим пользователем: {theirs[k] || 'пусто'}
      </Text>
    ) : undefined;
  const text = (k: 'number' | 'deadlineText' | 'targetUnit') => ({
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value),
    error: errors[k],
    description: hint(k),
  });
  const area = (k: 'measure' | 'description' | 'responsibleText' | 'participants' | 'indicator') => ({
    value: v[k],
    onChange: (e: { currentTarget: { value: string } }) => set(k, e.currentTarget.value),
    error: errors[k],
    description: hint(k),
    autosize: true,
    minRows: 1,
    maxRows: 12,
  });
  const num = (x: string | number) => (typeof x === 'number' ? x : null);
  const ym = (x: string | null) => (x ? `${x}-01` : null);

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <TextInput label="№" {...text('number')} maw={120} data-testid="item-number" />
        <Select
          label="Уровень управления"
          data={LEVELS}
          value={v.level}
          onChange={(x) => set('level', x as ItemValues['level'])}
          clearable
          placeholder="не указан"
          description={hint('level')}
          error={errors.level}
        />
      </Group>
      <Textarea label="Мероприятие" required {...area('measure')} minRows={2} data-testid="item-measure" />
      <Textarea label="Описание" {...area('description')} />
      <Fieldset legend="Сроки" p="sm">
        <Stack gap="xs">
          <TextInput
            label="Срок, как в документе"
            placeholder="Февраль – март 2023 г., ежеквартально, по графику…"
            {...text('deadlineText')}
            description={
              hint('deadlineText') ??
              'Период и контрольная дата определятся по тексту, если не указать их ниже'
            }
            data-testid="item-deadline"
          />
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <MonthPickerInput
              label="С"
              value={ym(v.periodFrom)}
              onChange={(x) => set('periodFrom', x ? x.slice(0, 7) : null)}
              valueFormat="MMMM YYYY"
              clearable
              description={hint('periodFrom')}
              error={errors.periodFrom}
            />
            <MonthPickerInput
              label="По"
              value={ym(v.periodTo)}
              onChange={(x) => set('periodTo', x ? x.slice(0, 7) : null)}
              valueFormat="MMMM YYYY"
              clearable
              description={hint('periodTo')}
              error={errors.periodTo}
            />
            <Select
              label="Периодичность"
              data={RECURRENCES}
              value={v.recurrence}
              onChange={(x) => set('recurrence', x as ItemValues['recurrence'])}
              clearable
              description={hint('recurrence')}
            />
            <DateInput
              label="Контрольная дата"
              valueFormat="DD.MM.YYYY"
              dateParser={parseRuDate}
              value={v.dueDate}
              onChange={(x) => set('dueDate', x)}
              clearable
              description={hint('dueDate')}
              error={errors.dueDate}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <Fieldset legend="Ответственные" p="sm">
        <Stack gap="xs">
          <MultiSelect
            label="Организации"
            data={unitOptions}
            value={v.responsibleUnitIds}
            onChange={(x) => set('responsibleUnitIds', x)}
            searchable
            clearable
            limit={50}
            nothingFoundMessage={units.isPending ? 'Загрузка…' : 'Не найдено'}
            description={hint('responsibleUnitIds')}
            error={errors.responsibleUnitIds}
            data-testid="item-responsible-units"
          />
          <Textarea label="Ответственные (как в документе)" {...area('responsibleText')} />
          <Textarea label="Участники" {...area('participants')} />
        </Stack>
      </Fieldset>
      <Fieldset legend="Показатель" p="sm">
        <Stack gap="xs">
          <Textarea label="Индикативный показатель / ожидаемый результат" {...area('indicator')} />
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Select
              label="Цель"
              data={COMPARATORS}
              value={v.targetComparator}
              onChange={(x) => set('targetComparator', x as ItemValues['targetComparator'])}
              clearable
              description={hint('targetComparator')}
            />
            <NumberInput
              label="Значение"
              value={v.targetValue ?? ''}
              onChange={(x) => set('targetValue', num(x))}
              decimalSeparator=","
              description={hint('targetValue')}
              error={errors.targetValue}
            />
            <TextInput label="Единица" placeholder="встреч, %" {...text('targetUnit')} />
            <NumberInput
              label="Факт"
              value={v.actualValue ?? ''}
              onChange={(x) => set('actualValue', num(x))}
              decimalSeparator=","
              disabled={boundFact}
              description={boundFact ? 'рассчитывается по данным системы' : hint('actualValue')}
              error={errors.actualValue}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>
      <ProofRuleFields values={v} set={set} errors={errors} hint={hint} />
    </Stack>
  );
}
