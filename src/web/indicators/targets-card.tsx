import { Button, Group, NumberInput, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TargetLevel } from '../../db/schema/values.js';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { Empty } from '../work/empty.js';
import { type IndicatorResult, LEVEL_LABELS, S } from './labels.js';
import { TargetRow } from './target-edit.js';

// The targets of an indicator for the year (issue 13 §1): per level, for all units of the level or for
// one; green from «цель», yellow from «порог». Shares are typed in percent and stored as 0…1.

const ALL = 'all';

export function TargetsCard({ r }: { r: IndicatorResult }) {
  const qc = useQueryClient();
  const share = r.indicator.unit === 'share';
  const [level, setLevel] = useState<TargetLevel>(r.unit.unit.kind === 'region' ? 'municipality' : 'school');
  const [unit, setUnit] = useState<string>(ALL);
  const [target, setTarget] = useState<number | string>('');
  const [warn, setWarn] = useState<number | string>('');
  const units = [r.unit, ...r.children].map((u) => u.unit).filter((u) => u.kind === level);
  const refresh = () => qc.invalidateQueries({ queryKey: ['indicators'] });
  const scale = (v: number | string) => (share ? Number(v) / 100 : Number(v));
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/indicator-targets', {
          body: {
            regionId: r.regionId,
            indicatorCode: r.indicator.code,
            level,
            orgUnitId: unit === ALL ? null : unit,
            year: r.year,
            target: scale(target),
            warn: scale(warn),
          },
        }),
      ),
    onSuccess: async () => {
      notifyOk(S.saved);
      setTarget('');
      setWarn('');
      await refresh();
    },
    onError: notifyError,
  });
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>
          {S.targets} на {r.year} год
        </Title>
        {r.targets.length === 0 ? (
          <Empty>{S.noTargets}</Empty>
        ) : (
          <Table data-testid="targets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Уровень</Table.Th>
                <Table.Th>Организация</Table.Th>
                <Table.Th>Цель (зелёная зона от)</Table.Th>
                <Table.Th>Порог (жёлтая зона от)</Table.Th>
                {r.canSetTargets && <Table.Th w={190} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.targets.map((t) => (
                <TargetRow key={t.id} r={r} t={t} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {r.canSetTargets && (
          <Group align="flex-end" data-testid="target-form">
            <Select
              label="Уровень"
              data={Object.entries(LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
              value={level}
              onChange={(v) => {
                if (v) setLevel(v as TargetLevel);
                setUnit(ALL);
              }}
              allowDeselect={false}
              w={170}
              data-testid="target-level"
            />
            <Select
              label="Организация"
              data={[
                { value: ALL, label: 'все организации уровня' },
                ...units.map((u) => ({ value: u.id, label: u.name })),
              ]}
              value={unit}
              onChange={(v) => setUnit(v ?? ALL)}
              allowDeselect={false}
              searchable
              w={280}
            />
            <NumberInput
              label={share ? 'Цель, %' : 'Цель'}
              value={target}
              onChange={setTarget}
              decimalSeparator=","
              w={120}
              data-testid="target-target"
            />
            <NumberInput
              label={share ? 'Порог, %' : 'Порог'}
              value={warn}
              onChange={setWarn}
              decimalSeparator=","
              w={120}
              data-testid="target-warn"
            />
            <Button
              onClick={() => add.mutate()}
              loading={add.isPending}
              disabled={target === '' || warn === ''}
              data-testid="target-add"
            >
              {S.addTarget}
            </Button>
          </Group>
        )}
        {r.canSetTargets && (
          <Text size="xs" c="dimmed">
            Для показателя, где {r.indicator.direction === 'higher_better' ? 'лучше больше' : 'лучше меньше'},
            порог жёлтой зоны — {r.indicator.direction === 'higher_better' ? 'ниже' : 'выше'} цели.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
