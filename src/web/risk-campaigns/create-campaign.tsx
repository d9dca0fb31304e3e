import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { createCampaignInput } from '../../modules/risk-campaigns/campaign-input.js';
import { type ApiData, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { notifyError, Query } from '../shared/ui.js';
import { GROUP_LABELS } from './strings.js';

// A new campaign: the owner (a region or municipality the user runs), the instrument version, year,
// stage, groups, dates, and schools picked by municipality and by the approved lists of the year, each
// with expected numbers from its pupils and teachers (editable). Checked with the route's own schema.

type Setup = ApiData<'/api/risk-campaign-setup', 'get'>;
type RGroup = 'director' | 'teacher' | 'pupil' | 'parent';
const GROUPS: RGroup[] = ['director', 'teacher', 'pupil', 'parent'];
type Expected = Partial<Record<RGroup, number>>;

const schoolYear = () => {
  const d = new Date();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};
const defaults = (s: Setup['schools'][number]): Expected => ({
  director: 1,
  teacher: s.teachers ?? 10,
  pupil: s.pupils ?? 50,
  parent: s.pupils ?? 50,
});

export function CreateCampaignModal({ onClose }: { onClose: () => void }) {
  const me = useMe();
  const owners = me.assignments
    .filter(
      (a) =>
        (a.role === 'regional_operator' && a.unitKind === 'region') ||
        (a.role === 'municipal_coordinator' && a.unitKind === 'municipality'),
    )
    .map((a) => ({ value: a.orgUnitId, label: a.unitName }));
  const [ownerUnitId, setOwner] = useState(owners[0]?.value ?? '');
  const year = schoolYear();
  const q = useQuery({
    queryKey: ['risk-campaign-setup', ownerUnitId, year],
    queryFn: () => unwrap(api.GET('/api/risk-campaign-setup', { params: { query: { ownerUnitId, year } } })),
    enabled: Boolean(ownerUnitId),
  });
  return (
    <Modal opened onClose={onClose} title="Новое анкетирование" size="xl">
      {owners.length > 1 && (
        <Select
          label="Проводит"
          data={owners}
          value={ownerUnitId}
          onChange={(v) => v && setOwner(v)}
          mb="sm"
        />
      )}
      <Query q={q}>{(setup) => <CampaignForm setup={setup} year={year} onClose={onClose} />}</Query>
    </Modal>
  );
}

function CampaignForm({ setup, year, onClose }: { setup: Setup; year: number; onClose: () => void }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const today = new Date().toISOString().slice(0, 10);
  const [title, setTitle] = useState(`Анкетирование для рисковых профилей ${year}/${year + 1}`);
  const [instrumentId, setInstrument] = useState<string | null>(setup.instruments[0]?.id ?? null);
  const [stage, setStage] = useState<'baseline' | 'followup'>('baseline');
  const [baselineCampaignId, setBaseline] = useState<string | null>(null);
  const [groups, setGroups] = useState<string[]>([...GROUPS]);
  const [opensOn, setOpens] = useState(today);
  const [closesOn, setCloses] = useState(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
  const [list, setList] = useState('all');
  const [municipality, setMunicipality] = useState<string | null>(null);
  const [picked, setPicked] = useState<Map<string, Expected>>(new Map());
  const [errors, setErrors] = useState<FieldErrors>({});
  const municipalities = [...new Map(setup.schools.map((s) => [s.municipality.id, s.municipality.name]))].map(
    ([value, label]) => ({ value, label }),
  );
  const shown = useMemo(
    () =>
      setup.schools.filter(
        (s) =>
          (list === 'all' || s.lists.includes(list as 'shnor')) &&
          (!municipality || s.municipality.id === municipality),
      ),
    [setup.schools, list, municipality],
  );
  const toggle = (s: Setup['schools'][number], on: boolean) =>
    setPicked((m) => {
      const next = new Map(m);
      if (on) next.set(s.id, defaults(s));
      else next.delete(s.id);
      return next;
    });
  const setExpected = (id: string, g: RGroup, v: number) =>
    setPicked((m) => new Map(m).set(id, { ...m.get(id), [g]: v }));
  const create = useMutation({
    mutationFn: (body: z.output<typeof createCampaignInput>) =>
      unwrap(api.POST('/api/risk-campaigns', { body })),
    onSuccess: (c) => {
      qc.invalidateQueries({ queryKey: ['risk-campaigns'] });
      onClose();
      navigate(`/risk-campaigns/${c.id}`);
    },
    onError: notifyError,
  });
  function submit() {
    const r = check(createCampaignInput, {
      ownerUnitId: setup.owner.id,
      instrumentId,
      year,
      title,
      stage,
      baselineCampaignId: stage === 'followup' ? baselineCampaignId : null,
      groups,
      opensOn,
      closesOn,
      schools: [...picked].map(([schoolId, expected]) => ({ schoolId, expected })),
    });
    setErrors(r.errors ?? {});
    if (r.data) create.mutate(r.data);
  }
  const allShown = shown.length > 0 && shown.every((s) => picked.has(s.id));
  return (
    <Stack>
      <TextInput
        label="Название"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={errors.title}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Анкеты (версия инструмента)"
          data={setup.instruments.map((i) => ({
            value: i.id,
            label: `${i.title} — версия ${i.versionNo}${i.status === 'draft' ? ' (черновик, зафиксируется при открытии)' : ''}`,
          }))}
          value={instrumentId}
          onChange={setInstrument}
          error={errors.instrumentId}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Этап
          </Text>
          <SegmentedControl
            value={stage}
            onChange={(v) => setStage(v as 'baseline' | 'followup')}
            data={[
              { value: 'baseline', label: 'Входное' },
              { value: 'followup', label: 'Повторное' },
            ]}
          />
        </div>
      </SimpleGrid>
      {stage === 'followup' && (
        <Select
          label="Исходное анкетирование"
          data={setup.baselines.map((b) => ({ value: b.id, label: `${b.title} (${b.year})` }))}
          value={baselineCampaignId}
          onChange={setBaseline}
          error={errors.baselineCampaignId}
        />
      )}
      <Checkbox.Group label="Кто отвечает" value={groups} onChange={setGroups} error={errors.groups}>
        <Group mt={4}>
          {GROUPS.map((g) => (
            <Checkbox key={g} value={g} label={GROUP_LABELS[g]} />
          ))}
        </Group>
      </Checkbox.Group>
      <Group>
        <TextInput
          type="date"
          label="Начало"
          value={opensOn}
          onChange={(e) => setOpens(e.currentTarget.value)}
          error={errors.opensOn}
        />
        <TextInput
          type="date"
          label="Окончание"
          value={closesOn}
          onChange={(e) => setCloses(e.currentTarget.value)}
          error={errors.closesOn}
        />
      </Group>
      <Group align="flex-end">
        <Select
          label="Школы из списка"
          data={[
            { value: 'all', label: 'Все школы' },
            { value: 'shnor', label: `ШНОР ${year}` },
            { value: 'shnsu', label: `ШНСУ ${year}` },
            { value: 'riskZone', label: `Зона риска ${year}` },
          ]}
          value={list}
          onChange={(v) => setList(v ?? 'all')}
          w={200}
        />
        {municipalities.length > 1 && (
          <Select
            label="Муниципалитет"
            data={municipalities}
            value={municipality}
            onChange={setMunicipality}
            clearable
            w={240}
          />
        )}
        <Checkbox
          label={`Выбрать показанные (${shown.length})`}
          checked={allShown}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            for (const s of shown) toggle(s, on);
          }}
        />
      </Group>
      {errors.schools && <Alert color="red">{errors.schools}</Alert>}
      <Text size="sm" c="dimmed">
        Выбрано школ: {picked.size}. Ожидаемые числа подставлены из численности обучающихся и педагогов — их
        можно изменить.
      </Text>
      <ScrollArea h={320}>
        <Table stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th>Школа</Table.Th>
              {GROUPS.filter((g) => groups.includes(g)).map((g) => (
                <Table.Th key={g}>{GROUP_LABELS[g]}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((s) => {
              const e = picked.get(s.id);
              return (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Checkbox
                      aria-label={s.name}
                      checked={Boolean(e)}
                      onChange={(ev) => toggle(s, ev.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.name}</Text>
                    <Text size="xs" c="dimmed">
                      {s.municipality.name}
                    </Text>
                  </Table.Td>
                  {GROUPS.filter((g) => groups.includes(g)).map((g) => (
                    <Table.Td key={g}>
                      {e && (
                        <NumberInput
                          size="xs"
                          w={80}
                          min={0}
                          value={e[g] ?? 0}
                          onChange={(v) => setExpected(s.id, g, typeof v === 'number' ? v : 0)}
                        />
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Отмена
        </Button>
        <Button onClick={submit} loading={create.isPending} data-testid="campaign-save">
          Создать черновик
        </Button>
      </Group>
    </Stack>
  );
}
