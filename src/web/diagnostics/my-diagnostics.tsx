import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { D } from './strings.js';
import { TeacherResultsView } from './teacher-results.js';

// The teacher's own part of «Мой маршрут» (issue 14 §1): his results only; the server answers with the
// staff records linked to his account and nothing of his colleagues.
export function MyDiagnostics() {
  const q = useQuery({
    queryKey: ['my-diagnostic-results'],
    queryFn: () => unwrap(api.GET('/api/my/diagnostic-results')),
  });
  return (
    <Stack gap="xs" data-testid="my-diagnostics">
      <Title order={3}>{D.myResults}</Title>
      <Query q={q}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">{D.noMyResults}</Text>
          ) : (
            rows.map((r) => <TeacherResultsView key={r.staffId} data={r} />)
          )
        }
      </Query>
    </Stack>
  );
}
