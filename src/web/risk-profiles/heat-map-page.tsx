import {
  Alert,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LEVEL_LABELS, VERIFICATION_LABELS } from '../../modules/risk-profiles/strings.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, Query } from '../shared/ui.js';
import { HeatMapTable } from './heat-map-table.js';
import { type HeatFilter, type HeatMap, profileFetchers, profileKeys } from './profile-api.js';
import { LevelLegend } from './profile-levels.js';

// The heat map of a campaign (schools × factors) with filters, the most frequent high risks, and the
// verification of the ШНОР for the municipality and the region.

const LIST_LABELS = { shnor: 'ШНОР', shnsu: 'ШНСУ', riskZone: 'зона риска' } as const;

export function HeatMapPage() {
  const campaigns = useQuery({ queryKey: profileKeys.campaigns, queryFn: profileFetchers.campaigns });
  const [params, setParams] = useSearchParams();
  return (
    <Stack>
      <Title order={2}>Рисковые профили школ</Title>
      <Query q={campaigns}>
        {(list) => {
          if (list.length === 0)
            return <Alert color="gray">Кампаний анкетирования с вашими школами пока нет.</Alert>;
          const id =
            params.get('campaign') ??
            list.find((c) => c.computed > 0 && c.stage === 'baseline')?.id ??
            list[0]?.id ??
            '';
          return (
            <Stack>
              <Select
                label="Кампания анкетирования"
                maw={620}
                data={list.map((c) => ({
                  value: c.id,
                  label: `${c.title}${c.stage === 'followup' ? ' — повторная' : ''} (профилей: ${c.computed} из ${c.schools})`,
                }))}
                value={id}
                onChange={(v) => v && setParams({ campaign: v })}
                allowDeselect={false}
                data-testid="heat-campaign"
              />
              <CampaignMap id={id} />
            </Stack>
          );
        }}
      </Query>
    </Stack>
  );
}

function CampaignMap({ id }: { id: string }) {
  const [filter, setFilter] = useState<HeatFilter>({});
  const q = useQuery({
    queryKey: profileKeys.heatMap(id, filter),
    queryFn: () => profileFetchers.heatMap(id, filter),
  });
  const set = (patch: Partial<HeatFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Query q={q}>
      {(map) => (
        <Stack>
          <Group align="flex-end" wrap="wrap">
            {map.municipalities.length > 1 && (
              <Select
                label="Муниципалитет"
                placeholder="все"
                clearable
                data={map.municipalities.map((m) => ({ value: m.id, label: m.name }))}
                value={filter.municipalityId ?? null}
                onChange={(v) => set({ municipalityId: v ?? undefined })}
              />
            )}
            <Select
              label="Список"
              placeholder="все школы"
              clearable
              data={map.lists.map((l) => ({ value: l.kind, label: `${LIST_LABELS[l.kind]} (${l.year})` }))}
              value={filter.list ?? null}
              onChange={(v) => set({ list: (v ?? undefined) as HeatFilter['list'] })}
              data-testid="heat-list"
            />
            <Select
              label="Есть фактор уровня"
              placeholder="любой"
              clearable
              data={(['high', 'medium', 'low', 'none', 'nodata'] as const).map((l) => ({
                value: l,
                label: LEVEL_LABELS[l],
              }))}
              value={filter.level ?? null}
              onChange={(v) => set({ level: (v ?? undefined) as HeatFilter['level'] })}
            />
            <SegmentedControl
              data={[
                { value: 'computed', label: 'Расчёт' },
                { value: 'verified', label: 'Верификация' },
                ...(map.baseline ? [{ value: 'change', label: 'Изменение' }] : []),
              ]}
              value={filter.mode ?? 'computed'}
              onChange={(v) => set({ mode: v as HeatFilter['mode'] })}
              data-testid="heat-mode"
            />
            <Button
              component="a"
              variant="light"
              href={apiHref('/api/risk-profiles/campaigns/{id}/heat-map/export', {
                path: { id },
                query: filter,
              })}
            >
              Выгрузить XLSX
            </Button>
            {map.canCompute && <Recompute map={map} />}
          </Group>
          <JobLine map={map} />
          <Tabs defaultValue="map">
            <Tabs.List>
              <Tabs.Tab value="map">
                Тепловая карта ({map.rows.length} из {map.total})
              </Tabs.Tab>
              <Tabs.Tab value="frequent">Самые частые высокие риски</Tabs.Tab>
              <Tabs.Tab value="verification" data-testid="tab-verification">
                Верификация ШНОР
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="map" pt="sm">
              <Stack gap="xs">
                <LevelLegend />
                <Text size="xs" c="dimmed">
                  {map.rule}. Наведите на ячейку — балл и основание; нажмите на школу — её профиль.
                </Text>
                <HeatMapTable map={map} mode={filter.mode ?? 'computed'} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="frequent" pt="sm">
              <Frequent map={map} />
            </Tabs.Panel>
            <Tabs.Panel value="verification" pt="sm">
              <Verifications map={map} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Query>
  );
}

function Recompute({ map }: { map: HeatMap }) {
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/risk-profiles/campaigns/{id}/compute', { params: { path: { id: map.campaign.id } } }),
      ),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['risk-heat-map'] });
      qc.invalidateQueries({ queryKey: profileKeys.campaigns });
    },
    onError: notifyError,
  });
  return (
    <Button variant="default" onClick={() => m.mutate()} loading={m.isPending}>
      Пересчитать
    </Button>
  );
}

function JobLine({ map }: { map: HeatMap }) {
  const qc = useQueryClient();
  const job = map.job;
  if (!job) return null;
  const running = job.status === 'queued' || job.status === 'running';
  if (running) setTimeout(() => qc.invalidateQueries({ queryKey: ['risk-heat-map'] }), 1500);
  return (
    <Text size="sm" c={job.status === 'failed' ? 'red' : 'dimmed'}>
      {running
        ? `Идёт расчёт профилей: ${job.message ?? 'в очереди'} (${Math.round(job.progress * 100)} %)`
        : job.status === 'failed'
          ? `Расчёт не удался: ${job.error}`
          : `Профили рассчитаны ${formatDateTime(job.finishedAt)}`}
    </Text>
  );
}

function Frequent({ map }: { map: HeatMap }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder fz="sm" data-testid="frequent">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Фактор</Table.Th>
            <Table.Th ta="right">Высокий по расчёту</Table.Th>
            <Table.Th ta="right">Высокий после верификации</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {map.frequent.map((f) => (
            <Table.Tr key={f.code}>
              <Table.Td>
                {f.code}. {f.name}
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip
                  label={`Школы с высоким уровнем фактора; всего с рассчитанным профилем (показанных фильтром): ${f.computedSchools}`}
                >
                  <Text span size="sm">
                    {f.computedHigh} из {f.computedSchools}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td ta="right">
                <Tooltip
                  label={`Уровень, подтверждённый или изменённый куратором, среди ${f.verifiedSchools} верифицированных профилей`}
                >
                  <Text span size="sm">
                    {f.verifiedHigh} из {f.verifiedSchools}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Verifications({ map }: { map: HeatMap }) {
  const shnor = map.rows.filter((r) => r.lists.includes('shnor'));
  if (!map.lists.some((l) => l.kind === 'shnor'))
    return <Alert color="gray">Утверждённого списка ШНОР нет: верификация показывается для ШНОР.</Alert>;
  const left = shnor.filter((r) => r.verification !== 'verified').length;
  return (
    <Paper withBorder p="sm">
      <Text size="sm" mb="xs" data-testid="verification-summary">
        ШНОР в выборке: {shnor.length}; не верифицировано: {left}
      </Text>
      <Table fz="sm" data-testid="verification-list">
        <Table.Tbody>
          {shnor.map((r) => (
            <Table.Tr key={r.school.id}>
              <Table.Td>
                <Link to={`/risk-profiles/schools/${r.school.id}?campaign=${map.campaign.id}`}>
                  {r.school.name}
                </Link>
              </Table.Td>
              <Table.Td>{r.municipality.name}</Table.Td>
              <Table.Td
                c={r.verification === 'verified' ? 'green' : r.verification === 'visited' ? 'blue' : 'red'}
              >
                {VERIFICATION_LABELS[r.verification]}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
