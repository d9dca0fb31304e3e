import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createOrgUnitInput, updateOrgUnitInput } from '../../modules/orgs/schemas.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { check, focusFirstError } from '../shared/form-check.js';
import type { OrgUnit } from '../shared/types.js';
import { formatDateTime, notifyError, notifyOk } from '../shared/ui.js';
import { type Draft, type DraftErrors, draftOf, OrgFormFields, payloadOf } from './org-form-fields.js';
import { INSTITUTION_TYPE_LABELS, KIND_COLORS, KIND_LABELS, type OrgKind } from './org-labels.js';

/** Field errors of a rejected request mapped onto the form; the rest goes to `general`. */
function fieldErrors(e: unknown): { fields: DraftErrors; general: string | null } {
  if (!(e instanceof ApiError)) return { fields: {}, general: e instanceof Error ? e.message : 'Ошибка' };
  const fields: DraftErrors = {};
  for (const f of e.fields) fields[f.field as keyof Draft] = f.message;
  return { fields, general: e.fields.length ? null : e.message };
}

function useDraft(initial: Draft) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const n = { ...e };
      for (const k of Object.keys(patch)) delete n[k as keyof Draft];
      return n;
    });
  };
  return { draft, setDraft, errors, setErrors, set };
}

/** The details of a unit, editable; a stale version is refused by the server and shown as a conflict. */
export function OrgEditPanel({ unit, parentName }: { unit: OrgUnit; parentName: string | null }) {
  const qc = useQueryClient();
  const [base, setBase] = useState<OrgUnit>(unit);
  const form = useDraft(draftOf(unit, unit.kind));
  const [conflict, setConflict] = useState<string | null>(null);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const before = payloadOf(draftOf(base, unit.kind), unit.kind);
  const after = payloadOf(form.draft, unit.kind);
  const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));

  function reload() {
    setBase(unit);
    form.setDraft(draftOf(unit, unit.kind));
    form.setErrors({});
    setConflict(null);
    setGeneral(null);
  }
  // A newer version arriving while nothing was edited is taken silently.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new version of the unit matters
  useEffect(() => {
    if (changed.length === 0 && unit.version !== base.version) reload();
  }, [unit.version]);

  async function save() {
    // Only the changed attributes are sent and checked: the others were saved valid.
    const { data: body, errors } = check(updateOrgUnitInput, {
      ...Object.fromEntries(changed.map((k) => [k, after[k]])),
      version: base.version,
    });
    form.setErrors(errors ?? {});
    setGeneral(null);
    if (!body) return focusFirstError();
    setBusy(true);
    try {
      const saved = await unwrap(
        api.PATCH('/api/org-units/{id}', { params: { path: { id: unit.id } }, body }),
      );
      setBase(saved);
      form.setDraft(draftOf(saved, saved.kind));
      setConflict(null);
      qc.setQueryData<OrgUnit[]>(['org-units'], (list) => list?.map((u) => (u.id === saved.id ? saved : u)));
      notifyOk('Сохранено');
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) {
        setConflict(e.message);
        await qc.invalidateQueries({ queryKey: ['org-units'] });
      } else {
        const r = fieldErrors(e);
        form.setErrors(r.fields);
        setGeneral(r.general);
        if (r.general) notifyError(e);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="org-panel">
      <Stack gap="sm">
        <div>
          <Group gap="xs">
            <Badge color={KIND_COLORS[unit.kind]} variant="light">
              {KIND_LABELS[unit.kind]}
            </Badge>
            {unit.kind === 'institution' && unit.institutionType && (
              <Text size="xs" c="dimmed">
                {INSTITUTION_TYPE_LABELS[unit.institutionType] ?? unit.institutionType}
              </Text>
            )}
            {unit.isDemo && (
              <Badge color="orange" variant="outline">
                демо
              </Badge>
            )}
          </Group>
          <Title order={4} mt={4}>
            {unit.name}
          </Title>
          {parentName && (
            <Text size="sm" c="dimmed">
              Входит в: {parentName}
            </Text>
          )}
          {unit.kind === 'school' &&
            (base.code ? (
              <Text size="sm" data-testid="org-code-shown">
                Код ОО: <b>{base.code}</b>
              </Text>
            ) : (
              <Text size="sm" c="orange.8" data-testid="org-code-shown">
                Код ОО не указан: школа не найдётся в пакетах данных оценочных процедур
              </Text>
            ))}
          <Text size="xs" c="dimmed">
            Версия {base.version}
            {'updatedAt' in unit && typeof unit.updatedAt === 'string'
              ? ` · изменено ${formatDateTime(unit.updatedAt)}`
              : ''}
          </Text>
        </div>
        {conflict && (
          <Alert color="orange" title="Конфликт изменений" data-testid="org-conflict">
            <Stack gap="xs">
              <Text size="sm">{conflict}</Text>
              <Group>
                <Button size="xs" variant="white" color="orange" onClick={reload}>
                  Загрузить актуальные данные
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {general && !conflict && <Alert color="red">{general}</Alert>}
        <OrgFormFields kind={unit.kind} draft={form.draft} errors={form.errors} set={form.set} />
        <Group justify="flex-end">
          <Button variant="default" onClick={reload} disabled={changed.length === 0 && !conflict}>
            Отменить изменения
          </Button>
          <Button onClick={save} loading={busy} disabled={changed.length === 0} data-testid="org-save">
            Сохранить
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type CreateProps = {
  parent: OrgUnit | null;
  kinds: OrgKind[];
  opened: boolean;
  onClose: () => void;
  onCreated: (u: OrgUnit) => void;
};

/** «Добавить»: a unit of an allowed kind under the selected one. */
export function CreateOrgModal({ parent, kinds, opened, onClose, onCreated }: CreateProps) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<OrgKind>(kinds[0] ?? 'school');
  const form = useDraft(draftOf(null, kind));
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens
  useEffect(() => {
    if (!opened) return;
    const k = kinds[0] ?? 'school';
    setKind(k);
    form.setDraft(draftOf(null, k));
    form.setErrors({});
    setGeneral(null);
  }, [opened]);

  async function save() {
    const { data: body, errors } = check(createOrgUnitInput, {
      parentId: parent?.id ?? null,
      kind,
      ...payloadOf(form.draft, kind),
    });
    form.setErrors(errors ?? {});
    if (!body) return focusFirstError();
    setBusy(true);
    try {
      const created = await unwrap(api.POST('/api/org-units', { body }));
      await qc.invalidateQueries({ queryKey: ['org-units'] });
      notifyOk(
        `${KIND_LABELS[kind]} «${created.name}» добавлен${kind === 'school' ? 'а' : kind === 'institution' ? 'о' : ''}`,
      );
      onCreated(created);
      onClose();
    } catch (e) {
      const r = fieldErrors(e);
      form.setErrors(r.fields);
      setGeneral(r.general ?? (e instanceof Error ? e.message : null));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={parent ? `Добавить в «${parent.shortName ?? parent.name}»` : 'Добавить регион'}
      size="lg"
    >
      <Stack>
        {kinds.length > 1 && (
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as OrgKind);
              form.set({
                institutionType: v === 'institution' ? (form.draft.institutionType ?? 'other') : null,
              });
            }}
            data={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
        )}
        {general && <Alert color="red">{general}</Alert>}
        <OrgFormFields kind={kind} draft={form.draft} errors={form.errors} set={form.set} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} data-testid="org-create-save">
            Добавить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
