import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../db/schema/values.js';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError, Query } from '../shared/ui.js';
import { NOTIFICATIONS_KEY, useMarkRead } from './hooks.js';
import { KIND_LABELS, L } from './labels.js';
import { NotificationSettings } from './settings-form.js';

// «Уведомления»: the user's own notices with filters, «прочитано», links to the objects; e-mail settings.

const PAGE = 20;

export function NotificationRoutes() {
  return (
    <Routes>
      <Route index element={<NotificationsPage />} />
    </Routes>
  );
}

function NotificationsPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [kind, setKind] = useState<NotificationKind | null>(null);
  const [page, setPage] = useState(1);
  const mark = useMarkRead();
  const q = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'page', unreadOnly, kind, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/notifications', {
          params: {
            query: {
              ...(unreadOnly && { unread: 'true' as const }),
              ...(kind && { kind }),
              limit: PAGE,
              offset: (page - 1) * PAGE,
            },
          },
        }),
      ),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{L.title}</Title>
        {(q.data?.unread ?? 0) > 0 && (
          <Button variant="light" onClick={() => mark.all().catch(notifyError)}>
            {L.markAll}
          </Button>
        )}
      </Group>
      <Group>
        <SegmentedControl
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => {
            setUnreadOnly(v === 'unread');
            setPage(1);
          }}
          data={[
            { value: 'all', label: L.everything },
            { value: 'unread', label: L.unreadOnly },
          ]}
        />
        <Select
          aria-label={L.kind}
          placeholder={L.anyKind}
          clearable
          value={kind}
          onChange={(v) => {
            setKind(NOTIFICATION_KINDS.find((k) => k === v) ?? null);
            setPage(1);
          }}
          data={NOTIFICATION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          w={320}
        />
      </Group>
      <Query q={q}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{unreadOnly ? L.noneUnread : L.none}</Text>
          ) : (
            <Paper withBorder>
              <Table data-testid="notification-list" verticalSpacing="sm">
                <Table.Tbody>
                  {data.items.map((n) => (
                    <Table.Tr key={n.id} data-unread={n.readAt ? undefined : 'true'}>
                      <Table.Td w={150}>
                        <Text size="sm">{formatDateTime(n.createdAt)}</Text>
                        <Badge size="xs" variant="light" color="gray">
                          {KIND_LABELS[n.kind]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        {n.link ? (
                          <Anchor
                            component={Link}
                            to={n.link}
                            fw={n.readAt ? 400 : 600}
                            onClick={() => {
                              if (!n.readAt) mark.one(n.id).catch(notifyError);
                            }}
                          >
                            {n.title}
                          </Anchor>
                        ) : (
                          <Text fw={n.readAt ? 400 : 600}>{n.title}</Text>
                        )}
                        <Text size="sm" c="dimmed">
                          {n.body}
                        </Text>
                      </Table.Td>
                      <Table.Td w={130} ta="right">
                        {!n.readAt && (
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            onClick={() => mark.one(n.id).catch(notifyError)}
                          >
                            {L.markRead}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )
        }
      </Query>
      {(q.data?.total ?? 0) > PAGE && (
        <Pagination total={Math.ceil((q.data?.total ?? 0) / PAGE)} value={page} onChange={setPage} />
      )}
      <NotificationSettings />
    </Stack>
  );
}
