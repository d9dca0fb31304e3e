import { Button, Checkbox, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { byRussian } from '../../lib/sort.js';
import { updateCuratorInput } from '../../modules/organisation/people/schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { useUnits } from './people-shared.js';

// Editing a curator's registry entry (position, place of work, contacts, active), by its version.

type CuratorEntry = {
  id: string;
  position: string;
  workUnitId: string | null;
  workplace: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  version: number;
};

/** Edits a registry entry; a stale version gets the server's 409 message. */
export function EditCuratorForm({ c, onDone }: { c: CuratorEntry; onDone: () => void }) {
  const units = useUnits();
  const [v, setV] = useState({
    position: c.position,
    workUnitId: c.workUnitId ?? '',
    workplace: c.workplace ?? '',
    phone: c.phone ?? '',
    email: c.email ?? '',
    active: c.active,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const workUnits = (units.data ?? [])
    .filter((u) => u.kind === 'school' || u.kind === 'institution')
    .sort(byRussian((u) => u.name))
    .map((u) => ({ value: u.id, label: u.name }));
  const submit = async () => {
    const checked = check(updateCuratorInput, {
      position: v.position,
      workUnitId: v.workUnitId || null,
      workplace: v.workplace || null,
      phone: v.phone || null,
      email: v.email || null,
      active: v.active,
      version: c.version,
    });
    if (checked.errors) return setErrors(checked.errors);
    setBusy(true);
    try {
      await unwrap(
        api.PATCH('/api/organisation/curators/{id}', { params: { path: { id: c.id } }, body: checked.data }),
      );
      notifyOk('Запись реестра изменена');
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <TextInput
        label="Должность"
        value={v.position}
        onChange={(e) => setV({ ...v, position: e.currentTarget.value })}
        error={errors.position}
      />
      <Select
        label="Место работы (организация региона)"
        searchable
        clearable
        data={workUnits}
        value={v.workUnitId || null}
        onChange={(x) => setV({ ...v, workUnitId: x ?? '' })}
        error={errors.workUnitId}
      />
      <TextInput
        label="Место работы (если организации нет в системе)"
        value={v.workplace}
        onChange={(e) => setV({ ...v, workplace: e.currentTarget.value })}
        error={errors.workplace}
      />
      <Group grow>
        <TextInput
          label="Телефон"
          value={v.phone}
          onChange={(e) => setV({ ...v, phone: e.currentTarget.value })}
          error={errors.phone}
        />
        <TextInput
          label="Эл. почта"
          value={v.email}
          onChange={(e) => setV({ ...v, email: e.currentTarget.value })}
          error={errors.email}
        />
      </Group>
      <Checkbox
        label="Работает куратором"
        checked={v.active}
        onChange={(e) => setV({ ...v, active: e.currentTarget.checked })}
      />
      <Button onClick={submit} loading={busy}>
        Сохранить
      </Button>
    </Stack>
  );
}
