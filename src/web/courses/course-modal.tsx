import { Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createCourseInput, updateCourseInput } from '../../modules/courses/input.js';
import { COURSE_FORMAT_LABELS, COURSE_KIND_LABELS, COURSE_TOPICS } from '../../modules/courses/strings.js';
import type { CourseView } from '../../modules/courses/views.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors, focusFirstError } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

type Values = {
  ownerUnitId: string | null;
  name: string;
  kind: string | null;
  provider: string;
  hours: number | string;
  startsOn: string;
  endsOn: string;
  format: string | null;
  topic: string | null;
  subject: string;
};

/** A course of the catalogue: new (with the owner chosen among the actor's units) or edited. */
export function CourseModal(p: {
  course?: CourseView;
  owners: { id: string; name: string }[];
  onClose: () => void;
  onSaved?: (id: string) => void;
}) {
  const qc = useQueryClient();
  const c = p.course;
  const [v, setV] = useState<Values>({
    ownerUnitId: c?.ownerUnitId ?? p.owners[0]?.id ?? null,
    name: c?.name ?? '',
    kind: c?.kind ?? 'pk',
    provider: c?.provider ?? '',
    hours: c?.hours ?? 36,
    startsOn: c?.startsOn ?? '',
    endsOn: c?.endsOn ?? '',
    format: c?.format ?? 'blended',
    topic: c?.topic ?? null,
    subject: c?.subject ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Values>) => setV((x) => ({ ...x, ...patch }));
  const fields = {
    name: v.name,
    kind: v.kind ?? undefined,
    provider: v.provider,
    hours: typeof v.hours === 'number' ? v.hours : undefined,
    startsOn: v.startsOn || null,
    endsOn: v.endsOn || null,
    format: v.format ?? undefined,
    topic: v.topic,
    subject: v.subject.trim() || null,
  };
  const save = async () => {
    setBusy(true);
    try {
      if (c) {
        const r = check(updateCourseInput, { ...fields, version: c.version });
        if (r.errors) {
          setErrors(r.errors);
          focusFirstError();
          return;
        }
        await unwrap(api.PATCH('/api/courses/{id}', { params: { path: { id: c.id } }, body: r.data }));
        notifyOk('Курс сохранён');
        await qc.invalidateQueries({ queryKey: ['courses'] });
        await qc.invalidateQueries({ queryKey: ['course', c.id] });
        p.onClose();
      } else {
        const r = check(createCourseInput, { ...fields, ownerUnitId: v.ownerUnitId ?? undefined });
        if (r.errors) {
          setErrors(r.errors);
          focusFirstError();
          return;
        }
        const made = await unwrap(api.POST('/api/courses', { body: r.data }));
        notifyOk('Курс добавлен в каталог');
        await qc.invalidateQueries({ queryKey: ['courses'] });
        p.onClose();
        p.onSaved?.(made.id);
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={p.onClose} title={c ? 'Курс' : 'Новый курс'} size="lg">
      <Stack data-testid="course-form">
        {!c && p.owners.length > 1 && (
          <Select
            label="Каталог"
            data={p.owners.map((o) => ({ value: o.id, label: o.name }))}
            value={v.ownerUnitId}
            onChange={(x) => set({ ownerUnitId: x })}
            error={errors.ownerUnitId}
          />
        )}
        <TextInput
          label="Название"
          required
          value={v.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-testid="course-name"
        />
        <Group grow>
          <Select
            label="Вид"
            data={options(COURSE_KIND_LABELS)}
            value={v.kind}
            onChange={(x) => set({ kind: x })}
            error={errors.kind}
            allowDeselect={false}
          />
          <Select
            label="Формат"
            data={options(COURSE_FORMAT_LABELS)}
            value={v.format}
            onChange={(x) => set({ format: x })}
            error={errors.format}
            allowDeselect={false}
          />
          <NumberInput
            label="Часов"
            min={1}
            max={2000}
            value={v.hours}
            onChange={(x) => set({ hours: x })}
            error={errors.hours}
            data-testid="course-hours"
          />
        </Group>
        <TextInput
          label="Кто проводит"
          required
          value={v.provider}
          onChange={(e) => set({ provider: e.currentTarget.value })}
          error={errors.provider}
          data-testid="course-provider"
        />
        <Group grow>
          <TextInput
            type="date"
            label="Начало"
            value={v.startsOn}
            onChange={(e) => set({ startsOn: e.currentTarget.value })}
            error={errors.startsOn}
          />
          <TextInput
            type="date"
            label="Окончание"
            value={v.endsOn}
            onChange={(e) => set({ endsOn: e.currentTarget.value })}
            error={errors.endsOn}
          />
        </Group>
        <Group grow>
          <Select
            label="Тема (блок дефицитов)"
            data={COURSE_TOPICS.map((t) => ({ value: t.key, label: t.name }))}
            value={v.topic}
            onChange={(x) => set({ topic: x })}
            error={errors.topic}
            clearable
            data-testid="course-topic"
          />
          <TextInput
            label="Предмет"
            value={v.subject}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            error={errors.subject}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={p.onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} data-testid="course-save">
            Сохранить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
