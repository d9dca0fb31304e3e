import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { EVENT_KINDS, SCHOOL_GROUPS } from '../../db/schema/values.js';
import { createEventInput } from '../../modules/organisation/event-input.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check, type FieldErrors, focusFirstError } from '../shared/form-check.js';
import { notifyError } from '../shared/ui.js';
import type { EventDetail } from './event-page.js';
import { AUDIENCE_GROUP_LABELS, E, EVENT_KIND_LABELS } from './labels.js';

// A new event's draft: the organiser (a unit whose work the user keeps), kind, title, dates, place or
// link, audience group and who of them is expected, coverage target, program. Checked with the route's schema.

/** The units whose events the user keeps (the keepers of their roadmaps: modules/access/roadmap-rules.ts). */
export function organiserChoices(me: ReturnType<typeof useMe>) {
  return me.assignments
    .filter(
      (a) =>
        (a.role === 'regional_operator' && a.unitKind === 'region') ||
        (a.role === 'municipal_coordinator' && a.unitKind === 'municipality') ||
        (a.role === 'school_team' && a.unitKind === 'school') ||
        a.role === 'regional_center',
    )
    .map((a) => ({ value: a.orgUnitId, label: a.unitName }));
}

/** A new event's draft, or (with `event`) the edit of a draft or an announced event. */
export function CreateEventModal({ onClose, event }: { onClose: () => void; event?: EventDetail }) {
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const organisers = organiserChoices(me);
  const [v, setV] = useState({
    organiserUnitId: event?.organiser.id ?? organisers[0]?.value ?? '',
    kind: event?.kind ?? 'webinar',
    title: event?.title ?? '',
    startsOn: event?.startsOn ?? '',
    endsOn: event?.endsOn ?? '',
    place: event?.place ?? '',
    audienceGroup: event ? (event.audienceGroup ?? '') : 'shnor',
    audienceNote: event?.audienceNote ?? '',
    coverageTarget: (event ? (event.coverageTarget ?? '') : 60) as number | string,
    program: event?.program ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof v) => (value: string | number | null) =>
    setV((s) => ({ ...s, [k]: value ?? '' }));
  const create = useMutation({
    mutationFn: ({ organiserUnitId, ...fields }: z.output<typeof createEventInput>) =>
      event
        ? unwrap(
            api.PATCH('/api/events/{id}', {
              params: { path: { id: event.id } },
              body: { ...fields, version: event.version },
            }),
          )
        : unwrap(api.POST('/api/events', { body: { organiserUnitId, ...fields } })),
    onSuccess: (e) => {
      qc.setQueryData(['event', e.id], e);
      qc.invalidateQueries({ queryKey: ['events'] });
      if (event) onClose();
      else navigate(`/events/${e.id}`);
    },
    onError: notifyError,
  });
  const submit = () => {
    const r = check(createEventInput, {
      ...v,
      endsOn: v.endsOn || null,
      place: v.place || null,
      audienceGroup: v.audienceGroup || null,
      audienceNote: v.audienceNote || null,
      program: v.program || null,
      coverageTarget: v.coverageTarget === '' ? null : Number(v.coverageTarget),
    });
    if (r.errors) {
      setErrors(r.errors);
      focusFirstError();
      return;
    }
    setErrors({});
    create.mutate(r.data);
  };
  return (
    <Modal opened onClose={onClose} title={event ? 'Изменить мероприятие' : E.create} size="lg">
      <Stack>
        {!event && organisers.length > 1 && (
          <Select
            label="Организатор"
            data={organisers}
            value={v.organiserUnitId}
            onChange={set('organiserUnitId')}
          />
        )}
        <SimpleGrid cols={2}>
          <Select
            label="Вид"
            data={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
            value={v.kind}
            onChange={set('kind')}
            error={errors.kind}
            data-testid="event-kind"
          />
          <NumberInput
            label="Целевой охват, % приглашённых"
            min={0}
            max={100}
            value={v.coverageTarget}
            onChange={set('coverageTarget')}
            error={errors.coverageTarget}
          />
        </SimpleGrid>
        <TextInput
          label="Название"
          value={v.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
          data-testid="event-title"
        />
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label="Дата начала"
            value={v.startsOn}
            onChange={(e) => set('startsOn')(e.currentTarget.value)}
            error={errors.startsOn}
            data-testid="event-starts"
          />
          <TextInput
            type="date"
            label="Дата окончания (если больше дня)"
            value={v.endsOn}
            onChange={(e) => set('endsOn')(e.currentTarget.value)}
            error={errors.endsOn}
          />
        </SimpleGrid>
        <TextInput
          label="Место или ссылка на трансляцию"
          value={v.place}
          onChange={(e) => set('place')(e.currentTarget.value)}
          error={errors.place}
        />
        <SimpleGrid cols={2}>
          <Select
            label="Кого приглашают"
            data={SCHOOL_GROUPS.map((g) => ({ value: g, label: AUDIENCE_GROUP_LABELS[g] }))}
            value={v.audienceGroup}
            onChange={set('audienceGroup')}
            clearable
            disabled={event?.status === 'announced'}
            error={errors.audienceGroup}
            data-testid="event-group"
          />
          <TextInput
            label="Кто из них ожидается"
            placeholder="управленческие команды"
            value={v.audienceNote}
            onChange={(e) => set('audienceNote')(e.currentTarget.value)}
            error={errors.audienceNote}
          />
        </SimpleGrid>
        <Textarea
          label="Программа"
          autosize
          minRows={3}
          value={v.program}
          onChange={(e) => set('program')(e.currentTarget.value)}
          error={errors.program}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="event-save">
            {event ? 'Сохранить' : 'Создать черновик'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
