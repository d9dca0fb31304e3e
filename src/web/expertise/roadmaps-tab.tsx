import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Overview } from './api.js';
import { AssignExpert, ReviewLine } from './review-cell.js';

// The region examines the municipal roadmaps (the municipal level's plans): experts named per roadmap.

export function RoadmapsTab({ o }: { o: Overview }) {
  const expertOptions = o.experts.map((e) => ({ value: e.id, label: e.fullName }));
  if (o.roadmaps.length === 0) return <Text>Муниципальных дорожных карт этого года нет.</Text>;
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid="expertise-roadmaps">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Муниципалитет</Table.Th>
            <Table.Th>Дорожная карта</Table.Th>
            <Table.Th>Экспертиза</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.roadmaps.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.municipality.name}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/roadmaps/${m.id}`} size="sm">
                  {m.title}
                </Anchor>
                <Badge ml={6} size="xs" variant="light">
                  {m.status === 'approved' ? 'утверждена' : m.status === 'draft' ? 'черновик' : 'в архиве'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {m.reviews.map((r) => (
                    <ReviewLine key={r.id} r={r} options={expertOptions} canChange={o.canOrganizeRoadmaps} />
                  ))}
                  {o.canOrganizeRoadmaps && <AssignExpert target={{ roadmapId: m.id }} experts={o.experts} />}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
