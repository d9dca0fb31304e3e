import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { formatDateTime, notifyError } from '../shared/ui.js';
import { NOTIFICATIONS_KEY, useMarkRead, useUnreadCount } from './hooks.js';
import { L } from './labels.js';

// The bell in the header on every page: the unread count, and the latest ten in a dropdown.

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

export function NotificationBell() {
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md">
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          pos="relative"
          aria-label={L.bell(unread)}
          data-testid="notification-bell"
          onClick={() => setOpened((o) => !o)}
        >
          <BellIcon />
          {unread > 0 && (
            <Badge
              size="xs"
              color="red"
              variant="filled"
              circle={unread < 10}
              pos="absolute"
              top={-2}
              right={-4}
              data-testid="notification-count"
            >
              {unread > 99 ? '99+' : unread}
            </Badge>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs">{opened && <Latest close={() => setOpened(false)} />}</Popover.Dropdown>
    </Popover>
  );
}

function Latest({ close }: { close: () => void }) {
  const navigate = useNavigate();
  const mark = useMarkRead();
  const q = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'latest'],
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { limit: 10 } } })),
  });
  const open = async (n: { id: string; link: string | null; readAt: string | null }) => {
    try {
      if (!n.readAt) await mark.one(n.id);
    } catch (e) {
      notifyError(e);
    }
    close();
    navigate(n.link ?? '/notifications');
  };
  const items = q.data?.items ?? [];
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {L.latest}
        </Text>
        {(q.data?.unread ?? 0) > 0 && (
          <Button size="compact-xs" variant="subtle" onClick={() => mark.all().catch(notifyError)}>
            {L.markAll}
          </Button>
        )}
      </Group>
      <Divider />
      <ScrollArea.Autosize mah={420}>
        {q.isLoading ? null : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {L.none}
          </Text>
        ) : (
          <Stack gap={2} data-testid="notification-latest">
            {items.map((n) => (
              <Anchor
                key={n.id}
                component="button"
                type="button"
                onClick={() => open(n)}
                c="inherit"
                underline="never"
                p={6}
                style={{
                  textAlign: 'left',
                  borderRadius: 4,
                  background: n.readAt ? undefined : 'var(--mantine-color-blue-0)',
                }}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600}>
                  {n.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {n.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt)}
                </Text>
              </Anchor>
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
      <Divider />
      <Anchor component={Link} to="/notifications" size="sm" ta="center" onClick={close}>
        {L.all}
      </Anchor>
    </Stack>
  );
}
