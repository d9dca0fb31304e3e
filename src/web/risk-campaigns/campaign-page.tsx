import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { C, CAMPAIGN_STATUS_LABELS, GROUP_LABELS, STATUS_COLORS } from './strings.js';

// A campaign's progress for its owner and the levels above the schools: answers against the expected
// numbers per school and group, the groups below the rule's minimum, filters, «Напомнить», open/close.

const LISTS = [
  { value: 'shnor', label: 'ШНОР' },
  { value: 'shnsu', label: 'ШНСУ' },
  { value: 'riskZone', label: 'Зона риска' },
];

export function CampaignPage() {
  const id = useParams().id ?? '';
  const qc = useQueryClient();
  const [municipalityId, setMunicipality] = useState<string | null>(null);
  const [list, setList] = useState<string | null>(null);
  const [below, setBelow] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const query = {
    municipalityId: municipalityId ?? undefined,
    list: (list ?? undefined) as 'shnor' | 'shnsu' | 'riskZone' | undefined,
    belowMinimum: (below ?? undefined) as 'true' | 'false' | undefined,
    q: search.trim() || undefined,
  };
  const q = useQuery({
    queryKey: ['risk-campaign', id, query],
    queryFn: () => unwrap(api.GET('/api/risk-campaigns/{id}', { params: { path: { id }, query } })),
  });
  const all = useQuery({
    queryKey: ['risk-campaign', id, {}],
    queryFn: () => unwrap(api.GET('/api/risk-campaigns/{id}', { params: { path: { id } } })),
  });
  const municipalities = [
    ...new Map((all.data?.schools ?? []).map((s) => [s.municipality.id, s.municipality.name])),
  ].map(([value, label]) => ({ value, label }));
  const refresh = () => qc.invalidateQueries({ queryKey: ['risk-campaign', id] });
  const transition = useMutation({
    mutationFn: ({ verb, version }: { verb: 'open' | 'close'; version: number }) =>
      unwrap(
        api.POST(verb === 'open' ? '/api/risk-campaigns/{id}/open' : '/api/risk-campaigns/{id}/close', {
          params: { path: { id } },
          body: { version },
        }),
      ),
    onSuccess: () => {
      notifyOk('Готово');
      refresh();
      qc.invalidateQueries({ queryKey: ['risk-campaigns'] });
    },
    onError: notifyError,
  });
  const remind = useMutation({
    mutationFn: (schoolId: string) =>
      unwrap(
        api.POST('/api/risk-campaigns/{id}/schools/{schoolId}/remind', {
          params: { path: { id, schoolId } },
        }),
      ),
    onSuccess: () => {
      notifyOk('Напоминание записано, школа увидит его на своей странице');
      refresh();
    },
    onError: notifyError,
  });

  return (
    <Query q={q}>
      {(p) => {
        const c = p.campaign;
        const groups = p.totals.map((t) => t.group);
        return (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2}>{c.title}</Title>
                <Text c="dimmed" size="sm">
                  {c.owner.name} · {formatDate(c.opensOn)} — {formatDate(c.closesOn)} · {C.instrument}:{' '}
                  {c.instrument.title} (версия {c.instrument.versionNo})
                </Text>
              </div>
              <Group>
                <Badge
                  size="lg"
                  color={STATUS_COLORS[c.status]}
                  variant="light"
                  data-testid="campaign-status"
                >
                  {CAMPAIGN_STATUS_LABELS[c.status]}
                </Badge>
                {c.canKeep && c.status === 'draft' && (
                  <Button
                    onClick={() => transition.mutate({ verb: 'open', version: c.version })}
                    loading={transition.isPending}
                  >
                    {C.open}
                  </Button>
                )}
                {c.canKeep && c.status === 'open' && (
                  <Button
                    variant="default"
                    onClick={() =>
                      window.confirm('Завершить анкетирование? Ответы больше не будут приниматься.') &&
                      transition.mutate({ verb: 'close', version: c.version })
                    }
                    loading={transition.isPending}
                  >
                    {C.close}
                  </Button>
                )}
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {p.totals.map((t) => (
                <Paper key={t.group} withBorder p="sm" data-testid={`total-${t.group}`}>
                  <Text size="xs" c="dimmed">
                    {GROUP_LABELS[t.group]}
                  </Text>
                  <Text fw={700} size="lg">
                    {t.responses} из {t.expected}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t.expected ? Math.round((100 * t.responses) / t.expected) : 0}% · минимум{' '}
                    {p.minRespondents[t.group] ?? 0} на школу
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {C.progressHint}
            </Text>
            <Group align="flex-end">
              <TextInput
                label="Поиск"
                placeholder="Название школы"
                value={search}
                onChange={(e) => setSearch(e.currentTarget.value)}
                w={240}
              />
              {municipalities.length > 1 && (
                <Select
                  label="Муниципалитет"
                  data={municipalities}
                  value={municipalityId}
                  onChange={setMunicipality}
                  clearable
                  w={240}
                />
              )}
              <Select
                label="Список"
                data={LISTS}
                value={list}
                onChange={setList}
                clearable
                w={160}
                placeholder="Все школы"
              />
              <Select
                label="Минимум"
                data={[
                  { value: 'true', label: 'Ниже минимума' },
                  { value: 'false', label: 'Минимум набран' },
                ]}
                value={below}
                onChange={setBelow}
                clearable
                w={180}
                placeholder="Все"
                data-testid="filter-below"
              />
            </Group>
            <Table.ScrollContainer minWidth={720}>
              <Table striped data-testid="progress-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Школа</Table.Th>
                    {groups.map((g) => (
                      <Table.Th key={g} ta="right">
                        {GROUP_LABELS[g]}
                      </Table.Th>
                    ))}
                    {c.canKeep && <Table.Th />}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.schools.map((s) => (
                    <Table.Tr key={s.schoolId} data-testid="progress-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/risk-campaigns/${c.id}/schools/${s.schoolId}`}>
                          {s.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {s.municipality.name}
                        </Text>
                      </Table.Td>
                      {groups.map((g) => {
                        const low = s.belowMinimum.includes(g);
                        return (
                          <Table.Td
                            key={g}
                            ta="right"
                            c={low ? 'red' : undefined}
                            title={low ? C.belowMin : undefined}
                          >
                            {s.responses[g] ?? 0} / {s.expected[g] ?? 0}
                          </Table.Td>
                        );
                      })}
                      {c.canKeep && (
                        <Table.Td>
                          {c.status === 'open' && s.belowMinimum.length > 0 && (
                            <Button
                              size="xs"
                              variant="light"
                              onClick={() => remind.mutate(s.schoolId)}
                              loading={remind.isPending && remind.variables === s.schoolId}
                            >
                              {C.remind}
                            </Button>
                          )}
                          {s.remindedAt && (
                            <Text size="xs" c="dimmed">
                              {C.reminded} {formatDate(s.remindedAt)}
                            </Text>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        );
      }}
    </Query>
  );
}
