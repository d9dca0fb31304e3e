import { Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { OrgUnit } from '../shared/types.js';
import { INSTITUTION_TYPE_LABELS, type OrgKind, SCHOOL_LEVELS } from './org-labels.js';

export type Draft = {
  name: string;
  shortName: string;
  institutionType: string | null;
  inn: string;
  code: string;
  oktmo: string;
  address: string;
  isRural: boolean | null;
  isSmall: boolean | null;
  levels: string[];
  pupils: number | null;
  teachers: number | null;
  director: string;
};

export type DraftErrors = Partial<Record<keyof Draft, string>>;

export function draftOf(u: OrgUnit | null, kind: OrgKind): Draft {
  return {
    name: u?.name ?? '',
    shortName: u?.shortName ?? '',
    institutionType: u?.institutionType ?? (kind === 'institution' ? 'other' : null),
    inn: u?.inn ?? '',
    code: u?.code ?? '',
    oktmo: u?.oktmo ?? '',
    address: u?.address ?? '',
    isRural: u?.isRural ?? null,
    isSmall: u?.isSmall ?? null,
    levels: (u?.levels ?? []).filter((l): l is string => l !== null),
    pupils: u?.pupils ?? null,
    teachers: u?.teachers ?? null,
    director: u?.director ?? '',
  };
}

/** The request body for the kind of unit: only the attributes it has; checked by the route's schema. */
export function payloadOf(d: Draft, kind: OrgKind): Record<string, unknown> {
  const t = (s: string) => s.trim() || null;
  const base: Record<string, unknown> = {
    name: d.name.trim(),
    shortName: t(d.shortName),
    inn: t(d.inn),
    oktmo: t(d.oktmo),
    address: t(d.address),
  };
  if (kind === 'institution') base.institutionType = d.institutionType ?? 'other';
  if (kind === 'school') {
    Object.assign(base, {
      code: t(d.code),
      isRural: d.isRural,
      isSmall: d.isSmall,
      levels: SCHOOL_LEVELS.filter((l) => d.levels.includes(l)),
      pupils: d.pupils,
      teachers: d.teachers,
      director: t(d.director),
    });
  }
  return base;
}

const num = (v: string | number) => (v === '' ? null : Number(v));

type Props = {
  kind: OrgKind;
  draft: Draft;
  errors: DraftErrors;
  set: (patch: Partial<Draft>) => void;
  disabled?: boolean;
};

export function OrgFormFields({ kind, draft: d, errors, set, disabled }: Props) {
  return (
    <Stack gap="sm">
      <Textarea
        label="Полное наименование"
        value={d.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={errors.name}
        autosize
        minRows={1}
        required
        disabled={disabled}
      />
      <TextInput
        label="Краткое наименование"
        value={d.shortName}
        onChange={(e) => set({ shortName: e.currentTarget.value })}
        error={errors.shortName}
        disabled={disabled}
      />
      {kind === 'institution' && (
        <Select
          label="Тип учреждения"
          data={Object.entries(INSTITUTION_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={d.institutionType}
          onChange={(v) => set({ institutionType: v })}
          allowDeselect={false}
          error={errors.institutionType}
          disabled={disabled}
        />
      )}
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label="ИНН"
          value={d.inn}
          onChange={(e) => set({ inn: e.currentTarget.value })}
          error={errors.inn}
          inputMode="numeric"
          disabled={disabled}
        />
        <TextInput
          label="ОКТМО"
          value={d.oktmo}
          onChange={(e) => set({ oktmo: e.currentTarget.value })}
          error={errors.oktmo}
          inputMode="numeric"
          disabled={disabled}
        />
      </SimpleGrid>
      {kind === 'school' && (
        <TextInput
          label="Код ОО"
          description="Код школы в ФИС ОКО или региональной системе: по нему школа находится в пакетах данных оценочных процедур (school_id)"
          value={d.code}
          onChange={(e) => set({ code: e.currentTarget.value })}
          error={errors.code}
          disabled={disabled}
          data-testid="org-code"
        />
      )}
      <TextInput
        label="Адрес"
        value={d.address}
        onChange={(e) => set({ address: e.currentTarget.value })}
        error={errors.address}
        disabled={disabled}
      />
      {kind === 'school' && (
        <>
          <SimpleGrid cols={2} spacing="sm">
            <Select
              label="Местность"
              data={[
                { value: 'urban', label: 'городская' },
                { value: 'rural', label: 'сельская' },
              ]}
              placeholder="не указано"
              value={d.isRural === null ? null : d.isRural ? 'rural' : 'urban'}
              onChange={(v) => set({ isRural: v === null ? null : v === 'rural' })}
              clearable
              disabled={disabled}
            />
            <Checkbox
              label="Малокомплектная"
              checked={d.isSmall === true}
              onChange={(e) => set({ isSmall: e.currentTarget.checked })}
              mt={30}
              disabled={disabled}
            />
          </SimpleGrid>
          <Checkbox.Group
            label="Уровни образования"
            value={d.levels}
            onChange={(v) => set({ levels: v })}
            error={errors.levels}
          >
            <Group mt={6}>
              {SCHOOL_LEVELS.map((l) => (
                <Checkbox key={l} value={l} label={l} disabled={disabled} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label="Обучающихся"
              value={d.pupils ?? ''}
              onChange={(v) => set({ pupils: num(v) })}
              min={0}
              max={20000}
              allowDecimal={false}
              error={errors.pupils}
              disabled={disabled}
              thousandSeparator=" "
            />
            <NumberInput
              label="Педагогов"
              value={d.teachers ?? ''}
              onChange={(v) => set({ teachers: num(v) })}
              min={0}
              max={2000}
              allowDecimal={false}
              error={errors.teachers}
              disabled={disabled}
            />
          </SimpleGrid>
          <TextInput
            label="Директор"
            value={d.director}
            onChange={(e) => set({ director: e.currentTarget.value })}
            error={errors.director}
            disabled={disabled}
          />
        </>
      )}
    </Stack>
  );
}
