import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';

// The unread count is polled (every 60 s and when the window gets focus): cheap — one count over a
// partial index. Any change of the notices refreshes every query under ['notifications'].

export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function useUnreadCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
  return {
    one: async (id: string) => {
      await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
      await refresh();
    },
    all: async () => {
      await unwrap(api.POST('/api/notifications/read-all'));
      await refresh();
    },
  };
}
