import { Button, Checkbox, Group, MultiSelect, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PUPIL_CATEGORIES } from '../../db/schema/values.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { CATEGORY_NAMES, CAUSE_GROUPS } from './strings.js';

// The dialog that puts a pupil on the school's registry: category, causes, the date of inclusion.

type Registry = ApiData<'/api/schools/{id}/pupils', 'get'>;

const today = () => new Date().toISOString().slice(0, 10);
const CAUSE_OPTIONS = Object.entries(CAUSE_GROUPS).map(([g, group]) => ({
  group: group.name,
  items: Object.entries(group.causes).map(([c, name]) => ({ value: `${g}.${c}`, label: name })),
}));

export function AddPupil({
  schoolId,
  registry,
  onClose,
}: {
  schoolId: string;
  registry: Registry;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const [f, setF] = useState({
    name: '',
    birthDate: '',
    classLabel: '',
    category: 'weak' as (typeof PUPIL_CATEGORIES)[number],
    subjects: [] as string[],
    causes: [] as string[],
    ovz: false,
    limitedRussian: false,
    teacherIds: [] as string[],
    includedOn: today(),
  });
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/schools/{id}/pupils', {
          params: { path: { id: schoolId } },
          body: { ...f, year: registry.year, birthDate: f.birthDate || null },
        }),
      ),
    onSuccess: () => {
      notifyOk('Обучающийся включён в реестр');
      qc.invalidateQueries({ queryKey: ['pupils', schoolId] });
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Stack>
      <TextInput
        label="ФИО или инициалы"
        required
        value={f.name}
        onChange={(e) => setF({ ...f, name: e.currentTarget.value })}
        data-testid="pupil-name"
      />
      <Group grow>
        <TextInput
          label="Класс"
          placeholder="7Б"
          required
          value={f.classLabel}
          onChange={(e) => setF({ ...f, classLabel: e.currentTarget.value })}
          data-testid="pupil-class"
        />
        <TextInput
          label="Дата рождения"
          type="date"
          value={f.birthDate}
          onChange={(e) => setF({ ...f, birthDate: e.currentTarget.value })}
          data-testid="pupil-birth"
        />
      </Group>
      <Select
        label="Категория"
        data={PUPIL_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_NAMES[c] }))}
        value={f.category}
        onChange={(v) => v && setF({ ...f, category: v as typeof f.category })}
        data-testid="pupil-category"
      />
      <TagsInput
        label="Предметы"
        placeholder="Математика — Enter"
        value={f.subjects}
        onChange={(v) => setF({ ...f, subjects: v })}
        data-testid="pupil-subjects"
      />
      <MultiSelect
        label="Причины"
        data={CAUSE_OPTIONS}
        value={f.causes}
        onChange={(v) => setF({ ...f, causes: v })}
        searchable
        data-testid="pupil-causes"
      />
      <MultiSelect
        label="Учителя обучающегося"
        data={registry.teachers.map((t) => ({ value: t.id, label: t.name }))}
        value={f.teacherIds}
        onChange={(v) => setF({ ...f, teacherIds: v })}
        searchable
        data-testid="pupil-teachers"
      />
      <Checkbox
        label="Обучающийся с ОВЗ"
        checked={f.ovz}
        onChange={(e) => setF({ ...f, ovz: e.currentTarget.checked })}
      />
      <Checkbox
        label="Не владеет русским языком на уровне, достаточном для обучения"
        checked={f.limitedRussian}
        onChange={(e) => setF({ ...f, limitedRussian: e.currentTarget.checked })}
      />
      <TextInput
        label="Дата включения"
        type="date"
        value={f.includedOn}
        onChange={(e) => setF({ ...f, includedOn: e.currentTarget.value })}
      />
      <Group justify="flex-end">
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="pupil-save">
          Сохранить
        </Button>
      </Group>
    </Stack>
  );
}
