import {
  Alert,
  Button,
  Code,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { byRussian } from '../../lib/sort.js';
import { assignCuratorInput, createCuratorInput } from '../../modules/organisation/people/schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { todayIso, useUnits } from './people-shared.js';

// The curators' forms, checked with the routes' own schemas: appointing to schools by one order, and
// putting a person into the registry (an existing account, or a new one with a one-time password).

type CuratorOption = { id: string; fullName: string; caseload: number };
type SchoolOption = { schoolId: string; schoolName: string; municipalityName: string };

export function AssignCuratorForm(p: {
  year: number;
  initialSchools: string[];
  curators: CuratorOption[];
  schools: SchoolOption[];
  onDone: (warnings: string[]) => void;
}) {
  const units = useUnits();
  const [curatorId, setCurator] = useState<string | null>(null);
  const [schoolIds, setSchools] = useState<string[]>(p.initialSchools);
  const [order, setOrder] = useState({ number: '', date: todayIso() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  // Every school the user sees can be chosen; the listed ones (ШНОР first) come first.
  const listed = new Set(p.schools.map((s) => s.schoolId));
  const schoolOptions = [
    ...p.schools.map((s) => ({ value: s.schoolId, label: `${s.schoolName} — ${s.municipalityName}` })),
    ...(units.data ?? [])
      .filter((u) => u.kind === 'school' && !listed.has(u.id))
      .sort(byRussian((u) => u.name))
      .map((u) => ({ value: u.id, label: u.name })),
  ];
  const submit = async () => {
    const c = check(assignCuratorInput, { curatorId: curatorId ?? '', schoolIds, year: p.year, order });
    if (c.errors) return setErrors(c.errors);
    setBusy(true);
    try {
      const r = await unwrap(api.POST('/api/organisation/curator-assignments', { body: c.data }));
      notifyOk('Куратор назначен');
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
        label="Куратор"
        searchable
        data-testid="assign-curator"
        data={p.curators.map((c) => ({
          value: c.id,
          label: `${c.fullName} — ${countLabel(c.caseload, WORDS.school)}`,
        }))}
        value={curatorId}
        onChange={setCurator}
        error={errors.curatorId}
      />
      <MultiSelect
        label="Школы"
        searchable
        data-testid="assign-schools"
        data={schoolOptions}
        value={schoolIds}
        onChange={setSchools}
        error={errors.schoolIds}
        limit={50}
      />
      <Group grow>
        <TextInput
          label="Номер приказа"
          data-testid="assign-order-number"
          value={order.number}
          onChange={(e) => setOrder({ ...order, number: e.currentTarget.value })}
          error={errors.order}
        />
        <TextInput
          label="Дата приказа"
          type="date"
          value={order.date}
          onChange={(e) => setOrder({ ...order, date: e.currentTarget.value })}
        />
      </Group>
      <Button onClick={submit} loading={busy} data-testid="assign-submit">
        Назначить
      </Button>
    </Stack>
  );
}

export function NewCuratorForm({ onDone }: { onDone: () => void }) {
  const units = useUnits();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [v, setV] = useState({
    login: '',
    fullName: '',
    position: '',
    workUnitId: '',
    workplace: '',
    phone: '',
    email: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [password, setPassword] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const workUnits = (units.data ?? [])
    .filter((u) => u.kind === 'school' || u.kind === 'institution')
    .sort(byRussian((u) => u.name))
    .map((u) => ({ value: u.id, label: u.name }));
  const submit = async () => {
    const c = check(createCuratorInput, {
      ...(mode === 'existing'
        ? { login: v.login }
        : { newAccount: { login: v.login, fullName: v.fullName } }),
      position: v.position,
      workUnitId: v.workUnitId || null,
      workplace: v.workplace || null,
      phone: v.phone || null,
      email: v.email || null,
    });
    if (c.errors) return setErrors(c.errors);
    setBusy(true);
    try {
      const r = await unwrap(api.POST('/api/organisation/curators', { body: c.data }));
      notifyOk('Куратор внесён в реестр');
      setPassword(r.oneTimePassword);
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  if (password)
    return (
      <Alert color="green" title="Учётная запись создана" data-testid="curator-password">
        Одноразовый пароль (показывается один раз): <Code>{password}</Code>
      </Alert>
    );
  return (
    <Stack>
      <SegmentedControl
        value={mode}
        onChange={(m) => setMode(m as 'existing' | 'new')}
        data={[
          { value: 'existing', label: 'Есть учётная запись' },
          { value: 'new', label: 'Создать учётную запись' },
        ]}
      />
      <TextInput
        data-testid="curator-login"
        label="Логин"
        value={v.login}
        onChange={(e) => setV({ ...v, login: e.currentTarget.value })}
        error={errors.login ?? errors.newAccount}
      />
      {mode === 'new' && (
        <TextInput
          label="ФИО"
          value={v.fullName}
          onChange={(e) => setV({ ...v, fullName: e.currentTarget.value })}
        />
      )}
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
      <Button onClick={submit} loading={busy}>
        Внести
      </Button>
    </Stack>
  );
}
