import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  COURSE_FORMAT_LABELS,
  COURSE_KIND_LABELS,
  COURSE_TOPICS,
  topicName,
} from '../../modules/courses/strings.js';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, Query } from '../shared/ui.js';
import { CourseModal } from './course-modal.js';

// The course catalogue (issue 14 §1): the region's and the municipality's courses with filters; the
// centre, the operator and the municipal coordinator add courses, the schools enrol their teachers.

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function CoursesPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text.trim(), 300);
  const [creating, create] = useDisclosure(false);
  const owners = useQuery({
    queryKey: ['course-owners'],
    queryFn: () => unwrap(api.GET('/api/courses/owners')),
  });
  const query = {
    kind: (kind ?? undefined) as 'pk' | undefined,
    format: (format ?? undefined) as 'remote' | undefined,
    topic: (topic ?? undefined) as 'subject' | undefined,
    q: q || undefined,
  };
  const list = useQuery({
    queryKey: ['courses', query],
    queryFn: () => unwrap(api.GET('/api/courses', { params: { query } })),
  });
  const followsDemand = me.capabilities.people !== null && me.capabilities.people !== 'self';
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Курсы</Title>
        <Group>
          {followsDemand && (
            <Button component={Link} to="/courses/demand" variant="light" data-testid="course-demand-link">
              Запрос на ПК
            </Button>
          )}
          {(owners.data?.length ?? 0) > 0 && (
            <Button onClick={create.open} data-testid="course-create">
              Добавить курс
            </Button>
          )}
        </Group>
      </Group>
      <Group align="end">
        <TextInput
          label="Поиск"
          placeholder="Название, организация, предмет"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          w={260}
        />
        <Select
          label="Вид"
          data={options(COURSE_KIND_LABELS)}
          value={kind}
          onChange={setKind}
          clearable
          w={240}
        />
        <Select
          label="Формат"
          data={options(COURSE_FORMAT_LABELS)}
          value={format}
          onChange={setFormat}
          clearable
          w={170}
        />
        <Select
          label="Тема"
          data={COURSE_TOPICS.map((t) => ({ value: t.key, label: t.name }))}
          value={topic}
          onChange={setTopic}
          clearable
          w={280}
        />
      </Group>
      <Query q={list}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">
              Курсов в каталоге нет{kind || format || topic || q ? ' по этим условиям' : ''}.
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped highlightOnHover withTableBorder data-testid="courses">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Курс</Table.Th>
                    <Table.Th>Кто проводит</Table.Th>
                    <Table.Th>Часов</Table.Th>
                    <Table.Th>Сроки</Table.Th>
                    <Table.Th>Формат</Table.Th>
                    <Table.Th>Тема</Table.Th>
                    <Table.Th>Записано / прошли</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((c) => (
                    <Table.Tr key={c.id} data-testid="course-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/courses/${c.id}`}>
                          {c.name}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          <Badge size="xs" variant="light" mr={4}>
                            {COURSE_KIND_LABELS[c.kind]}
                          </Badge>
                          {c.ownerName}
                        </Text>
                      </Table.Td>
                      <Table.Td>{c.provider}</Table.Td>
                      <Table.Td>{c.hours}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(c.startsOn)} — {formatDate(c.endsOn)}
                      </Table.Td>
                      <Table.Td>{COURSE_FORMAT_LABELS[c.format]}</Table.Td>
                      <Table.Td>
                        {c.topic ? topicName(c.topic) : '—'}
                        {c.subject ? (
                          <Text size="xs" c="dimmed">
                            {c.subject}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {c.enrolled} / {c.completed}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </Query>
      {creating && (
        <CourseModal
          owners={owners.data ?? []}
          onClose={create.close}
          onSaved={(id) => navigate(`/courses/${id}`)}
        />
      )}
    </Stack>
  );
}
