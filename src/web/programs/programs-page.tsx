import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, notifyError, Query } from '../shared/ui.js';
import {
  currentSchoolYear,
  DEFAULT_RISK_FACTORS,
  type DocumentSummary,
  KIND_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
  type Status,
} from './labels.js';

// The documents of the schools the user sees: a school its own, a curator his schools', the
// municipality and the region all of theirs. The school's team creates a document here.

const STATUS_OPTIONS = Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }));

export function ProgramsPage() {
  const me = useMe();
  const [status, setStatus] = useState<Status | null>(null);
  const [creating, create] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 48em)');
  const schools = me.assignments.filter((a) => a.role === 'school_team' && a.unitKind === 'school');
  const schoolId = useSearchParams()[0].get('school');
  const q = useQuery({
    queryKey: ['school-documents', { status }],
    queryFn: () =>
      unwrap(api.GET('/api/school-documents', { params: { query: { status: status ?? undefined } } })),
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Программы и концептуальные документы</Title>
        <Group gap="sm">
          <Button variant="default" component={Link} to="/programs/templates" data-testid="templates-link">
            Шаблоны
          </Button>
          {schools.length > 0 && (
            <Button onClick={create.open} data-testid="document-create">
              Создать документ
            </Button>
          )}
        </Group>
      </Group>
      <Select
        label="Статус"
        placeholder="Все статусы"
        data={STATUS_OPTIONS}
        value={status}
        onChange={(v) => setStatus(v as Status | null)}
        clearable
        w={280}
      />
      <Query q={q}>
        {(all) => {
          // «Пробелы» link here with `?school=<id>`: that school's documents only.
          const list = schoolId ? all.filter((d) => d.schoolId === schoolId) : all;
          return list.length === 0 ? (
            <Text c="dimmed">Документов пока нет{schools.length ? ': создайте первый из шаблона' : ''}.</Text>
          ) : narrow ? (
            <Stack gap="xs">
              {list.map((d) => (
                <DocumentCard key={d.id} d={d} />
              ))}
            </Stack>
          ) : (
            <Table striped highlightOnHover data-testid="documents-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Школа</Table.Th>
                  <Table.Th>Документ</Table.Th>
                  <Table.Th>Год</Table.Th>
                  <Table.Th>Статус</Table.Th>
                  <Table.Th>Мероприятий</Table.Th>
                  <Table.Th>Изменён</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.schoolName}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/programs/${d.id}`}>
                        {d.title}
                      </Anchor>
                      {d.versionNo > 1 && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          · версия {d.versionNo}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {d.year}/{d.year + 1}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[d.status]} variant="light">
                        {STATUS_LABELS[d.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{d.measures}</Table.Td>
                    <Table.Td>{formatDate(d.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          );
        }}
      </Query>
      <Modal opened={creating} onClose={create.close} title="Новый документ школы">
        {creating && <CreateForm schools={schools.map((s) => ({ value: s.orgUnitId, label: s.unitName }))} />}
      </Modal>
    </Stack>
  );
}

function DocumentCard({ d }: { d: DocumentSummary }) {
  return (
    <Anchor component={Link} to={`/programs/${d.id}`} underline="never">
      <Stack gap={4} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
        <Text fw={500}>{d.title}</Text>
        <Text size="sm" c="dimmed">
          {d.schoolName} · {d.year}/{d.year + 1}
        </Text>
        <Badge color={STATUS_COLORS[d.status]} variant="light">
          {STATUS_LABELS[d.status]}
        </Badge>
      </Stack>
    </Anchor>
  );
}

function CreateForm({ schools }: { schools: { value: string; label: string }[] }) {
  const navigate = useNavigate();
  const [schoolId, setSchoolId] = useState<string | null>(schools[0]?.value ?? null);
  const [kind, setKind] = useState<keyof typeof KIND_LABELS>('antirisk_program');
  const [factor, setFactor] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const year = currentSchoolYear();
  async function submit() {
    if (!schoolId) return;
    setBusy(true);
    try {
      const doc = await unwrap(
        api.POST('/api/school-documents', {
          body: { schoolId, year, kind, factorCode: kind === 'antirisk_program' ? factor : null },
        }),
      );
      navigate(`/programs/${doc.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack>
      {schools.length > 1 && <Select label="Школа" data={schools} value={schoolId} onChange={setSchoolId} />}
      <Select
        label="Вид документа"
        data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
        value={kind}
        onChange={(v) => v && setKind(v as keyof typeof KIND_LABELS)}
        allowDeselect={false}
        data-testid="document-kind"
      />
      {kind === 'antirisk_program' && (
        <Select
          label="Фактор риска"
          placeholder="Выберите приоритетный риск"
          data={DEFAULT_RISK_FACTORS.map((f) => ({ value: f.code, label: `${f.code}. ${f.name}` }))}
          value={factor}
          onChange={setFactor}
          searchable
          data-testid="document-factor"
        />
      )}
      <Text size="sm" c="dimmed">
        Документ на {year}/{year + 1} учебный год создаётся из шаблона региона и заполняется данными системы:
        признаки школы из утверждённых списков и её верифицированный рисковый профиль.
      </Text>
      <Group justify="flex-end">
        <Button
          onClick={submit}
          loading={busy}
          disabled={kind === 'antirisk_program' && !factor}
          data-testid="document-create-submit"
        >
          Создать из шаблона
        </Button>
      </Group>
    </Stack>
  );
}
