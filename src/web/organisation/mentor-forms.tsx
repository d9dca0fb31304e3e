import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AGREEMENT_KINDS, type AgreementKind } from '../../db/schema/values.js';
import { byRussian } from '../../lib/sort.js';
import { agreementInput, createPairInput } from '../../modules/organisation/people/schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { AGREEMENT_KIND_LABELS, todayIso, useUnits } from './people-shared.js';

// The mentor pairs' forms, checked with the routes' own schemas: pairing by order, adding an agreement.

export function PairForm(p: { year: number; schoolId: string; onDone: (warnings: string[]) => void }) {
  const units = useUnits();
  const [v, setV] = useState({ schoolId: p.schoolId, mentorSchoolId: '', number: '', date: todayIso() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const schools = (units.data ?? [])
    .filter((u) => u.kind === 'school')
    .sort(byRussian((u) => u.name))
    .map((u) => ({ value: u.id, label: u.name }));
  const submit = async () => {
    const c = check(createPairInput, {
      schoolId: v.schoolId,
      mentorSchoolId: v.mentorSchoolId,
      year: p.year,
      order: { number: v.number, date: v.date },
    });
    if (c.errors) return setErrors(c.errors);
    setBusy(true);
    try {
      const r = await unwrap(api.POST('/api/organisation/mentor-pairs', { body: c.data }));
      notifyOk('Школа-наставник закреплена');
      p.onDone(r.warnings);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Select
        label="ШНОР"
        searchable
        data={schools}
        value={v.schoolId || null}
        data-testid="pair-school"
        onChange={(x) => setV({ ...v, schoolId: x ?? '' })}
        error={errors.schoolId}
      />
      <Select
        label="Школа-наставник"
        searchable
        data={schools}
        value={v.mentorSchoolId || null}
        data-testid="pair-mentor"
        onChange={(x) => setV({ ...v, mentorSchoolId: x ?? '' })}
        error={errors.mentorSchoolId}
      />
      <Group grow>
        <TextInput
          label="Номер приказа"
          value={v.number}
          data-testid="pair-order-number"
          onChange={(e) => setV({ ...v, number: e.currentTarget.value })}
          error={errors.order}
        />
        <TextInput
          label="Дата приказа"
          type="date"
          value={v.date}
          onChange={(e) => setV({ ...v, date: e.currentTarget.value })}
        />
      </Group>
      <Button onClick={submit} loading={busy} data-testid="pair-submit">
        Закрепить
      </Button>
    </Stack>
  );
}

export function AgreementForm({ pairId, onDone }: { pairId: string; onDone: () => void }) {
  const [v, setV] = useState({
    kinds: [] as AgreementKind[],
    number: '',
    signedOn: todayIso(),
    validFrom: '',
    validTo: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const c = check(agreementInput, {
      kinds: v.kinds,
      number: v.number || null,
      signedOn: v.signedOn,
      validFrom: v.validFrom || null,
      validTo: v.validTo || null,
    });
    if (c.errors) return setErrors(c.errors);
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/organisation/mentor-pairs/{id}/agreements', {
          params: { path: { id: pairId } },
          body: c.data,
        }),
      );
      notifyOk('Соглашение добавлено');
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Checkbox.Group
        label="Виды соглашения"
        value={v.kinds}
        onChange={(k) => setV({ ...v, kinds: k as AgreementKind[] })}
        error={errors.kinds}
      >
        <Stack gap={4} mt={4}>
          {AGREEMENT_KINDS.map((k) => (
            <Checkbox
              key={k}
              value={k}
              label={AGREEMENT_KIND_LABELS[k]}
              data-testid={`agreement-kind-${k}`}
            />
          ))}
        </Stack>
      </Checkbox.Group>
      <Group grow>
        <TextInput
          label="Номер"
          value={v.number}
          onChange={(e) => setV({ ...v, number: e.currentTarget.value })}
          error={errors.number}
        />
        <TextInput
          label="Дата подписания"
          type="date"
          value={v.signedOn}
          onChange={(e) => setV({ ...v, signedOn: e.currentTarget.value })}
          error={errors.signedOn}
        />
      </Group>
      <Group grow>
        <TextInput
          label="Действует с"
          type="date"
          value={v.validFrom}
          onChange={(e) => setV({ ...v, validFrom: e.currentTarget.value })}
        />
        <TextInput
          label="по"
          type="date"
          value={v.validTo}
          onChange={(e) => setV({ ...v, validTo: e.currentTarget.value })}
          error={errors.validTo}
        />
      </Group>
      <Button onClick={submit} loading={busy} data-testid="agreement-submit">
        Добавить
      </Button>
    </Stack>
  );
}
