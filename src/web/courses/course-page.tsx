import {
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  COURSE_FORMAT_LABELS,
  COURSE_KIND_LABELS,
  ENROLMENT_STATUS_LABELS,
  topicName,
} from '../../modules/courses/strings.js';
import type { EnrolmentView } from '../../modules/courses/views.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { CourseModal } from './course-modal.js';
import { EnrolModal } from './enrol-modal.js';
import { ResultModal } from './result-modal.js';

// A course with the enrolments the actor sees: the school's team (its municipality, the region) enrols
// teachers, records the result and uploads the certificate; the history of the course and its enrolments.

const STATUS_COLORS = { enrolled: 'blue', completed: 'green', not_completed: 'red' } as const;

export function CoursePage() {
  const id = useParams().id ?? '';
  const qc = useQueryClient();
  const [editing, edit] = useDisclosure(false);
  const [enrolling, enrol] = useDisclosure(false);
  const [result, setResult] = useState<EnrolmentView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const course = useQuery({
    queryKey: ['course', id],
    queryFn: () => unwrap(api.GET('/api/courses/{id}', { params: { path: { id } } })),
  });
  const enrolments = useQuery({
    queryKey: ['course', id, 'enrolments'],
    queryFn: () => unwrap(api.GET('/api/courses/{id}/enrolments', { params: { path: { id } } })),
  });
  const history = useQuery({
    queryKey: ['course', id, 'history'],
    queryFn: () => unwrap(api.GET('/api/courses/{id}/history', { params: { path: { id } } })),
  });
  const enrollable = useQuery({
    queryKey: ['course-enrollable', id],
    queryFn: () => unwrap(api.GET('/api/courses/{id}/enrollable', { params: { path: { id } } })),
  });
  const upload = async (e: EnrolmentView, file: File) => {
    setBusy(e.id);
    try {
      await unwrap(
        api.POST('/api/course-enrolments/{id}/certificate', {
          params: { path: { id: e.id }, query: { version: e.version } },
          body: { file },
        }),
      );
      notifyOk('Удостоверение загружено');
      await qc.invalidateQueries({ queryKey: ['course', id] });
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  };
  const cancel = async (e: EnrolmentView) => {
    try {
      await unwrap(
        api.DELETE('/api/course-enrolments/{id}', {
          params: { path: { id: e.id }, query: { version: e.version } },
        }),
      );
      notifyOk('Запись отменена');
      await qc.invalidateQueries({ queryKey: ['course', id] });
      await qc.invalidateQueries({ queryKey: ['course-enrollable', id] });
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Query q={course}>
      {(c) => (
        <Stack>
          <Anchor component={Link} to="/courses" size="sm">
            ← Каталог курсов
          </Anchor>
          <Group justify="space-between" align="start">
            <Stack gap={2}>
              <Title order={2} data-testid="course-title">
                {c.name}
              </Title>
              <Text c="dimmed">
                {COURSE_KIND_LABELS[c.kind]} · {c.ownerName}
              </Text>
            </Stack>
            <Group>
              {(enrollable.data?.length ?? 0) > 0 && (
                <Button onClick={enrol.open} data-testid="enrol-open">
                  Записать педагогов
                </Button>
              )}
              {c.canKeep && (
                <Button variant="light" onClick={edit.open} data-testid="course-edit">
                  Изменить
                </Button>
              )}
            </Group>
          </Group>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Field label="Кто проводит" value={c.provider} />
              <Field label="Часов" value={String(c.hours)} />
              <Field label="Сроки" value={`${formatDate(c.startsOn)} — ${formatDate(c.endsOn)}`} />
              <Field label="Формат" value={COURSE_FORMAT_LABELS[c.format]} />
              <Field label="Тема" value={c.topic ? topicName(c.topic) : '—'} />
              <Field label="Предмет" value={c.subject ?? '—'} />
              <Field label="Записано" value={String(c.enrolled)} />
              <Field label="Прошли" value={String(c.completed)} />
            </SimpleGrid>
          </Paper>
          <Title order={4}>Записанные педагоги</Title>
          <Query q={enrolments}>
            {(rows) =>
              rows.length === 0 ? (
                <Text c="dimmed">Педагогов вашей зоны на этот курс не записано.</Text>
              ) : (
                <Table.ScrollContainer minWidth={900}>
                  <Table striped withTableBorder data-testid="enrolments">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Педагог</Table.Th>
                        <Table.Th>Школа</Table.Th>
                        <Table.Th>Статус</Table.Th>
                        <Table.Th>Удостоверение</Table.Th>
                        <Table.Th>Мероприятие ИОМ</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((e) => (
                        <Table.Tr key={e.id} data-testid="enrolment-row">
                          <Table.Td>
                            {e.teacherName}
                            <Text size="xs" c="dimmed">
                              {e.position}
                            </Text>
                          </Table.Td>
                          <Table.Td>{e.schoolName}</Table.Td>
                          <Table.Td>
                            <Badge
                              variant="light"
                              color={STATUS_COLORS[e.status]}
                              data-testid="enrolment-status"
                            >
                              {ENROLMENT_STATUS_LABELS[e.status]}
                            </Badge>
                            {e.completedOn && (
                              <Text size="xs" c="dimmed">
                                {formatDate(e.completedOn)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {e.certificateName ? (
                              <Anchor
                                size="sm"
                                href={apiHref('/api/course-enrolments/{id}/certificate', {
                                  path: { id: e.id },
                                })}
                                data-testid="certificate-link"
                              >
                                {e.certificateName}
                              </Anchor>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td>
                            {e.activityTitle ? (
                              <>
                                {e.activityTitle}
                                {e.activityStatus && e.activityStatus !== 'planned' && (
                                  <Text size="xs" c="green" data-testid="activity-done">
                                    {e.activityStatus === 'done' || e.activityStatus === 'confirmed'
                                      ? 'выполнено'
                                      : 'возвращено'}
                                  </Text>
                                )}
                              </>
                            ) : (
                              '—'
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {e.canKeep && (
                                <Button
                                  size="compact-xs"
                                  variant="light"
                                  onClick={() => setResult(e)}
                                  data-testid="result-open"
                                >
                                  Результат
                                </Button>
                              )}
                              {e.canUpload && (
                                <FileButton
                                  onChange={(f) => f && upload(e, f)}
                                  accept="application/pdf,image/*"
                                >
                                  {(props) => (
                                    <Button
                                      {...props}
                                      size="compact-xs"
                                      variant="subtle"
                                      loading={busy === e.id}
                                      data-testid="certificate-upload"
                                    >
                                      {e.certificateName
                                        ? 'Заменить удостоверение'
                                        : 'Загрузить удостоверение'}
                                    </Button>
                                  )}
                                </FileButton>
                              )}
                              {e.canKeep && e.status !== 'completed' && (
                                <Button
                                  size="compact-xs"
                                  variant="subtle"
                                  color="red"
                                  onClick={() => cancel(e)}
                                >
                                  Отменить запись
                                </Button>
                              )}
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </Query>
          <Title order={4}>История</Title>
          <Query q={history}>{(lines) => <HistoryLines lines={lines} testId="course-history" />}</Query>
          {editing && <CourseModal course={c} owners={[]} onClose={edit.close} />}
          {enrolling && <EnrolModal courseId={c.id} onClose={enrol.close} />}
          {result && <ResultModal enrolment={result} onClose={() => setResult(null)} />}
        </Stack>
      )}
    </Query>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}
