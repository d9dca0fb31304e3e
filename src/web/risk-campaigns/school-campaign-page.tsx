import {
  Alert,
  Anchor,
  Badge,
  Button,
  CopyButton,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, apiHref, unwrap } from '../shared/api.js';
import { formatDate, Query } from '../shared/ui.js';
import { answerUrl, LinkQr } from './link-qr.js';
import { C, CAMPAIGN_STATUS_LABELS, GROUP_LABELS, STATUS_COLORS } from './strings.js';
import { TeacherLinks } from './teacher-links.js';

// A school's page of a campaign: its own counts against the expected numbers and the owner's reminder;
// for its team, the anonymous links with QR codes and the print sheet, the teachers' one-time links and
// the director's questionnaire. Individual answers are never shown.

export function SchoolCampaignPage() {
  const { id = '', schoolId = '' } = useParams();
  const q = useQuery({
    queryKey: ['risk-campaign-school', id, schoolId],
    queryFn: () =>
      unwrap(api.GET('/api/risk-campaigns/{id}/schools/{schoolId}', { params: { path: { id, schoolId } } })),
    refetchInterval: 30_000,
  });
  return (
    <Query q={q}>
      {(p) => {
        const c = p.campaign;
        const open = c.status === 'open';
        return (
          <Stack>
            <div>
              <Group gap="xs">
                <Title order={2}>{p.school.name}</Title>
                <Badge color={STATUS_COLORS[c.status]} variant="light">
                  {CAMPAIGN_STATUS_LABELS[c.status]}
                </Badge>
              </Group>
              <Text c="dimmed" size="sm">
                {c.title} · {formatDate(c.opensOn)} — {formatDate(c.closesOn)}
                {c.canKeep && (
                  <>
                    {' · '}
                    <Anchor component={Link} to={`/risk-campaigns/${c.id}`} size="sm">
                      ход по всем школам
                    </Anchor>
                  </>
                )}
              </Text>
            </div>
            {p.remindedAt && open && (
              <Alert color="orange" data-testid="reminder-notice">
                {C.reminderNotice(formatDate(p.remindedAt))}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {p.counts.map((g) => (
                <Paper key={g.group} withBorder p="sm" data-testid={`count-${g.group}`}>
                  <Text size="xs" c="dimmed">
                    {GROUP_LABELS[g.group]}
                  </Text>
                  <Text fw={700} size="xl" data-testid={`count-${g.group}-value`}>
                    {g.responses}
                  </Text>
                  <Text size="xs" c="dimmed">
                    из {g.expected} ожидаемых
                  </Text>
                  <Progress
                    mt={4}
                    value={g.expected ? Math.min(100, (100 * g.responses) / g.expected) : 0}
                    color={g.responses < g.minimum ? 'orange' : 'green'}
                  />
                  {g.responses < g.minimum && (
                    <Text size="xs" c="orange" mt={4}>
                      минимум {g.minimum}: пока группа не войдёт в профиль
                    </Text>
                  )}
                </Paper>
              ))}
            </SimpleGrid>
            {p.links && (
              <>
                {c.groups.includes('director') && (
                  <Paper withBorder p="md">
                    <Group justify="space-between">
                      <Text fw={600}>{C.director}</Text>
                      {p.directorAnswered ? (
                        <Badge color="green">{C.directorDone}</Badge>
                      ) : (
                        open && (
                          <Button
                            component={Link}
                            to={`/risk-campaigns/${c.id}/schools/${p.school.id}/director`}
                            data-testid="director-fill"
                          >
                            {C.directorFill}
                          </Button>
                        )
                      )}
                    </Group>
                  </Paper>
                )}
                {p.links.anonymous.length > 0 && (
                  <Paper withBorder p="md">
                    <Group justify="space-between" mb="xs">
                      <Text fw={600}>{C.anonymousLinks}</Text>
                      <Button
                        component="a"
                        variant="default"
                        target="_blank"
                        href={apiHref('/api/risk-campaigns/{id}/schools/{schoolId}/sheet', {
                          path: { id: c.id, schoolId: p.school.id },
                        })}
                        data-testid="print-sheet"
                      >
                        {C.sheet}
                      </Button>
                    </Group>
                    <Text size="sm" c="dimmed" mb="sm">
                      {C.anonymousHint}
                    </Text>
                    <SimpleGrid cols={{ base: 1, sm: 2 }}>
                      {p.links.anonymous.map((l) => {
                        const url = answerUrl(l.token);
                        return (
                          <Group
                            key={l.group}
                            align="flex-start"
                            wrap="nowrap"
                            data-testid={`anon-link-${l.group}`}
                          >
                            <LinkQr url={url} size={120} />
                            <Stack gap={4} style={{ minWidth: 0 }}>
                              <Text fw={500}>{GROUP_LABELS[l.group]}</Text>
                              <Anchor
                                href={url}
                                target="_blank"
                                size="sm"
                                style={{ wordBreak: 'break-all' }}
                                data-testid={`anon-url-${l.group}`}
                              >
                                {url}
                              </Anchor>
                              <CopyButton value={url}>
                                {({ copied, copy }) => (
                                  <Button size="xs" variant="light" onClick={copy}>
                                    {copied ? 'Скопировано' : 'Скопировать'}
                                  </Button>
                                )}
                              </CopyButton>
                            </Stack>
                          </Group>
                        );
                      })}
                    </SimpleGrid>
                  </Paper>
                )}
                {c.groups.includes('teacher') && (
                  <TeacherLinks
                    campaignId={c.id}
                    schoolId={p.school.id}
                    links={p.links.teachers}
                    open={c.status !== 'closed'}
                  />
                )}
              </>
            )}
            {!p.links && (
              <Table>
                <Table.Tbody>
                  <Table.Tr>
                    <Table.Td c="dimmed">
                      Ссылки для ответов видит только управленческая команда школы.
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
          </Stack>
        );
      }}
    </Query>
  );
}
