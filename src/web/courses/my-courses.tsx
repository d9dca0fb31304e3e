import { Badge, Button, FileButton, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { COURSE_KIND_LABELS, ENROLMENT_STATUS_LABELS } from '../../modules/courses/strings.js';
import { api, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';

// Slot of helper «courses»: the teacher's own courses in «Мой маршрут» (issue 14 §1). He uploads his
// certificate on the course's enrolment (the school's team records the result).

export function MyCourses() {
  const q = useQuery({ queryKey: ['my-courses'], queryFn: () => unwrap(api.GET('/api/me/courses')) });
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const upload = async (id: string, version: number, file: File) => {
    setBusy(id);
    try {
      await unwrap(
        api.POST('/api/course-enrolments/{id}/certificate', {
          params: { path: { id }, query: { version } },
          body: { file },
        }),
      );
      notifyOk('Удостоверение загружено');
      await qc.invalidateQueries({ queryKey: ['my-courses'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>Мои курсы</Title>
        <Query q={q}>
          {(rows) =>
            rows.length === 0 ? (
              <Text c="dimmed" size="sm">
                Вы пока не записаны ни на один курс.
              </Text>
            ) : (
              <Table data-testid="my-courses">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Курс</Table.Th>
                    <Table.Th>Сроки</Table.Th>
                    <Table.Th>Статус</Table.Th>
                    <Table.Th>Удостоверение</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.enrolmentId}>
                      <Table.Td>
                        {c.name}
                        <Text size="xs" c="dimmed">
                          {COURSE_KIND_LABELS[c.kind]}, {c.provider}
                        </Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.startsOn)} — {formatDate(c.endsOn)}
                      </Table.Td>
                      <Table.Td style={{ minWidth: 130 }}>
                        <Badge variant="light">{ENROLMENT_STATUS_LABELS[c.status]}</Badge>
                        {c.completedOn && (
                          <Text size="xs" c="dimmed">
                            {formatDate(c.completedOn)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {c.certificateName ?? '—'}
                        <FileButton
                          onChange={(f) => f && upload(c.enrolmentId, c.version, f)}
                          accept="application/pdf,image/*"
                        >
                          {(props) => (
                            <Button
                              {...props}
                              size="compact-xs"
                              variant="subtle"
                              loading={busy === c.enrolmentId}
                            >
                              {c.certificateName ? 'Заменить' : 'Загрузить'}
                            </Button>
                          )}
                        </FileButton>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </Query>
      </Stack>
    </Paper>
  );
}
