import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';

// The form of a teacher's record (add and edit): ФИО, должность, предметы, классы, стаж, the two marks.

export type StaffFormValue = {
  lastName: string;
  firstName: string;
  middleName: string | null;
  position: string;
  subjects: string[];
  grades: number[];
  experienceYears: number | null;
  isYoung: boolean;
  newlyHired: boolean;
  code: string | null;
};

export const EMPTY_STAFF: StaffFormValue = {
  lastName: '',
  firstName: '',
  middleName: null,
  position: '',
  subjects: [],
  grades: [],
  experienceYears: null,
  isYoung: false,
  newlyHired: false,
  code: null,
};

/** «5-9, 11» → [5,6,7,8,9,11]; unknown parts are dropped (the server checks the range 1–11). */
export function gradesOf(text: string): number[] {
  const out = new Set<number>();
  for (const part of text.replace(/\s*[-–—]\s*/g, '-').split(/[,;\s]+/)) {
    const m = part.match(/^(\d{1,2})(?:-(\d{1,2}))?$/);
    if (!m) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let g = a; g <= b && g - a < 11; g++) out.add(g);
  }
  return [...out].sort((x, y) => x - y);
}

export function StaffForm(p: {
  initial: StaffFormValue;
  busy: boolean;
  submitLabel: string;
  onSubmit: (v: StaffFormValue) => void;
}) {
  const [v, setV] = useState(p.initial);
  const [grades, setGrades] = useState(p.initial.grades.join(', '));
  const set = <K extends keyof StaffFormValue>(k: K, value: StaffFormValue[K]) =>
    setV((x) => ({ ...x, [k]: value }));
  return (
    <Stack>
      <SimpleGrid cols={3}>
        <TextInput
          label="Фамилия"
          required
          value={v.lastName}
          onChange={(e) => set('lastName', e.currentTarget.value)}
          data-testid="staff-last-name"
        />
        <TextInput
          label="Имя"
          required
          value={v.firstName}
          onChange={(e) => set('firstName', e.currentTarget.value)}
          data-testid="staff-first-name"
        />
        <TextInput
          label="Отчество"
          value={v.middleName ?? ''}
          onChange={(e) => set('middleName', e.currentTarget.value || null)}
          data-testid="staff-middle-name"
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput
          label="Должность"
          required
          value={v.position}
          onChange={(e) => set('position', e.currentTarget.value)}
          data-testid="staff-position"
        />
        <TextInput
          label="Табельный номер / код"
          value={v.code ?? ''}
          onChange={(e) => set('code', e.currentTarget.value || null)}
          data-testid="staff-code"
        />
      </SimpleGrid>
      <TagsInput
        label="Предметы"
        value={v.subjects}
        onChange={(s) => set('subjects', s)}
        data-testid="staff-subjects"
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Классы (например, 5–9 или 1, 2, 3)"
          value={grades}
          onChange={(e) => setGrades(e.currentTarget.value)}
          data-testid="staff-grades"
        />
        <NumberInput
          label="Стаж, лет"
          min={0}
          max={70}
          value={v.experienceYears ?? ''}
          onChange={(n) => set('experienceYears', typeof n === 'number' ? n : null)}
          data-testid="staff-experience"
        />
      </SimpleGrid>
      <Group>
        <Checkbox
          label="Молодой педагог"
          checked={v.isYoung}
          onChange={(e) => set('isYoung', e.currentTarget.checked)}
          data-testid="staff-young"
        />
        <Checkbox
          label="Вновь принятый"
          checked={v.newlyHired}
          onChange={(e) => set('newlyHired', e.currentTarget.checked)}
          data-testid="staff-newly-hired"
        />
      </Group>
      <Group justify="flex-end">
        <Button
          loading={p.busy}
          disabled={!v.lastName.trim() || !v.firstName.trim() || !v.position.trim()}
          onClick={() => p.onSubmit({ ...v, grades: gradesOf(grades) })}
          data-testid="staff-submit"
        >
          {p.submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
