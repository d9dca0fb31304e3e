import { Button, Group, Modal, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { resultInput } from '../../modules/courses/input.js';
import { ENROLMENT_STATUS_LABELS } from '../../modules/courses/strings.js';
import type { EnrolmentView } from '../../modules/courses/views.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';

/** The result of an enrolment: прошёл (with the date), не прошёл, or back to записан. */
export function ResultModal({ enrolment, onClose }: { enrolment: EnrolmentView; onClose: () => void }) {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>(
    enrolment.status === 'enrolled' ? 'completed' : enrolment.status,
  );
  const [completedOn, setCompletedOn] = useState(
    enrolment.completedOn ?? new Date().toISOString().slice(0, 10),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const r = check(resultInput, {
      version: enrolment.version,
      status,
      completedOn: status === 'enrolled' ? null : completedOn || null,
    });
    if (r.errors) return setErrors(r.errors);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/course-enrolments/{id}/result', {
          params: { path: { id: enrolment.id } },
          body: r.data,
        }),
      );
      notifyOk('Результат сохранён');
      await qc.invalidateQueries({ queryKey: ['course', enrolment.courseId] });
      await qc.invalidateQueries({ queryKey: ['courses'] });
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={`Результат: ${enrolment.teacherName}`}>
      <Stack data-testid="result-form">
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={Object.entries(ENROLMENT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
        />
        {status !== 'enrolled' && (
          <TextInput
            type="date"
            label={status === 'completed' ? 'Дата прохождения' : 'Дата'}
            value={completedOn}
            onChange={(e) => setCompletedOn(e.currentTarget.value)}
            error={errors.completedOn}
            data-testid="result-date"
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} data-testid="result-save">
            Сохранить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
