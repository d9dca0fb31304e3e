import { Alert, Badge, Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { ApiError } from './api.js';
import { ITEM_STATUS_LABELS, type ItemView } from './types.js';

const STATUS_COLORS: Record<ItemView['status'], string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'green',
  not_done: 'red',
  postponed: 'yellow',
  cancelled: 'dark',
};

export function StatusBadge({ status, overdue }: { status: ItemView['status']; overdue?: boolean }) {
  return (
    <>
      <Badge color={STATUS_COLORS[status]} variant="light" size="sm">
        {ITEM_STATUS_LABELS[status]}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled" size="sm" ml={4}>
          просрочено
        </Badge>
      )}
    </>
  );
}

export function ConfirmationBadge({ value }: { value: ItemView['confirmation'] }) {
  if (!value) return null;
  const map = {
    pending: ['ждёт подтверждения', 'orange'],
    confirmed: ['подтверждено', 'teal'],
    returned: ['возвращено на доработку', 'red'],
  } as const;
  const [label, color] = map[value];
  return (
    <Badge color={color} variant="outline" size="sm">
      {label}
    </Badge>
  );
}

export const formatDate = (d: string | null | undefined) => (d ? dayjs(d).format('DD.MM.YYYY') : '—');
export const formatDateTime = (d: string | null | undefined) =>
  d ? dayjs(d).format('DD.MM.YYYY HH:mm') : '—';

export function Loading() {
  return (
    <Center p="xl">
      <Loader />
    </Center>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  const msg = error instanceof Error ? error.message : 'Ошибка';
  return <Alert color="red">{msg}</Alert>;
}

/** Shows any data-loading state in one line: `<Query q={q}>{(data) => …}</Query>`. */
export function Query<T>({
  q,
  children,
}: {
  q: { data?: T; error: unknown; isPending: boolean };
  children: (d: T) => ReactNode;
}) {
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBox error={q.error} />;
  return q.data === undefined ? null : children(q.data);
}

/** Notification for a failed action; a version conflict gets its own wording and colour. */
export function notifyError(e: unknown) {
  const conflict = e instanceof ApiError && e.isConflict;
  notifications.show({
    color: conflict ? 'orange' : 'red',
    title: conflict ? 'Конфликт изменений' : 'Ошибка',
    message: e instanceof Error ? e.message : 'Не удалось выполнить действие',
    autoClose: conflict ? false : 8000,
  });
}

export function notifyOk(message: string) {
  notifications.show({ color: 'green', message, autoClose: 3000 });
}
