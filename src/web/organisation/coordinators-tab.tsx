import { Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { byRussian } from '../../lib/sort.js';
import { appointCoordinatorInput } from '../../modules/organisation/people/schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { OrdersPanel } from './orders-panel.js';
import {
  OrderLabel,
  todayIso,
  useCanOrganise,
  usePeopleParams,
  useUnits,
  YearAndMunicipality,
} from './people-shared.js';

// Municipal coordinators of the year, appointed by an order of the region: the region appoints and
// removes, a municipality sees its own.

export function CoordinatorsTab() {
  const p = usePeopleParams();
  const can = useCanOrganise();
  const qc = useQueryClient();
  const [open, modal] = useDisclosure(false);
  const q = useQuery({
    queryKey: ['coordinators', p.year],
    queryFn: () => unwrap(api.GET('/api/organisation/coordinators', { params: { query: { year: p.year } } })),
  });
  const remove = async (id: string, version: number) => {
    try {
      await unwrap(
        api.DELETE('/api/organisation/coordinators/{id}', { params: { path: { id }, query: { version } } }),
      );
      notifyOk('Назначение снято');
      await qc.invalidateQueries({ queryKey: ['coordinators'] });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <YearAndMunicipality />
        {can.region && (
          <Button onClick={modal.open} data-testid="coordinator-appoint">
            Назначить приказом
          </Button>
        )}
      </Group>
      <Query q={q}>
        {(rows) => {
          const shown = rows.filter((r) => !p.municipalityId || r.municipalityId === p.municipalityId);
          return shown.length === 0 ? (
            <Text c="dimmed">Координаторы на этот год не назначены.</Text>
          ) : (
            <Table striped data-testid="coordinators-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Муниципалитет</Table.Th>
                  <Table.Th>Координатор</Table.Th>
                  <Table.Th>Должность</Table.Th>
                  <Table.Th>Приказ</Table.Th>
                  {can.region && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.municipalityName}</Table.Td>
                    <Table.Td>
                      {r.fullName}{' '}
                      <Text span c="dimmed" size="xs">
                        ({r.login})
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.position ?? '—'}</Table.Td>
                    <Table.Td>
                      <OrderLabel order={r.order} />
                    </Table.Td>
                    {can.region && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => remove(r.id, r.version)}
                        >
                          Снять
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </Query>
      <OrdersPanel />
      <Modal opened={open} onClose={modal.close} title="Назначить муниципального координатора" size="lg">
        <AppointForm
          year={p.year}
          onDone={async () => {
            modal.close();
            await qc.invalidateQueries({ queryKey: ['coordinators'] });
          }}
        />
      </Modal>
    </Stack>
  );
}

function AppointForm({ year, onDone }: { year: number; onDone: () => void }) {
  const units = useUnits();
  const [v, setV] = useState({ municipalityId: '', login: '', position: '', number: '', date: todayIso() });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const municipalities = (units.data ?? [])
    .filter((u) => u.kind === 'municipality')
    .sort(byRussian((u) => u.name))
    .map((u) => ({ value: u.id, label: u.name }));
  const submit = async () => {
    const c = check(appointCoordinatorInput, {
      municipalityId: v.municipalityId,
      year,
      login: v.login,
      position: v.position || null,
      order: { number: v.number, date: v.date },
    });
    if (c.errors) return setErrors(c.errors);
    setBusy(true);
    try {
      await unwrap(api.POST('/api/organisation/coordinators', { body: c.data }));
      notifyOk('Координатор назначен');
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Select
        label="Муниципалитет"
        data={municipalities}
        searchable
        value={v.municipalityId || null}
        onChange={(x) => setV({ ...v, municipalityId: x ?? '' })}
        error={errors.municipalityId}
      />
      <TextInput
        label="Логин учётной записи"
        value={v.login}
        onChange={(e) => setV({ ...v, login: e.currentTarget.value })}
        error={errors.login}
      />
      <TextInput
        label="Должность"
        value={v.position}
        onChange={(e) => setV({ ...v, position: e.currentTarget.value })}
        error={errors.position}
      />
      <Group grow>
        <TextInput
          label="Номер приказа"
          value={v.number}
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
      <Button onClick={submit} loading={busy}>
        Назначить
      </Button>
    </Stack>
  );
}
