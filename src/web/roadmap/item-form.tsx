import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { createItemInput, updateItemInput } from '../../modules/roadmaps/schemas.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { check, focusFirstError } from '../shared/form-check.js';
import type { ItemView, RoadmapDetail } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { formatValue } from './history-format.js';
import { useHistoryContext } from './history-list.js';
import { useInvalidate, useRoadmap } from './hooks.js';
import { ItemFormFields } from './item-form-fields.js';
import {
  changedKeys,
  emptyValues,
  ITEM_KEYS,
  type ItemKey,
  type ItemValues,
  same,
  toPayload,
  valuesOf,
} from './item-values.js';
import { FIELD_LABELS, S } from './strings.js';

type Props = {
  roadmap: RoadmapDetail;
  /** The item to edit; without it a new one is added at the end of `sectionId`. */
  item?: ItemView;
  sectionId?: string;
  onDone: (savedId?: string) => void;
};

/**
 * Edits a measure, sending only the changed fields with the version the item had when the form opened.
 * On a conflict the user's input stays; «Обновить данные» loads the saved version, takes over the
 * fields the user did not touch and shows what the other user saved next to those the user did.
 */
export function ItemForm({ roadmap, item, sectionId, onDone }: Props) {
  const invalidate = useInvalidate(roadmap.id);
  const fresh = useRoadmap(roadmap.id);
  const ctx = useHistoryContext(roadmap);
  const [base, setBase] = useState<ItemValues>(() =>
    item ? valuesOf(item) : emptyValues(nextNumber(roadmap, sectionId)),
  );
  const [values, setValues] = useState<ItemValues>(base);
  const [version, setVersion] = useState(item?.version);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [theirs, setTheirs] = useState<Partial<Record<ItemKey, string>>>({});
  const [conflict, setConflict] = useState<'stale' | 'refreshed' | 'gone' | null>(null);
  const [taken, setTaken] = useState<ItemKey[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends ItemKey>(k: K, v: ItemValues[K]) => setValues((old) => ({ ...old, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    // Editing sends only the changed fields; a new item is checked whole.
    const keys = changedKeys(item ? base : emptyValues(''), values);
    const edit = check(updateItemInput, { ...toPayload(values, keys), version });
    const create = check(createItemInput, { ...toPayload(values, keys), measure: values.measure, sectionId });
    const errors = item ? edit.errors : create.errors;
    setErrors(errors ?? {});
    if (errors) return focusFirstError();
    setBusy(true);
    try {
      if (item && edit.data) {
        if (keys.length > 0) {
          await unwrap(api.PATCH('/api/items/{id}', { params: { path: { id: item.id } }, body: edit.data }));
          // The conflict notice stays until closed; once resolved it is no longer true.
          if (conflict) notifications.clean();
          notifyOk('Мероприятие сохранено');
        }
        await invalidate();
        onDone(item.id);
      } else if (create.data) {
        const created = await unwrap(
          api.POST('/api/roadmaps/{id}/items', { params: { path: { id: roadmap.id } }, body: create.data }),
        );
        notifyOk('Мероприятие добавлено');
        await invalidate();
        onDone(created.id);
      }
    } catch (err) {
      notifyError(err);
      if (err instanceof ApiError) {
        if (err.isConflict) setConflict('stale');
        setErrors(Object.fromEntries(err.fields.map((f) => [f.field, f.message])));
      }
    } finally {
      setBusy(false);
    }
  }

  async function refresh() {
    if (!item) return;
    const r = await fresh.refetch();
    await invalidate();
    const now = r.data?.sections.flatMap((s) => s.items).find((x) => x.id === item.id);
    if (!now) {
      setConflict('gone');
      return;
    }
    const saved = valuesOf(now);
    const merged = { ...values };
    const mine: Partial<Record<ItemKey, string>> = {};
    const took: ItemKey[] = [];
    for (const k of ITEM_KEYS) {
      if (same(base, saved, k)) continue;
      if (same(base, values, k)) {
        Object.assign(merged, { [k]: saved[k] });
        took.push(k);
      } else {
        mine[k] = formatValue(k, saved[k] === '' ? null : saved[k], ctx);
      }
    }
    setBase(saved);
    setValues(merged);
    setVersion(now.version);
    setTheirs(mine);
    setTaken(took);
    setConflict('refreshed');
  }

  return (
    <form onSubmit={submit} noValidate data-testid="item-form">
      <Stack>
        {conflict === 'stale' && (
          <Alert color="orange" title="Конфликт изменений" data-testid="item-conflict">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{S.conflictHint}</Text>
              <Button
                size="xs"
                color="orange"
                onClick={refresh}
                loading={fresh.isFetching}
                data-testid="item-refresh"
              >
                {S.refresh}
              </Button>
            </Stack>
          </Alert>
        )}
        {conflict === 'refreshed' && (
          <Alert color="blue" data-testid="item-refreshed">
            <Text size="sm">{S.refreshedHint}</Text>
            {taken.length > 0 && (
              <Text size="sm" mt={4}>
                Взяты сохранённые значения: {taken.map((k) => FIELD_LABELS[k] ?? k).join(', ')}.
              </Text>
            )}
          </Alert>
        )}
        {conflict === 'gone' && (
          <Alert color="red">Мероприятие удалено другим пользователем. Сохранить изменения нельзя.</Alert>
        )}
        <ItemFormFields
          values={values}
          set={set}
          errors={errors}
          theirs={theirs}
          boundFact={Boolean(item?.coverageBinding)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone()}>
            {S.cancel}
          </Button>
          <Button type="submit" loading={busy} disabled={conflict === 'gone'} data-testid="item-save">
            {S.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** «2.4» after «2.3» in section 2, or the section's number with «.1». */
function nextNumber(roadmap: RoadmapDetail, sectionId?: string): string {
  const s = roadmap.sections.find((x) => x.id === sectionId);
  if (!s) return '';
  const last = s.items.at(-1)?.number;
  const m = last?.match(/^(.*?)(\d+)$/);
  if (m) return `${m[1]}${Number(m[2]) + 1}`;
  return s.number ? `${s.number.replace(/\.$/, '')}.1` : '';
}
