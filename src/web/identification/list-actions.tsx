import { Button, Checkbox, Group, Modal, Paper, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { plural } from '../../lib/plural.js';
import { parseRuDate } from '../roadmap/format.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import { isStale, StaleRunWarning } from './run-progress.js';
import { LIST_KINDS, listHeading } from './strings.js';
import type { ListDetail, ListEntry } from './types.js';

export type DecisionTarget = { entry: ListEntry; decision: 'include' | 'exclude' | 'reset' };

/** Reports a failed change; on a version conflict the list is reloaded so the operator sees what changed. */
function useFailure(listId: string) {
  const qc = useQueryClient();
  return async (e: unknown) => {
    notifyError(e);
    if (e instanceof ApiError && e.isConflict) await qc.invalidateQueries({ queryKey: keys.list(listId) });
  };
}

/** «Исключить» / «Включить» with a required written reason; «Снять решение» returns to the computed flag. */
export function DecisionModal({
  list,
  target,
  onClose,
}: {
  list: ListDetail;
  target: DecisionTarget | null;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const fail = useFailure(list.id);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };

  async function save() {
    if (!target) return;
    if (target.decision !== 'reset' && !reason.trim()) {
      setError('Укажите причину решения');
      return;
    }
    setBusy(true);
    const path = { id: list.id, schoolId: target.entry.school.id };
    try {
      const url = '/api/identification/lists/{id}/decisions/{schoolId}';
      if (target.decision === 'reset') {
        await unwrap(api.DELETE(url, { params: { path, query: { version: list.version } } }));
      } else {
        const body = { decision: target.decision, reason: reason.trim(), version: list.version };
        await unwrap(api.PUT(url, { params: { path }, body }));
      }
      notifyOk('Решение сохранено');
      await qc.invalidateQueries({ queryKey: keys.list(list.id) });
      close();
    } catch (e) {
      const field = e instanceof ApiError ? e.fields.find((f) => f.field === 'reason') : undefined;
      if (field) setError(field.message);
      else {
        await fail(e);
        if (e instanceof ApiError && e.isConflict) close();
      }
    } finally {
      setBusy(false);
    }
  }

  const title =
    target?.decision === 'exclude'
      ? 'Исключить школу из списка'
      : target?.decision === 'include'
        ? 'Включить школу в список'
        : 'Снять решение оператора';
  return (
    <Modal opened={target !== null} onClose={close} title={title} size="lg">
      {target && (
        <Stack>
          <Text size="sm" fw={600}>
            {target.entry.school.name}
          </Text>
          {target.decision === 'reset' ? (
            <Text size="sm">
              Школа вернётся в список по результату расчёта (
              {target.entry.computed ? 'входит в список по расчёту' : 'не входит в список по расчёту'}).
            </Text>
          ) : (
            <Textarea
              label="Причина"
              description="Причина сохраняется и показывается вместе со списком"
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              autosize
              minRows={3}
              required
              data-testid="decision-reason"
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Отмена
            </Button>
            <Button
              onClick={save}
              loading={busy}
              color={target.decision === 'exclude' ? 'red' : undefined}
              data-testid="decision-save"
            >
              Сохранить
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/**
 * «Утвердить приказом»: order number and date, and the other drafts of the year the same order approves
 * as its further appendices (Приложение 1 — ШНОР, Приложение 2 — зона риска). Each approved list is
 * frozen. A list whose run is stale (the data it used imported again) is not approved: the modal says so
 * and offers no approval. A date in the future or before the list's year is refused by the server; its
 * message is shown under the date.
 */
export function ApproveModal({
  list,
  opened,
  onClose,
}: {
  list: ListDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const qc = useQueryClient();
  const fail = useFailure(list.id);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState<string | null>(dayjs().format('YYYY-MM-DD'));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [withIds, setWithIds] = useState<string[]>([]);
  // The run as it is now: whether its data changed after it is worked out on every read.
  const run = useQuery({
    queryKey: keys.run(list.run.id),
    queryFn: () => fetchers.run(list.run.id),
    enabled: opened && list.status === 'draft',
  });
  const stale = run.data !== undefined && isStale(run.data);
  // Other drafts of the year: the same order may approve them as further appendices.
  const year = useQuery({
    queryKey: keys.lists(list.year),
    queryFn: () => fetchers.lists(list.year),
    enabled: opened && list.status === 'draft',
  });
  const others = (year.data ?? []).filter((l) => l.status === 'draft' && l.id !== list.id && l.canEdit);
  const appendices = [list, ...others.filter((l) => withIds.includes(l.id))].sort(
    (a, b) => LIST_KINDS.indexOf(a.kind) - LIST_KINDS.indexOf(b.kind),
  );

  async function approve() {
    const local: Record<string, string> = {};
    if (!number.trim()) local.orderNumber = 'Укажите номер приказа';
    if (!date) local.orderDate = 'Укажите дату приказа';
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/identification/orders', {
          body: {
            orderNumber: number.trim(),
            orderDate: dayjs(date).format('YYYY-MM-DD'),
            lists: appendices.map((l) => ({ listId: l.id, version: l.version })),
          },
        }),
      );
      notifyOk(
        appendices.length > 1
          ? `Приказом утверждены: ${appendices.map((l) => listHeading(l)).join('; ')}`
          : `${listHeading(list)} утверждён`,
      );
      for (const l of appendices) await qc.invalidateQueries({ queryKey: keys.list(l.id) });
      await qc.invalidateQueries({ queryKey: ['identification-lists'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0)
        setErrors(Object.fromEntries(e.fields.map((f) => [f.field, f.message])));
      else await fail(e);
      if (e instanceof ApiError && e.isConflict) {
        await qc.invalidateQueries({ queryKey: keys.run(list.run.id) });
        await qc.invalidateQueries({ queryKey: ['identification-lists'] });
        onClose();
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={`Утвердить приказом: ${listHeading(list)}`} size="lg">
      <Stack>
        {run.data && stale && (
          <>
            <StaleRunWarning run={run.data} />
            <Text size="sm">
              Выполните расчёт заново на вкладке «Расчёты» и пересоберите черновик по новому расчёту (кнопка
              «Сформировать список по расчёту» на вкладке «Списки»): решения по школам, которые есть в новом
              расчёте, сохранятся.
            </Text>
          </>
        )}
        <Text size="sm">
          Школ в списке: {list.entries.filter((e) => e.included).length}. После утверждения список
          замораживается: новые данные и изменения методики его не меняют, он становится виден школам, которые
          в него входят, и их муниципалитетам.
        </Text>
        {others.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              Утвердить этим же приказом
            </Text>
            {others.map((l) => (
              <Checkbox
                key={l.id}
                label={`${listHeading(l)} — школ: ${l.counts.included}`}
                checked={withIds.includes(l.id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setWithIds((ids) => (on ? [...ids, l.id] : ids.filter((x) => x !== l.id)));
                }}
                data-testid={`approve-with-${l.kind}`}
              />
            ))}
          </Stack>
        )}
        {appendices.length > 1 && (
          <Paper withBorder p="xs" bg="gray.0" data-testid="approve-appendices">
            {appendices.map((l, i) => (
              <Text size="sm" key={l.id}>
                Приложение {i + 1} — {listHeading(l)}
              </Text>
            ))}
          </Paper>
        )}
        <TextInput
          label="Номер приказа"
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={errors.orderNumber}
          required
          data-testid="approve-number"
        />
        <DateInput
          label="Дата приказа"
          description={`Не позже сегодняшнего дня и не раньше 01.01.${list.year - 1} (список составлен по результатам ${list.year - 1} и ${list.year} годов)`}
          value={date}
          onChange={(v) => {
            setDate(v);
            setErrors(({ orderDate: _, ...rest }) => rest);
          }}
          valueFormat="DD.MM.YYYY"
          dateParser={parseRuDate}
          error={errors.orderDate}
          required
          data-testid="approve-date"
        />
        {errors.lists && (
          <Text size="sm" c="red">
            {errors.lists}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button
            color="green"
            onClick={approve}
            loading={busy}
            disabled={stale || run.isLoading}
            title={stale ? 'Расчёт устарел: выполните его заново' : undefined}
            data-testid="approve-save"
          >
            {appendices.length > 1
              ? `Утвердить ${appendices.length} ${plural(appendices.length, ['список', 'списка', 'списков'])}`
              : 'Утвердить'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
