import { ActionIcon, Button, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { D } from './strings.js';

// A new diagnostic (or a repeat of one: same owner and blocks, `previousId` set): name, date, organiser,
// school year and blocks with their maximum scores. The region's scale is frozen by the server.

type Diagnostic = ApiData<'/api/diagnostics/{id}', 'get'>;
type Block = { key: string; name: string; maxScore: number };

const DEFAULT_BLOCKS: Block[] = [
  { key: 'subject', name: 'Предметный', maxScore: 20 },
  { key: 'methodical', name: 'Методический', maxScore: 15 },
  { key: 'psychological', name: 'Психолого-педагогический', maxScore: 10 },
  { key: 'legal', name: 'Нормативно-правовой', maxScore: 5 },
];

export function CreateDiagnosticModal({ onClose, repeatOf }: { onClose: () => void; repeatOf?: Diagnostic }) {
  const me = useMe();
  const nav = useNavigate();
  const qc = useQueryClient();
  const scale = useQuery({
    queryKey: ['deficit-scale'],
    queryFn: () => unwrap(api.GET('/api/deficit-scale')),
  });
  const owners = [
    ...(me.capabilities.people === 'region' && scale.data
      ? [{ value: scale.data.regionId, label: 'Регион' }]
      : []),
    ...me.assignments
      .filter((a) => a.role === 'municipal_coordinator' || a.role === 'school_team')
      .map((a) => ({ value: a.orgUnitId, label: a.unitName })),
  ];
  const today = new Date().toISOString().slice(0, 10);
  const [ownerUnitId, setOwner] = useState<string | null>(repeatOf?.ownerUnitId ?? null);
  const [name, setName] = useState(repeatOf ? `${repeatOf.name} (повторная)` : '');
  const [conductedOn, setDate] = useState(today);
  const [year, setYear] = useState<number>(
    repeatOf?.year ?? Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0),
  );
  const [organiser, setOrganiser] = useState(repeatOf?.organiser ?? 'ЦНППМ');
  const [blocks, setBlocks] = useState<Block[]>(repeatOf?.blocks ?? DEFAULT_BLOCKS);
  const [busy, setBusy] = useState(false);
  const owner = ownerUnitId ?? owners[0]?.value ?? null;
  const setBlock = (i: number, patch: Partial<Block>) =>
    setBlocks(blocks.map((b, j) => (i === j ? { ...b, ...patch } : b)));

  async function submit() {
    if (!owner) return;
    setBusy(true);
    try {
      const d = await unwrap(
        api.POST('/api/diagnostics', {
          body: {
            ownerUnitId: owner,
            name,
            conductedOn,
            year,
            organiser,
            blocks,
            previousId: repeatOf?.id ?? null,
          },
        }),
      );
      await qc.invalidateQueries({ queryKey: ['diagnostics'] });
      notifyOk('Диагностика создана');
      onClose();
      nav(`/diagnostics/${d.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={repeatOf ? D.repeat : D.create} size="lg">
      <Stack>
        {!repeatOf && (
          <Select label="Проводит" data={owners} value={owner} onChange={setOwner} allowDeselect={false} />
        )}
        <TextInput
          label="Название"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="diag-name"
        />
        <Group grow>
          <TextInput
            label="Дата проведения"
            type="date"
            value={conductedOn}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <NumberInput label="Учебный год (первый год)" value={year} onChange={(v) => setYear(Number(v))} />
        </Group>
        <TextInput
          label="Организатор"
          value={organiser}
          onChange={(e) => setOrganiser(e.currentTarget.value)}
        />
        {blocks.map((b, i) => (
          <Group key={b.key} align="end">
            <TextInput
              label={i === 0 ? 'Блок' : undefined}
              value={b.name}
              onChange={(e) => setBlock(i, { name: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <TextInput
              label={i === 0 ? 'Ключ' : undefined}
              value={b.key}
              w={140}
              onChange={(e) => setBlock(i, { key: e.currentTarget.value })}
            />
            <NumberInput
              label={i === 0 ? 'Максимум' : undefined}
              value={b.maxScore}
              w={110}
              min={1}
              onChange={(v) => setBlock(i, { maxScore: Number(v) })}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label="Убрать блок"
              onClick={() => setBlocks(blocks.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group justify="space-between">
          <Button
            variant="default"
            onClick={() =>
              setBlocks([...blocks, { key: `block${blocks.length + 1}`, name: '', maxScore: 10 }])
            }
          >
            Добавить блок
          </Button>
          <Button onClick={submit} loading={busy} disabled={!owner} data-testid="diag-create-submit">
            Создать
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
