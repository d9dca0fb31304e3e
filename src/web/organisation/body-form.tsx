import { ActionIcon, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { byRussian } from '../../lib/sort.js';
import { BODY_KIND_LABELS, PERIODICITY_LABELS } from '../../modules/organisation/meeting-labels.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { type BodyDetail, useInvalidateMeetings } from './meetings-api.js';

// The form of a new working body: its unit (one the user keeps), kind, name, periodicity, the order it
// is created by and its members with one chair.

const KEEPER_ROLES = ['regional_operator', 'regional_center', 'municipal_coordinator', 'school_team'];

/** The units whose bodies the user keeps (the keepers of their roadmaps). */
export function useKeptUnits() {
  const me = useMe();
  const seen = new Map<string, { id: string; name: string }>();
  for (const a of me.assignments)
    if (KEEPER_ROLES.includes(a.role)) seen.set(a.orgUnitId, { id: a.orgUnitId, name: a.unitName });
  return [...seen.values()];
}

export const sortedBy = <T extends { name: string }>(list: T[]) => [...list].sort(byRussian((u) => u.name));

type Member = {
  fullName: string;
  position: string;
  isChair: boolean;
  orgUnitId?: string | null;
  userId?: string | null;
};
const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((k) => ({ value: k, label: labels[k] }));

/** A new body, or `body` edited (its name, periodicity, dates and members; the version read is checked). */
export function BodyForm({
  onClose,
  onCreated,
  body: edited,
}: {
  onClose: () => void;
  onCreated: (id: string) => void;
  body?: BodyDetail;
}) {
  const kept = useKeptUnits();
  const invalidate = useInvalidateMeetings();
  const [unitId, setUnitId] = useState<string | null>(kept[0]?.id ?? null);
  const [kind, setKind] = useState<string | null>('working_group');
  const [name, setName] = useState(edited?.name ?? '');
  const [periodicity, setPeriodicity] = useState<string | null>(edited ? edited.periodicity : 'monthly');
  const [activeFrom, setActiveFrom] = useState(edited?.activeFrom ?? new Date().toISOString().slice(0, 10));
  const [activeTo, setActiveTo] = useState(edited?.activeTo ?? '');
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState('');
  const [members, setMembers] = useState<Member[]>(
    edited
      ? edited.members.map((m) => ({ ...m, position: m.position ?? '' }))
      : [{ fullName: '', position: '', isChair: true }],
  );
  const [busy, setBusy] = useState(false);
  const setMember = (i: number, patch: Partial<Member>) =>
    setMembers((list) =>
      list.map((m, j) => (j === i ? { ...m, ...patch } : patch.isChair ? { ...m, isChair: false } : m)),
    );

  const save = async () => {
    setBusy(true);
    try {
      const memberList = members
        .filter((m) => m.fullName.trim())
        .map((m) => ({
          fullName: m.fullName,
          position: m.position || null,
          isChair: m.isChair,
          orgUnitId: m.orgUnitId ?? null,
          userId: m.userId ?? null,
        }));
      if (edited) {
        await unwrap(
          api.PATCH('/api/working-bodies/{id}', {
            params: { path: { id: edited.id } },
            body: {
              version: edited.version,
              name,
              periodicity: (periodicity ?? null) as 'monthly' | null,
              activeFrom,
              activeTo: activeTo || null,
              members: memberList,
            },
          }),
        );
        notifyOk('Рабочий орган сохранён');
        await invalidate();
        onClose();
        return;
      }
      const body = await unwrap(
        api.POST('/api/working-bodies', {
          body: {
            orgUnitId: unitId ?? '',
            kind: (kind ?? 'working_group') as 'working_group',
            name,
            periodicity: (periodicity ?? null) as 'monthly' | null,
            activeFrom,
            order: orderNumber ? { number: orderNumber, date: orderDate } : null,
            members: memberList,
          },
        }),
      );
      notifyOk('Рабочий орган создан');
      await invalidate();
      onCreated(body.id);
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={edited ? edited.name : 'Новый рабочий орган'} size="lg">
      <Stack>
        {!edited && (
          <>
            <Select
              label="Организация"
              data={kept.map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={setUnitId}
            />
            <Select label="Вид" data={options(BODY_KIND_LABELS)} value={kind} onChange={setKind} />
          </>
        )}
        <TextInput
          label="Название"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="body-name"
        />
        <Group grow>
          <Select
            label="Периодичность заседаний"
            data={options(PERIODICITY_LABELS)}
            value={periodicity}
            onChange={setPeriodicity}
            clearable
          />
          <TextInput
            type="date"
            label="Действует с"
            value={activeFrom}
            onChange={(e) => setActiveFrom(e.currentTarget.value)}
          />
        </Group>
        {edited ? (
          <TextInput
            type="date"
            label="Действует по (пусто — бессрочно)"
            value={activeTo}
            onChange={(e) => setActiveTo(e.currentTarget.value)}
          />
        ) : (
          <Group grow>
            <TextInput
              label="Приказ №"
              value={orderNumber}
              onChange={(e) => setOrderNumber(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="от"
              value={orderDate}
              onChange={(e) => setOrderDate(e.currentTarget.value)}
            />
          </Group>
        )}
        <Text fw={500}>Состав</Text>
        {members.map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of a form being typed have no id yet
          <Group key={i} align="end" wrap="nowrap">
            <TextInput
              label="ФИО"
              value={m.fullName}
              onChange={(e) => setMember(i, { fullName: e.currentTarget.value })}
            />
            <TextInput
              label="Должность"
              value={m.position}
              onChange={(e) => setMember(i, { position: e.currentTarget.value })}
            />
            <Checkbox
              label="Председатель"
              checked={m.isChair}
              onChange={(e) => setMember(i, { isChair: e.currentTarget.checked })}
              mb={8}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              onClick={() => setMembers((l) => l.filter((_, j) => j !== i))}
              aria-label="Убрать"
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          onClick={() => setMembers((l) => [...l, { fullName: '', position: '', isChair: false }])}
        >
          Добавить участника
        </Button>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} data-testid="body-save">
            {edited ? 'Сохранить' : 'Создать'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
