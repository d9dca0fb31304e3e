import { Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { api, apiHref, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { EditCuratorForm } from './curator-edit-form.js';
import { AssignCuratorForm, NewCuratorForm } from './curator-forms.js';
import {
  AppointmentWarnings,
  CASELOAD_LIMIT,
  OrderLabel,
  useCanOrganise,
  usePeopleParams,
  YearAndMunicipality,
} from './people-shared.js';

// «Кураторы»: the registry with each curator's caseload of the year (above three highlighted), the
// schools (ШНОР of the list in force and any school with a curator) with their curators, appointment
// by order in one modal. `?school=<id>` highlights the school's row and opens the modal for it.

export function CuratorsTab() {
  const p = usePeopleParams();
  const can = useCanOrganise();
  const qc = useQueryClient();
  const [assignFor, setAssignFor] = useState<string[] | null>(p.school && can.any ? [p.school] : null);
  const [adding, add] = useDisclosure(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const query = { year: p.year, municipalityId: p.municipalityId };
  const curators = useQuery({
    queryKey: ['curators', query],
    queryFn: () => unwrap(api.GET('/api/organisation/curators', { params: { query } })),
  });
  const schools = useQuery({
    queryKey: ['organised-schools', query],
    queryFn: () => unwrap(api.GET('/api/organisation/schools', { params: { query } })),
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['curators'] }),
      qc.invalidateQueries({ queryKey: ['organised-schools'] }),
    ]);
  const unassign = async (id: string, version: number) => {
    try {
      await unwrap(
        api.DELETE('/api/organisation/curator-assignments/{id}', {
          params: { path: { id }, query: { version } },
        }),
      );
      notifyOk('Куратор снят со школы');
      await refresh();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack>
      <Group justify="space-between" align="end">
        <YearAndMunicipality />
        {can.any && (
          <Group>
            <Button
              variant="default"
              component="a"
              data-testid="curators-docx"
              href={apiHref('/api/organisation/appendix', {
                query: { kind: 'curators', year: p.year, municipalityId: p.municipalityId },
              })}
            >
              Приложение к приказу (DOCX)
            </Button>
            <Button variant="default" onClick={add.open} data-testid="curator-new">
              Внести куратора в реестр
            </Button>
            <Button onClick={() => setAssignFor([])} data-testid="curator-assign">
              Назначить приказом
            </Button>
          </Group>
        )}
      </Group>
      <AppointmentWarnings warnings={warnings} onClose={() => setWarnings([])} testId="curator-warnings" />
      <Title order={4}>Школы и их кураторы</Title>
      <Query q={schools}>
        {(s) => (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {s.listText}
            </Text>
            <Table striped data-testid="curated-schools">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Школа</Table.Th>
                  <Table.Th>Муниципалитет</Table.Th>
                  <Table.Th>Кураторы</Table.Th>
                  {can.any && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.schools.map((r) => (
                  <Table.Tr
                    key={r.schoolId}
                    bg={r.schoolId === p.school ? 'yellow.1' : undefined}
                    data-testid={`curated-school-${r.schoolId}`}
                    data-highlighted={r.schoolId === p.school || undefined}
                  >
                    <Table.Td>
                      {r.schoolName}{' '}
                      {r.shnor && (
                        <Badge size="xs" color="red" variant="light">
                          ШНОР
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{r.municipalityName}</Table.Td>
                    <Table.Td>
                      {r.curators.length ? (
                        r.curators.join(', ')
                      ) : (
                        <Text span c="red" size="sm">
                          не назначен
                        </Text>
                      )}
                    </Table.Td>
                    {can.any && (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" onClick={() => setAssignFor([r.schoolId])}>
                          Назначить
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
      </Query>
      <Title order={4}>Реестр кураторов</Title>
      <Query q={curators}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">В реестре пока нет кураторов.</Text>
          ) : (
            <Table data-testid="curators-registry">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Куратор</Table.Th>
                  <Table.Th>Должность, место работы</Table.Th>
                  <Table.Th>Контакты</Table.Th>
                  <Table.Th>Нагрузка</Table.Th>
                  <Table.Th>Школы года</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr
                    key={c.id}
                    bg={c.overloaded ? 'orange.0' : undefined}
                    data-testid={`curator-${c.login}`}
                  >
                    <Table.Td>
                      {c.fullName}
                      {!c.active && (
                        <Badge ml="xs" size="xs" color="gray">
                          не работает
                        </Badge>
                      )}
                      {can.any && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(c.id)}>
                          изменить
                        </Button>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {c.position}
                      <Text size="xs" c="dimmed">
                        {c.workUnitName ?? c.workplace ?? ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">{[c.phone, c.email].filter(Boolean).join(', ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={c.overloaded ? 700 : 400}
                        c={c.overloaded ? 'orange.8' : undefined}
                        style={{ whiteSpace: 'nowrap' }}
                        title={c.overloaded ? `Больше рекомендованных ${CASELOAD_LIMIT}` : undefined}
                        data-testid="curator-caseload"
                      >
                        {countLabel(c.caseload, WORDS.school)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {c.schools.map((s) => (
                          <Group key={s.assignmentId} gap={6}>
                            <Text size="sm">{s.schoolName}</Text>
                            <Text size="xs" c="dimmed">
                              <OrderLabel order={s.order} />
                            </Text>
                            {can.any && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() => unassign(s.assignmentId, s.version)}
                              >
                                снять
                              </Button>
                            )}
                          </Group>
                        ))}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
      <Modal
        opened={assignFor !== null}
        onClose={() => setAssignFor(null)}
        title="Назначить куратора приказом"
        size="lg"
      >
        {assignFor !== null && (
          <AssignCuratorForm
            year={p.year}
            initialSchools={assignFor}
            curators={curators.data ?? []}
            schools={schools.data?.schools ?? []}
            onDone={async (w) => {
              setAssignFor(null);
              setWarnings(w);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title="Запись реестра кураторов"
        size="lg"
      >
        {(() => {
          const entry = curators.data?.find((c) => c.id === editing);
          return entry ? (
            <EditCuratorForm
              c={entry}
              onDone={async () => {
                setEditing(null);
                await refresh();
              }}
            />
          ) : null;
        })()}
      </Modal>
      <Modal opened={adding} onClose={add.close} title="Внести куратора в реестр" size="lg">
        <NewCuratorForm
          onDone={async () => {
            await refresh();
          }}
        />
      </Modal>
    </Stack>
  );
}
