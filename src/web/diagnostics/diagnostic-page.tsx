import { Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { type ApiData, api, apiHref, unwrap } from '../shared/api.js';
import { HistoryLines } from '../shared/history-lines.js';
import { formatDate, formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { CreateDiagnosticModal } from './create-diagnostic.js';
import { DistributionTable } from './distribution-table.js';
import { D, IMPORT_STATUS_LABELS, levelColor, MATCH_TEXT } from './strings.js';
import { TeacherResults } from './teacher-results.js';

// A diagnostic: the distribution of levels for a unit and the units below it, the teachers with their
// levels (a row opens the teacher's results over time), the upload of results and the imports.

type Diagnostic = ApiData<'/api/diagnostics/{id}', 'get'>;
type RowError = { row: number; message: string };

function Upload({
  d,
  onErrors,
}: {
  d: Diagnostic;
  onErrors: (e: { message: string; errors: RowError[] } | null) => void;
}) {
  const nav = useNavigate();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  async function upload(file: File | null) {
    if (!file) return;
    setBusy(true);
    onErrors(null);
    try {
      const out = await unwrap(
        api.POST('/api/diagnostics/{id}/imports', { params: { path: { id: d.id } }, body: { file } }),
      );
      if (!out.ok) onErrors({ message: out.message, errors: out.errors });
      else if (out.import?.status === 'review') nav(`/diagnostics/${d.id}/imports/${out.import.id}`);
      else {
        notifyOk(out.message);
        await qc.invalidateQueries({ queryKey: ['diagnostic', d.id] });
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <FileButton onChange={upload} accept=".xlsx,.ods,.csv">
      {(props) => (
        <Button {...props} loading={busy} data-testid="diag-upload">
          {D.upload}
        </Button>
      )}
    </FileButton>
  );
}

export function DiagnosticPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('unit') ?? undefined;
  const [repeating, repeat] = useDisclosure(false);
  const [errors, setErrors] = useState<{ message: string; errors: RowError[] } | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const dq = useQuery({
    queryKey: ['diagnostic', id],
    queryFn: () => unwrap(api.GET('/api/diagnostics/{id}', { params: { path: { id } } })),
  });
  const sq = useQuery({
    queryKey: ['diagnostic', id, 'summary', unitId],
    queryFn: () =>
      unwrap(api.GET('/api/diagnostics/{id}/summary', { params: { path: { id }, query: { unitId } } })),
  });
  const iq = useQuery({
    queryKey: ['diagnostic', id, 'imports'],
    queryFn: () => unwrap(api.GET('/api/diagnostics/{id}/imports', { params: { path: { id } } })),
  });
  return (
    <Query q={dq}>
      {(d) => (
        <Stack>
          <Anchor component={Link} to="/diagnostics" size="sm">
            ← {D.title}
          </Anchor>
          <Group justify="space-between" align="start">
            <div>
              <Title order={2}>{d.name}</Title>
              <Text c="dimmed" size="sm">
                {d.organiser} · {formatDate(d.conductedOn)} · учебный год {d.year}/{d.year + 1}
                {d.previousName ? ` · повторная к «${d.previousName}»` : ''}
              </Text>
              <Text size="sm">
                Блоки: {d.blocks.map((b) => `${b.name} (до ${b.maxScore})`).join(', ')}. Уровни:{' '}
                {d.levels.map((l) => `${l.name} от ${l.minPercent} %`).join(', ')}.
              </Text>
            </div>
            <Group>
              {d.canImport && <Upload d={d} onErrors={setErrors} />}
              <Button
                component="a"
                variant="default"
                href={apiHref('/api/diagnostics/{id}/export', { path: { id }, query: { unitId } })}
              >
                {D.export}
              </Button>
              {d.canEdit && (
                <Button variant="default" onClick={repeat.open} data-testid="diag-repeat">
                  {D.repeat}
                </Button>
              )}
            </Group>
          </Group>
          {d.canImport && (
            <Text size="xs" c="dimmed">
              {D.uploadHint}
            </Text>
          )}
          {errors && (
            <Stack gap={4} data-testid="import-errors">
              <Text c="red" fw={600}>
                {errors.message}
              </Text>
              {errors.errors.map((e) => (
                <Text key={e.row} size="sm" c="red">
                  Строка {e.row}: {e.message}
                </Text>
              ))}
            </Stack>
          )}
          <Query q={sq}>
            {(s) => (
              <Stack>
                <Group>
                  <Title order={3}>
                    {D.distribution}: {s.unit.name}
                  </Title>
                  {unitId && (
                    <Button size="xs" variant="subtle" onClick={() => setParams({})}>
                      к началу
                    </Button>
                  )}
                </Group>
                {s.all.total === 0 ? (
                  <Text c="dimmed">{D.noResults}</Text>
                ) : (
                  <DistributionTable d={d} s={s} onUnit={(u) => setParams({ unit: u })} />
                )}
                {s.teachers.length > 0 && (
                  <>
                    <Title order={3}>{D.teachers}</Title>
                    <Table withTableBorder data-testid="diag-teachers">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>ФИО</Table.Th>
                          <Table.Th>Школа</Table.Th>
                          {d.blocks.map((b) => (
                            <Table.Th key={b.key}>{b.name}</Table.Th>
                          ))}
                          <Table.Th>Итого</Table.Th>
                          <Table.Th>Сопоставлен</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {s.teachers.map((t) => (
                          <Fragment key={t.staffId}>
                            <Table.Tr data-testid="diag-teacher-row">
                              <Table.Td>
                                <Anchor
                                  component="button"
                                  onClick={() => setOpen(open === t.staffId ? null : t.staffId)}
                                >
                                  {t.fullName}
                                </Anchor>
                                <Text size="xs" c="dimmed">
                                  {t.position}
                                </Text>
                              </Table.Td>
                              <Table.Td>{t.schoolName}</Table.Td>
                              {d.blocks.map((b) => (
                                <Table.Td key={b.key}>
                                  {t.scores[b.key] ?? '—'}{' '}
                                  <Badge
                                    size="xs"
                                    variant="light"
                                    color={levelColor(t.blockLevels[b.key] ?? '')}
                                  >
                                    {d.levels.find((l) => l.key === t.blockLevels[b.key])?.name}
                                  </Badge>
                                </Table.Td>
                              ))}
                              <Table.Td>
                                {String(t.totalPercent).replace('.', ',')} %{' '}
                                <Badge size="xs" variant="light" color={levelColor(t.level)}>
                                  {d.levels.find((l) => l.key === t.level)?.name}
                                </Badge>
                              </Table.Td>
                              <Table.Td>{MATCH_TEXT[t.matchedBy]}</Table.Td>
                            </Table.Tr>
                            {open === t.staffId && (
                              <Table.Tr>
                                <Table.Td colSpan={d.blocks.length + 4}>
                                  <TeacherResults staffId={t.staffId} />
                                </Table.Td>
                              </Table.Tr>
                            )}
                          </Fragment>
                        ))}
                      </Table.Tbody>
                    </Table>
                    {s.teachersTruncated && (
                      <Text c="dimmed">Показаны первые строки: полный список — в выгрузке XLSX.</Text>
                    )}
                  </>
                )}
              </Stack>
            )}
          </Query>
          <Query q={iq}>
            {(imports) =>
              imports.length > 0 && (
                <Stack gap={4}>
                  <Title order={4}>{D.imports}</Title>
                  {imports.map((i) => (
                    <Group key={i.id} gap="xs">
                      <Anchor component={Link} to={`/diagnostics/${d.id}/imports/${i.id}`}>
                        {i.fileName}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {formatDateTime(i.createdAt)} · {IMPORT_STATUS_LABELS[i.status]}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )
            }
          </Query>
          {d.history && d.history.length > 0 && (
            <Stack gap={4}>
              <Title order={4}>История</Title>
              <HistoryLines lines={d.history} testId="diag-history" />
            </Stack>
          )}
          {repeating && <CreateDiagnosticModal onClose={repeat.close} repeatOf={d} />}
        </Stack>
      )}
    </Query>
  );
}
