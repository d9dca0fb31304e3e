import {
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { createRoadmapInput, updateRoadmapInput } from '../../modules/roadmaps/schemas.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check, focusFirstError } from '../shared/form-check.js';
import { ROADMAP_KIND_LABELS, type RoadmapDetail, type RoadmapSummary } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { currentPeriodYear, parseRuDate } from './format.js';
import { keptUnits, presetUnit, unitLabel, useInvalidate, useOrgUnits } from './hooks.js';
import { PERIOD_KIND_LABELS, S } from './strings.js';

type Values = {
  orgUnitId: string | null;
  title: string;
  kind: RoadmapSummary['kind'];
  periodKind: RoadmapSummary['periodKind'];
  periodYear: number;
  approvalBody: string;
  orderNumber: string;
  orderDate: string | null;
};

const KIND_OPTIONS = Object.entries(ROADMAP_KIND_LABELS).map(([value, label]) => ({ value, label }));
const PERIOD_OPTIONS = Object.entries(PERIOD_KIND_LABELS).map(([value, label]) => ({ value, label }));

function initial(r?: RoadmapDetail): Values {
  if (r) {
    return {
      orgUnitId: r.orgUnit.id,
      title: r.title,
      kind: r.kind,
      periodKind: r.periodKind,
      periodYear: r.periodYear,
      approvalBody: r.approvalBody ?? '',
      orderNumber: r.orderNumber ?? '',
      orderDate: r.orderDate,
    };
  }
  return {
    orgUnitId: null,
    title: '',
    kind: 'shnor_support',
    periodKind: 'school_year',
    periodYear: currentPeriodYear('school_year'),
    approvalBody: '',
    orderNumber: '',
    orderDate: null,
  };
}

/** Creates a roadmap (with `roadmap` absent) or edits its requisites, sending the version it was opened with. */
export function RoadmapFormModal({
  roadmap,
  opened,
  onClose,
}: {
  roadmap?: RoadmapDetail;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={roadmap ? S.editRequisites : S.create} size="lg">
      {opened && <RoadmapForm roadmap={roadmap} onDone={onClose} />}
    </Modal>
  );
}

function RoadmapForm({ roadmap, onDone }: { roadmap?: RoadmapDetail; onDone: () => void }) {
  const me = useMe();
  const navigate = useNavigate();
  const invalidate = useInvalidate(roadmap?.id);
  const units = useOrgUnits();
  const [v, setV] = useState<Values>(() => initial(roadmap));
  const [version] = useState(roadmap?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }));
  const options = keptUnits(me, units.data ?? []).map((u) => ({ value: u.id, label: unitLabel(u) }));
  const preset = roadmap
    ? undefined
    : presetUnit(
        me,
        options.map((o) => o.value),
      );
  useEffect(() => {
    if (preset) setV((old) => (old.orgUnitId ? old : { ...old, orgUnitId: preset }));
  }, [preset]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const fields = {
      title: v.title,
      kind: v.kind,
      periodKind: v.periodKind,
      periodYear: v.periodYear,
      approvalBody: v.approvalBody,
      orderNumber: v.orderNumber,
      orderDate: v.orderDate || null,
    };
    const edit = check(updateRoadmapInput, { ...fields, version });
    const create = check(createRoadmapInput, { ...fields, orgUnitId: v.orgUnitId });
    const errors = roadmap ? edit.errors : create.errors;
    // The schema would call a missing organisation a wrong identifier.
    if (errors?.orgUnitId && !v.orgUnitId) errors.orgUnitId = 'Выберите организацию';
    setErrors(errors ?? {});
    if (errors) return focusFirstError();
    setBusy(true);
    try {
      if (roadmap && edit.data) {
        await unwrap(
          api.PATCH('/api/roadmaps/{id}', { params: { path: { id: roadmap.id } }, body: edit.data }),
        );
        notifyOk('Реквизиты сохранены');
      } else if (create.data) {
        const created = await unwrap(api.POST('/api/roadmaps', { body: create.data }));
        notifyOk('Дорожная карта создана');
        navigate(`/roadmaps/${created.id}`);
      }
      await invalidate();
      onDone();
    } catch (err) {
      notifyError(err);
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.fields.map((f) => [f.field, f.message])));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {!roadmap && (
          <Select
            label="Организация"
            description="Организации, дорожные карты которых вы ведёте"
            data={options}
            value={v.orgUnitId}
            onChange={(x) => set('orgUnitId', x)}
            searchable
            required
            nothingFoundMessage={units.isPending ? 'Загрузка…' : 'Нет организаций'}
            error={errors.orgUnitId}
          />
        )}
        <Textarea
          label="Название"
          placeholder="Дорожная карта по направлению «Система работы со школами с низкими результатами обучения…»"
          value={v.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={errors.title}
        />
        <Select
          label="Вид"
          data={KIND_OPTIONS}
          value={v.kind}
          onChange={(x) => x && set('kind', x as Values['kind'])}
          allowDeselect={false}
          error={errors.kind}
        />
        <Group align="flex-end" grow>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Период
            </Text>
            <SegmentedControl
              data={PERIOD_OPTIONS}
              value={v.periodKind}
              onChange={(x) => set('periodKind', x as Values['periodKind'])}
            />
          </Stack>
          <NumberInput
            label={v.periodKind === 'school_year' ? 'Учебный год начинается в' : 'Год'}
            value={v.periodYear}
            onChange={(x) => typeof x === 'number' && set('periodYear', x)}
            min={2015}
            max={2100}
            allowDecimal={false}
            error={errors.periodYear}
            description={
              v.periodKind === 'school_year' ? `${v.periodYear}/${v.periodYear + 1} учебный год` : undefined
            }
          />
        </Group>
        <Text size="sm" fw={500} mt="xs">
          Утверждение (можно заполнить позже)
        </Text>
        <TextInput
          label="Кем утверждена"
          placeholder="Например: управление образования администрации района"
          value={v.approvalBody}
          onChange={(e) => set('approvalBody', e.currentTarget.value)}
          error={errors.approvalBody}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Номер приказа"
            value={v.orderNumber}
            onChange={(e) => set('orderNumber', e.currentTarget.value)}
            error={errors.orderNumber}
          />
          <DateInput
            label="Дата приказа"
            valueFormat="DD.MM.YYYY"
            dateParser={parseRuDate}
            value={v.orderDate}
            onChange={(x) => set('orderDate', x)}
            clearable
            error={errors.orderDate}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {S.cancel}
          </Button>
          <Button type="submit" loading={busy}>
            {roadmap ? S.save : 'Создать'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
