import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { ActivityList } from './activity-list.js';
import { R, ROUTE_STATUS_LABELS } from './strings.js';

// «Мой маршрут»: the teacher's own route — goals, activities he marks done with a file of evidence,
// what the school confirmed or returned. The server answers with his own routes only.
export function MyRoute() {
  const q = useQuery({
    queryKey: ['my-individual-routes'],
    queryFn: () => unwrap(api.GET('/api/me/individual-routes')),
  });
  return (
    <Paper withBorder p="md" data-testid="my-route">
      <Stack>
        <Title order={3}>{R.myRoute}</Title>
        <Query q={q}>
          {(routes) => {
            const r = routes[0];
            if (!r) return <Text c="dimmed">{R.myRouteNone}</Text>;
            return (
              <Stack gap="xs">
                <Text size="sm" c="dimmed" data-testid="my-route-status">
                  {r.year}/{String((r.year + 1) % 100).padStart(2, '0')} уч. год · статус:{' '}
                  {ROUTE_STATUS_LABELS[r.status]}
                </Text>
                {r.goals.map((g, i) => (
                  <Text key={g.id}>
                    {i + 1}. {g.text}
                  </Text>
                ))}
                <ActivityList route={r} onChanged={() => q.refetch()} />
              </Stack>
            );
          }}
        </Query>
      </Stack>
    </Paper>
  );
}
