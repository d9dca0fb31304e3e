import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { fetchers, keys, type ReviewSummary } from '../expertise/api.js';
import {
  CONCLUSION_COLORS,
  CONCLUSION_LABELS,
  DOCUMENT_KIND_LABELS,
  HIDDEN_SCHOOL,
  MODE_LABELS,
  STATUS_LABELS,
  score,
} from '../expertise/labels.js';
import { hasRole, useMe } from '../shared/auth.js';
import { Query } from '../shared/ui.js';

/**
 * The reviews the user (or his school's team, for mutual expertise) is named to write, and below them the
 * submitted reviews of his own school's documents (the examined side sees a review once it is sent).
 */
export function ExpertiseMinePage() {
  const q = useQuery({ queryKey: keys.mine, queryFn: fetchers.mine });
  // The school's own documents: only a school team has them (an expert of the region would see them all).
  const team = hasRole(useMe(), 'school_team');
  const about = useQuery({ queryKey: keys.aboutMine, queryFn: fetchers.visible, enabled: team });
  return (
    <Stack>
      <Title order={2}>Мои экспертизы</Title>
      <Text size="sm" c="dimmed">
        Документы, на экспертизу которых назначены вы или ваша школа (взаимная экспертиза). Заключение можно
        сохранять черновиком; отправленное заключение не изменяется.
      </Text>
      <Query q={q}>
        {(rows) =>
          rows.length === 0 ? (
            <Text>Назначений на экспертизу пока нет.</Text>
          ) : (
            <ReviewsTable rows={rows} testId="my-reviews" />
          )
        }
      </Query>
      {team && (
        <Query q={about}>
          {(rows) => {
            const own = rows.filter((r) => !r.isMine && r.status === 'submitted' && r.target.unit);
            return own.length === 0 ? null : (
              <>
                <Title order={3}>Заключения о документах вашей школы</Title>
                <ReviewsTable rows={own} testId="reviews-about-mine" />
              </>
            );
          }}
        </Query>
      )}
    </Stack>
  );
}

function ReviewsTable({ rows, testId }: { rows: ReviewSummary[]; testId: string }) {
  return (
    <Table.ScrollContainer minWidth={340}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Документ</Table.Th>
            <Table.Th>Вид экспертизы</Table.Th>
            <Table.Th>Состояние</Table.Th>
            <Table.Th>Баллы</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Anchor component={Link} to={`/expertise/reviews/${r.id}`}>
                  {r.target.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {DOCUMENT_KIND_LABELS[r.target.kind] ?? r.target.kind} ·{' '}
                  {r.target.unit ? r.target.unit.name : HIDDEN_SCHOOL}
                </Text>
              </Table.Td>
              <Table.Td>{MODE_LABELS[r.mode]}</Table.Td>
              <Table.Td>
                <Badge color={r.status === 'submitted' ? 'teal' : 'gray'} variant="light">
                  {STATUS_LABELS[r.status]}
                </Badge>
                {r.conclusion && r.status === 'submitted' && (
                  <Badge ml={4} color={CONCLUSION_COLORS[r.conclusion]} variant="outline">
                    {CONCLUSION_LABELS[r.conclusion]}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{score(r.total, r.maxTotal)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
