import {
  Alert,
  Button,
  type ComboboxItem,
  type ComboboxParsedItem,
  Group,
  Modal,
  type OptionsFilter,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { assignmentInput } from '../../modules/auth/user-schemas.js';
import { api, unwrap } from '../shared/api.js';
import { check, type FieldErrors } from '../shared/form-check.js';
import { type OrgUnit, ROLE_LABELS, type Role } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { KIND_LABELS } from './org-labels.js';
import { ROLE_UNIT_KINDS, ROLES, type UserRow } from './user-types.js';

const GROUP_LABELS: Record<OrgUnit['kind'], string> = {
  region: 'Регион',
  municipality: 'Муниципалитеты',
  school: 'Школы',
  institution: 'Учреждения',
};

export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: () => unwrap(api.GET('/api/org-units')),
    staleTime: 60_000,
  });
}

/** A role in a unit of the kind the role goes to; schools are shown with their municipality. */
export function AssignRoleModal({
  user,
  opened,
  onClose,
}: {
  user: UserRow | null;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const units = useOrgUnits();
  const [role, setRole] = useState<Role | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (opened) {
      setRole(null);
      setUnitId(null);
      setErrors({});
    }
  }, [opened]);

  const all = units.data ?? [];
  const byId = new Map(all.map((u) => [u.id, u]));
  const kinds = role ? ROLE_UNIT_KINDS[role] : [];
  const options = all
    .filter((u) => kinds.includes(u.kind))
    .map((u) => {
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      const where =
        u.kind === 'school' || u.kind === 'institution' ? (parent?.shortName ?? parent?.name) : undefined;
      return {
        value: u.id,
        label: `${u.shortName ?? u.name}${where ? ` — ${where}` : ''}`,
        group: GROUP_LABELS[u.kind],
        // Found by the short name shown, the full name used everywhere else, and the INN.
        search: [u.shortName, u.name, where, u.inn].filter(Boolean).join(' ').toLocaleLowerCase('ru'),
      };
    });
  const searchOf = new Map(options.map((o) => [o.value, o.search]));
  const byAnyName: OptionsFilter = ({ options: list, search }) => {
    const words = search.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
    const keep = (o: ComboboxParsedItem): ComboboxParsedItem[] => {
      if ('group' in o) {
        const items = o.items.flatMap(keep) as ComboboxItem[];
        return items.length ? [{ ...o, items }] : [];
      }
      const text = searchOf.get(o.value) ?? o.label.toLocaleLowerCase('ru');
      return words.every((w) => text.includes(w)) ? [o] : [];
    };
    return list.flatMap(keep);
  };
  const grouped = [...new Set(options.map((o) => o.group))].map((g) => ({
    group: g,
    items: options.filter((o) => o.group === g).map(({ value, label }) => ({ value, label })),
  }));
  const held = new Map((user?.assignments ?? []).map((a) => [`${a.role}:${a.orgUnitId}`, a.source]));
  const heldAs = role && unitId ? held.get(`${role}:${unitId}`) : undefined;
  // A pair the directory gave may be taken over by hand: then it stays when the person leaves the group.
  const duplicate = heldAs === 'manual';
  const takeOver = heldAs === 'directory';

  async function save() {
    if (!user) return;
    const { data: body, errors: found } = check(assignmentInput, { role, orgUnitId: unitId });
    setErrors(found ?? {});
    if (!body) return;
    setBusy(true);
    try {
      await unwrap(api.POST('/api/users/{id}/assignments', { params: { path: { id: user.id } }, body }));
      notifyOk(
        takeOver
          ? `Роль «${ROLE_LABELS[body.role]}» закреплена вручную`
          : `Роль «${ROLE_LABELS[body.role]}» назначена`,
      );
      await qc.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Назначить роль: ${user?.fullName ?? ''}`} size="lg">
      <Stack>
        <Select
          label="Роль"
          placeholder="Выберите роль"
          data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={role}
          onChange={(v) => {
            setRole(v as Role | null);
            setUnitId(null);
            setErrors({});
          }}
          error={errors.role}
          data-testid="assign-role"
        />
        {role && (
          <Select
            label="Организация"
            description={`Для этой роли: ${kinds.map((k) => KIND_LABELS[k as OrgUnit['kind']].toLowerCase()).join(' или ')}`}
            placeholder={units.isPending ? 'Загрузка…' : 'Начните вводить название'}
            data={grouped}
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setErrors({});
            }}
            error={errors.orgUnitId}
            searchable
            filter={byAnyName}
            limit={200}
            nothingFoundMessage="Нет подходящих организаций"
            data-testid="assign-unit"
          />
        )}
        {role && options.length === 0 && units.isSuccess && (
          <Alert color="yellow">Нет организаций нужного уровня. Добавьте их в разделе «Организации».</Alert>
        )}
        {duplicate && (
          <Text size="sm" c="orange">
            Эта роль в этой организации уже назначена.
          </Text>
        )}
        {takeOver && (
          <Alert color="grape" data-testid="assign-take-over">
            Эта роль уже выдана по группе каталога LDAP и снимется сама, когда человек выйдет из группы.
            Назначенная вручную, она останется и без группы.
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button
            onClick={save}
            loading={busy}
            disabled={!role || !unitId || duplicate}
            data-testid="assign-save"
          >
            {takeOver ? 'Закрепить вручную' : 'Назначить'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
