import { Button, Group, Modal, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COVERAGE_METRICS } from '../../modules/indicators/coverage-metrics.js';
import { definitionInput } from '../../modules/indicators/inputs.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { type Overview, S } from './labels.js';

// A region's own indicator from a building block of the catalogue (issue 13 §1): the block's parameters
// (procedure, subject, grade; or what coverage counts), a title, a direction and the definition users read.

const PROCEDURE_BLOCKS = ['mark2_share', 'confirmed_share'];

export function OwnIndicatorForm({ overview, onClose }: { overview: Overview; onClose: () => void }) {
  const qc = useQueryClient();
  const [v, setV] = useState({
    code: '',
    title: '',
    block: 'mark2_share',
    assessment: 'ВПР',
    subject: '',
    grade: '' as number | string,
    metric: 'withCurator',
    unit: 'share',
    direction: 'lower_better',
    definition: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (k: keyof typeof v) => (val: string | number | null) => setV((o) => ({ ...o, [k]: val ?? '' }));
  const params = PROCEDURE_BLOCKS.includes(v.block)
    ? {
        assessment: v.assessment,
        ...(v.subject.trim() ? { subject: v.subject.trim() } : {}),
        ...(v.grade !== '' ? { grade: Number(v.grade) } : {}),
      }
    : v.block === 'coverage'
      ? { metric: v.metric }
      : {};
  const save = useMutation({
    mutationFn: (body: typeof definitionInput._input) =>
      unwrap(api.POST('/api/indicator-definitions', { body })),
    onSuccess: async () => {
      notifyOk(S.saved);
      await qc.invalidateQueries({ queryKey: ['indicators'] });
      onClose();
    },
    onError: notifyError,
  });
  const submit = () => {
    const body = {
      regionId: overview.regionId,
      code: v.code,
      title: v.title,
      block: v.block,
      params,
      unit: v.unit,
      direction: v.direction,
      definition: v.definition,
    };
    const c = check(definitionInput, body);
    if (c.errors) return setErrors(c.errors);
    setErrors({});
    save.mutate(body as typeof definitionInput._input);
  };
  return (
    <Modal opened onClose={onClose} title={S.addOwn} size="lg">
      <Stack data-testid="own-indicator-form">
        <Select
          label="Основа из каталога"
          data={overview.blocks.map((b) => ({ value: b.code, label: b.title }))}
          value={v.block}
          onChange={set('block')}
          allowDeselect={false}
          data-testid="own-block"
        />
        {PROCEDURE_BLOCKS.includes(v.block) && (
          <Group grow>
            <TextInput
              label="Процедура"
              value={v.assessment}
              onChange={(e) => set('assessment')(e.currentTarget.value)}
            />
            <TextInput
              label="Предмет (необязательно)"
              value={v.subject}
              onChange={(e) => set('subject')(e.currentTarget.value)}
              data-testid="own-subject"
            />
            <NumberInput
              label="Класс (необязательно)"
              value={v.grade}
              onChange={set('grade')}
              min={1}
              max={11}
              error={errors['params.grade']}
              data-testid="own-grade"
            />
          </Group>
        )}
        {v.block === 'coverage' && (
          <Select
            label="Что считать охватом"
            data={Object.entries(COVERAGE_METRICS).map(([k, m]) => ({ value: k, label: m.title }))}
            value={v.metric}
            onChange={set('metric')}
            allowDeselect={false}
          />
        )}
        <TextInput
          label="Название"
          value={v.title}
          onChange={(e) => set('title')(e.currentTarget.value)}
          error={errors.title}
          data-testid="own-title"
        />
        <Group grow>
          <TextInput
            label="Код (латиницей)"
            value={v.code}
            onChange={(e) => set('code')(e.currentTarget.value)}
            error={errors.code}
            data-testid="own-code"
          />
          <Select
            label="Единица"
            data={[
              { value: 'share', label: 'доля' },
              { value: 'count', label: 'количество' },
            ]}
            value={v.unit}
            onChange={set('unit')}
            allowDeselect={false}
          />
          <Select
            label="Что лучше"
            data={[
              { value: 'higher_better', label: S.direction.higher_better },
              { value: 'lower_better', label: S.direction.lower_better },
            ]}
            value={v.direction}
            onChange={set('direction')}
            allowDeselect={false}
            data-testid="own-direction"
          />
        </Group>
        <Textarea
          label="Определение для пользователей"
          value={v.definition}
          onChange={(e) => set('definition')(e.currentTarget.value)}
          error={errors.definition}
          autosize
          minRows={2}
          data-testid="own-definition"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="own-save">
            Сохранить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
