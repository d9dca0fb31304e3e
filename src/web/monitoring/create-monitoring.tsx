import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { createMonitoringInput } from '../../modules/monitoring/monitoring-input.js';
import { parseRuDate } from '../roadmap/format.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError } from '../shared/ui.js';
import { IndicatorPicker } from './indicator-picker.js';
import { type Participants, ParticipantsPicker } from './participants-picker.js';
import { KIND_LABELS } from './strings.js';

// A new monitoring: the owner (a region or municipality the user runs), a standard monitoring (its form or
// its computation) or an empty form to build, the period and the participants. Checked with the route's
// own schema before it is sent; the form is then edited on the monitoring's page while it is a draft.

const EMPTY = 'empty';
const schoolYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function CreateMonitoringModal({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const owners = me.assignments
    .filter(
      (a) =>
        (a.role === 'regional_operator' && a.unitKind === 'region') ||
        (a.role === 'municipal_coordinator' && a.unitKind === 'municipality'),
    )
    .map((a) => ({ value: a.orgUnitId, label: a.unitName, kind: a.unitKind }));
  const templates = useQuery({
    queryKey: ['monitoring-templates'],
    queryFn: () => unwrap(api.GET('/api/monitoring-templates')),
  });
  const available = (templates.data?.templates ?? []).filter((t) => templates.data?.kinds.includes(t.kind));
  const [ownerUnitId, setOwner] = useState(owners[0]?.value ?? '');
  const [template, setTemplate] = useState<string>(EMPTY);
  const [title, setTitle] = useState('');
  const [year, setYear] = useState(schoolYear());
  const [periodStart, setStart] = useState(inDays(0));
  const [periodEnd, setEnd] = useState(inDays(30));
  const [participants, setParticipants] = useState<Participants>({ mode: 'shnor', unitIds: [] });
  const [indicatorCodes, setIndicatorCodes] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const ownerKind = owners.find((o) => o.value === ownerUnitId)?.kind;
  const chosen = available.find((t) => t.code === template);
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof createMonitoringInput.parse>) =>
      unwrap(api.POST('/api/monitorings', { body })),
    onSuccess: (m) => {
      qc.invalidateQueries({ queryKey: ['monitorings'] });
      onClose();
      navigate(`/monitorings/${m.id}`);
    },
    onError: notifyError,
  });
  const submit = () => {
    const r = check(createMonitoringInput, {
      ownerUnitId,
      kind: chosen?.kind ?? 'form',
      title: title || chosen?.title || '',
      year,
      periodStart,
      periodEnd,
      ...(chosen ? { template: chosen.code } : {}),
      ...(chosen?.kind === 'indicators' ? { indicatorCodes } : {}),
      participants: participants.mode === 'units' ? participants : { mode: participants.mode },
    });
    setErrors(r.errors ?? {});
    if (r.data) create.mutate(r.data);
  };
  return (
    <Modal opened onClose={onClose} title="Новый мониторинг" size="lg">
      <Stack>
        {owners.length > 1 && (
          <Select
            label="Проводит"
            data={owners}
            value={ownerUnitId}
            onChange={(v) => setOwner(v ?? ownerUnitId)}
            allowDeselect={false}
          />
        )}
        <Select
          label="Типовой мониторинг"
          data={[
            { value: EMPTY, label: 'Своя форма (собрать в конструкторе)' },
            ...available.map((t) => ({ value: t.code, label: t.title })),
          ]}
          value={template}
          onChange={(v) => setTemplate(v ?? EMPTY)}
          allowDeselect={false}
          data-testid="create-template"
        />
        {chosen && (
          <Text size="sm" c="dimmed">
            {KIND_LABELS[chosen.kind]}. {chosen.description}
          </Text>
        )}
        {chosen?.kind === 'indicators' && (
          <IndicatorPicker
            ownerUnitId={ownerUnitId}
            value={indicatorCodes}
            onChange={setIndicatorCodes}
            error={errors.indicatorCodes}
          />
        )}
        <TextInput
          label="Название"
          placeholder={chosen?.title ?? 'Например: Мониторинг кадрового обеспечения'}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-testid="create-title"
        />
        <Group grow>
          <NumberInput
            label="Учебный год (начало)"
            value={year}
            onChange={(v) => setYear(Number(v))}
            error={errors.year}
          />
          <DateInput
            label="Начало"
            valueFormat="DD.MM.YYYY"
            dateParser={parseRuDate}
            value={periodStart}
            onChange={(v) => setStart(v ?? '')}
            error={errors.periodStart}
          />
          <DateInput
            label="Срок представления"
            valueFormat="DD.MM.YYYY"
            dateParser={parseRuDate}
            value={periodEnd}
            onChange={(v) => setEnd(v ?? '')}
            error={errors.periodEnd}
          />
        </Group>
        <ParticipantsPicker
          ownerUnitId={ownerUnitId}
          ownerKind={ownerKind}
          value={participants}
          onChange={setParticipants}
          error={errors.participants}
        />
        {errors[''] && <Alert color="red">{errors['']}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="create-submit">
            Создать черновик
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
