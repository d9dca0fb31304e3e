import { Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { components } from '../shared/api-schema.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { keys } from './api.js';
import { SCHOOL_NAMES as S } from './strings.js';

// «Запомненные названия школ» (issue 16 §1): the names the import dialog remembered from the operator's
// confirmations, with a text filter and «Забыть» — one name, or every name of its school.

type Remembered = components['schemas']['SchoolNameConfirmation'];

const text = (r: Remembered) =>
  [r.name, r.municipality, r.school.name, r.school.municipality, r.confirmedBy?.fullName]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
    .replace(/ё/g, 'е');

/**
 * An operator sees his region's names; an administrator (or an operator of several regions) chooses the
 * region — the list is one region's, as the names are remembered per region.
 */
export function SchoolNamesSection() {
  const regions = useQuery({
    queryKey: ['org-units', 'region'],
    queryFn: () => unwrap(api.GET('/api/org-units', { params: { query: { kind: 'region' } } })),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const regionId = chosen ?? regions.data?.[0]?.id;
  const q = useQuery({
    queryKey: [...keys.schoolNames, regionId],
    queryFn: () =>
      unwrap(api.GET('/api/assessment-data/tables/school-names', { params: { query: { regionId } } })),
    // No region to choose (none listed): the server answers for the actor's own.
    enabled: !regions.isPending,
  });
  const [filter, setFilter] = useState('');
  const [forgetting, setForgetting] = useState<Remembered | null>(null);
  return (
    <Paper withBorder p="md" data-testid="school-names">
      <Stack gap="sm">
        <Title order={4}>{S.title}</Title>
        <Text size="sm" c="dimmed">
          {S.help}
        </Text>
        {(regions.data?.length ?? 0) > 1 && (
          <Select
            label={S.region}
            data={(regions.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={regionId ?? null}
            onChange={(v) => v && setChosen(v)}
            allowDeselect={false}
            searchable
            w={{ base: '100%', sm: 420 }}
            data-testid="school-names-region"
          />
        )}
        <Query q={q}>
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed" ta="center" py="md" data-testid="school-names-empty">
                {S.empty}
              </Text>
            ) : (
              <NamesTable rows={rows} filter={filter} setFilter={setFilter} onForget={setForgetting} />
            )
          }
        </Query>
      </Stack>
      <ForgetModal row={forgetting} all={q.data ?? []} onClose={() => setForgetting(null)} />
    </Paper>
  );
}

function NamesTable(props: {
  rows: Remembered[];
  filter: string;
  setFilter: (v: string) => void;
  onForget: (r: Remembered) => void;
}) {
  const words = props.filter.toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean);
  const shown = props.rows.filter((r) => words.every((w) => text(r).includes(w)));
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <TextInput
          placeholder={S.filter}
          aria-label={S.filter}
          value={props.filter}
          onChange={(e) => props.setFilter(e.currentTarget.value)}
          w={{ base: '100%', sm: 420 }}
          data-testid="school-names-filter"
        />
        <Text size="sm" c="dimmed">
          {S.shown.render(shown.length)}
        </Text>
      </Group>
      {shown.length === 0 ? (
        <Text c="dimmed" ta="center" py="md">
          {S.nothingFound}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table withTableBorder verticalSpacing="xs" data-testid="school-names-table">
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{S.nameColumn}</Table.Th>
                <Table.Th>{S.schoolColumn}</Table.Th>
                <Table.Th>{S.byColumn}</Table.Th>
                <Table.Th>{S.atColumn}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.id} data-testid="school-name-row">
                  <Table.Td>
                    <Text size="sm">{r.name}</Text>
                    {r.municipality && (
                      <Text size="xs" c="dimmed">
                        {r.municipality}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.school.name}</Text>
                    {r.school.municipality && (
                      <Text size="xs" c="dimmed">
                        {r.school.municipality}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.confirmedBy?.fullName ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(r.confirmedAt)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      onClick={() => props.onForget(r)}
                      data-testid="school-name-forget"
                    >
                      {S.forget}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The confirmation: this name, or — when the school has several — all of them. */
function ForgetModal({
  row,
  all,
  onClose,
}: {
  row: Remembered | null;
  all: Remembered[];
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const ofSchool = row ? all.filter((r) => r.school.id === row.school.id).length : 0;
  const forget = useMutation({
    mutationFn: (query: { id: string } | { schoolId: string }) =>
      unwrap(api.DELETE('/api/assessment-data/tables/school-names', { params: { query } })),
    onSuccess: async (res, query) => {
      notifyOk('id' in query && row ? S.forgotten(row.name) : S.forgottenAll.render(res.forgotten));
      onClose();
      await qc.invalidateQueries({ queryKey: keys.schoolNames });
    },
    onError: notifyError,
  });
  return (
    <Modal opened={row !== null} onClose={onClose} title={S.forgetTitle} centered>
      {row && (
        <Stack>
          <Text size="sm">{S.forgetMessage(row.name, row.school.name)}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Отмена
            </Button>
            {ofSchool > 1 && (
              <Button
                color="red"
                variant="light"
                loading={forget.isPending}
                onClick={() => forget.mutate({ schoolId: row.school.id })}
                data-testid="school-names-forget-all"
              >
                {S.forgetAll.render(ofSchool)}
              </Button>
            )}
            <Button
              color="red"
              loading={forget.isPending}
              onClick={() => forget.mutate({ id: row.id })}
              data-testid="school-name-forget-confirm"
            >
              {S.forgetOne}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
