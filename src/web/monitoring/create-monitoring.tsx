import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { byRussian } from '../../lib/sort.js';
import { createMonitoringInput } from '../../modules/monitoring/monitoring-input.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError } from '../shared/ui.js';
import { KIND_LABELS, PARTICIPANT_MODE_LABELS } from './strings.js';

// A new monitoring: the owner (a region or municipality the user runs), a standard monitoring (its form or
// its computation) or an empty form to build, the period and the participants. Checked with the route's
// own schema before it is sent; the form is then edited on the monitoring's page while it is a draft.

const EMPTY = 'empty';
const schoolYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

type Mode = 'shnor' | 'all_schools' | 'municipalities' | 'units';

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
  const [mode, setMode] = useState<Mode>('shnor');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Units chosen by hand: the schools and municipalities below the owner that the user sees.
  const units = useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units')),
    enabled: mode === 'units',
  });
  const ownerPath = units.data?.find((u) => u.id === ownerUnitId)?.path ?? '';
  const choices = (units.data ?? [])
    .filter(
      (u) =>
        (u.kind === 'school' || u.kind === 'municipality') &&
        u.id !== ownerUnitId &&
        ownerPath !== '' &&
        u.path.startsWith(ownerPath),
    )
    .map((u) => ({ value: u.id, label: u.shortName ?? u.name }))
    .sort(byRussian((o) => o.label));
  const ownerKind = owners.find((o) => o.value === ownerUnitId)?.kind;
  const chosen = available.find((t) => t.code === template);
  const modes: Mode[] =
    ownerKind === 'region' ? ['shnor', 'all_schools', 'municipalities'] : ['shnor', 'all_schools'];
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
      participants: mode === 'units' ? { mode, unitIds } : { mode },
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
          <TextInput
            label="Начало"
            type="date"
            value={periodStart}
            onChange={(e) => setStart(e.currentTarget.value)}
            error={errors.periodStart}
          />
          <TextInput
            label="Срок представления"
            type="date"
            value={periodEnd}
            onChange={(e) => setEnd(e.currentTarget.value)}
            error={errors.periodEnd}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Участники
          </Text>
          <SegmentedControl
            data={modes.map((m) => ({ value: m, label: PARTICIPANT_MODE_LABELS[m] }))}
            value={mode}
            onChange={(v) => setMode(v as Mode)}
          />
          {mode === 'units' && (
            <MultiSelect
              data={choices}
              value={unitIds}
              onChange={setUnitIds}
              searchable
              placeholder="Начните вводить название школы или муниципалитета"
              error={errors.participants}
              data-testid="create-units"
            />
          )}
        </Stack>
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
