import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../shared/api.js';
import { Query } from '../shared/ui.js';
import { PRACTICE_UI as T } from './labels.js';
import { PracticeTable } from './practice-table.js';

// «Похожие школы» of a school: practices of improved schools of its cluster, each with why it is suggested.
export function SimilarSchools({ schoolId, onClose }: { schoolId: string; onClose: () => void }) {
  const similar = useQuery({
    queryKey: ['practices-similar', schoolId],
    queryFn: () => unwrap(api.GET('/api/practices/similar/{id}', { params: { path: { id: schoolId } } })),
  });
  return (
    <Card withBorder data-testid="similar-schools">
      <Query q={similar}>
        {(s) => (
          <Stack>
            <Group justify="space-between">
              <Title order={4}>{T.similarTitle(s.school.name)}</Title>
              <Button variant="subtle" size="xs" onClick={onClose}>
                Закрыть
              </Button>
            </Group>
            {s.message && <Alert color="yellow">{s.message}</Alert>}
            {!s.message && s.suggestions.length === 0 && <Text c="dimmed">{T.similarEmpty}</Text>}
            {s.suggestions.map((g) => (
              <Stack key={g.schoolId} gap={4} data-testid="similar-school">
                <Text fw={600}>{g.schoolName}</Text>
                <Text size="sm" c="dimmed" data-testid="similar-why">
                  {g.why.charAt(0).toUpperCase() + g.why.slice(1)}
                </Text>
                <PracticeTable rows={g.practices} testId="similar-practices" />
              </Stack>
            ))}
          </Stack>
        )}
      </Query>
    </Card>
  );
}
