import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { D } from './strings.js';

// The region's scale of deficit levels (reference data): names and cut-offs, edited by the regional
// operator and centre; a diagnostic freezes the scale at its creation.

type Scale = ApiData<'/api/deficit-scale', 'get'>;
type Level = Scale['levels'][number];

function Editor({ scale }: { scale: Scale }) {
  const qc = useQueryClient();
  const [levels, setLevels] = useState<Level[]>(scale.levels);
  const [busy, setBusy] = useState(false);
  useEffect(() => setLevels(scale.levels), [scale]);
  const set = (i: number, patch: Partial<Level>) =>
    setLevels(levels.map((l, j) => (i === j ? { ...l, ...patch } : l)));
  async function save() {
    setBusy(true);
    try {
      await unwrap(
        api.PUT('/api/deficit-scale', {
          body: { regionId: scale.regionId, levels, ...(scale.version ? { version: scale.version } : {}) },
        }),
      );
      notifyOk('Шкала сохранена: новые диагностики возьмут её');
      await qc.invalidateQueries({ queryKey: ['deficit-scale'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Ключ</Table.Th>
            <Table.Th>Название</Table.Th>
            <Table.Th>От, % максимума</Table.Th>
            <Table.Th>Нужен ИОМ</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a row is a position of the list being edited
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  value={l.key}
                  disabled={!scale.canEdit}
                  onChange={(e) => set(i, { key: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  value={l.name}
                  disabled={!scale.canEdit}
                  onChange={(e) => set(i, { name: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <NumberInput
                  value={l.minPercent}
                  disabled={!scale.canEdit}
                  min={0}
                  max={100}
                  onChange={(v) => set(i, { minPercent: Number(v) })}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  checked={l.needsRoute}
                  disabled={!scale.canEdit}
                  onChange={(e) => set(i, { needsRoute: e.currentTarget.checked })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {scale.canEdit && (
        <Group>
          <Button
            variant="default"
            disabled={levels.length >= 6}
            onClick={() =>
              setLevels([
                ...levels,
                { key: `level${levels.length + 1}`, name: '', minPercent: 100, needsRoute: false },
              ])
            }
          >
            Добавить уровень
          </Button>
          <Button
            variant="default"
            disabled={levels.length <= 2}
            onClick={() => setLevels(levels.slice(0, -1))}
          >
            Убрать последний
          </Button>
          <Button onClick={save} loading={busy}>
            {D.save}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function ScalePage() {
  const q = useQuery({ queryKey: ['deficit-scale'], queryFn: () => unwrap(api.GET('/api/deficit-scale')) });
  return (
    <Stack>
      <Anchor component={Link} to="/diagnostics" size="sm">
        ← {D.title}
      </Anchor>
      <Title order={2}>{D.scale}</Title>
      <Text c="dimmed">
        Уровень — по доле от максимального балла (итог и каждый блок). Первый уровень начинается с 0 %,
        границы возрастают. Уже проведённые диагностики сохраняют свою шкалу.
      </Text>
      <Query q={q}>{(scale) => <Editor scale={scale} />}</Query>
    </Stack>
  );
}
