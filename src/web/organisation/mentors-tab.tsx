import { Anchor, Badge, Button, FileButton, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, apiHref, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';
import { AgreementForm, PairForm } from './mentor-forms.js';
import {
  AGREEMENT_KIND_LABELS,
  AppointmentWarnings,
  OrderLabel,
  useCanOrganise,
  usePeopleParams,
  YearAndMunicipality,
} from './people-shared.js';

// «Школы-наставники»: the pairs of the year with their agreements and warnings (a mentor on the list in
// force); pairing by order and adding an agreement in modals. `?school=` highlights the ШНОР's row.

export function MentorsTab() {
  const p = usePeopleParams();
  const can = useCanOrganise();
  const qc = useQueryClient();
  const [pairFor, setPairFor] = useState<string | null>(p.school && can.any ? p.school : null);
  const [agreementFor, setAgreementFor] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const query = { year: p.year, municipalityId: p.municipalityId };
  const pairs = useQuery({
    queryKey: ['mentor-pairs', query],
    queryFn: () => unwrap(api.GET('/api/organisation/mentor-pairs', { params: { query } })),
  });
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['mentor-pairs'] }),
      qc.invalidateQueries({ queryKey: ['organised-schools'] }),
    ]);
  const removePair = async (id: string, version: number) => {
    try {
      await unwrap(
        api.DELETE('/api/organisation/mentor-pairs/{id}', { params: { path: { id }, query: { version } } }),
      );
      notifyOk('Пара снята');
      await refresh();
    } catch (e) {
      notifyError(e);
    }
  };
  const attachFile = async (id: string, version: number, file: File) => {
    try {
      await unwrap(
        api.POST('/api/organisation/agreements/{id}/file', {
          params: { path: { id }, query: { version } },
          body: { file },
        }),
      );
      notifyOk('Файл соглашения приложен');
      await refresh();
    } catch (e) {
      notifyError(e);
    }
  };
  const removeAgreement = async (id: string, version: number) => {
    try {
      await unwrap(
        api.DELETE('/api/organisation/agreements/{id}', { params: { path: { id }, query: { version } } }),
      );
      notifyOk('Соглашение удалено');
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
              data-testid="pairs-docx"
              href={apiHref('/api/organisation/appendix', {
                query: { kind: 'pairs', year: p.year, municipalityId: p.municipalityId },
              })}
            >
              Приложение к приказу (DOCX)
            </Button>
            <Button onClick={() => setPairFor('')} data-testid="pair-create">
              Закрепить приказом
            </Button>
          </Group>
        )}
      </Group>
      <AppointmentWarnings warnings={warnings} onClose={() => setWarnings([])} testId="pair-warnings" />
      <Query q={pairs}>
        {(rows) =>
          rows.length === 0 ? (
            <Text c="dimmed">Пары на этот год не закреплены.</Text>
          ) : (
            <Table data-testid="mentor-pairs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>ШНОР</Table.Th>
                  <Table.Th>Школа-наставник</Table.Th>
                  <Table.Th>Приказ</Table.Th>
                  <Table.Th>Соглашения</Table.Th>
                  {can.any && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr
                    key={r.id}
                    bg={r.schoolId === p.school ? 'yellow.1' : undefined}
                    data-testid={`pair-${r.schoolId}`}
                  >
                    <Table.Td>{r.schoolName}</Table.Td>
                    <Table.Td>
                      {r.mentorSchoolName}
                      {r.warnings.map((w) => (
                        <Text key={w} size="xs" c="orange">
                          {w}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      <OrderLabel order={r.order} />
                    </Table.Td>
                    <Table.Td>
                      {r.agreements.length === 0 ? (
                        <Badge color="red" variant="light">
                          нет соглашения
                        </Badge>
                      ) : (
                        r.agreements.map((a) => (
                          <Group key={a.id} gap={6}>
                            <Text size="sm">
                              {a.number ? `№ ${a.number} ` : ''}от {formatDate(a.signedOn)}
                              {a.validTo ? `, до ${formatDate(a.validTo)}` : ''}:{' '}
                              {a.kinds.map((k) => AGREEMENT_KIND_LABELS[k]).join(', ')}
                            </Text>
                            {a.hasFile && (
                              <Anchor
                                size="xs"
                                href={apiHref('/api/organisation/agreements/{id}/file', {
                                  path: { id: a.id },
                                })}
                              >
                                файл
                              </Anchor>
                            )}
                            {can.any && (
                              <FileButton onChange={(f) => f && attachFile(a.id, a.version, f)}>
                                {(props) => (
                                  <Button {...props} size="compact-xs" variant="subtle">
                                    {a.hasFile ? 'заменить файл' : 'приложить файл'}
                                  </Button>
                                )}
                              </FileButton>
                            )}
                            {can.any && (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                color="red"
                                onClick={() => removeAgreement(a.id, a.version)}
                              >
                                удалить
                              </Button>
                            )}
                          </Group>
                        ))
                      )}
                    </Table.Td>
                    {can.any && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            onClick={() => setAgreementFor(r.id)}
                            data-testid={`agreement-add-${r.schoolId}`}
                          >
                            Соглашение
                          </Button>
                          <Button
                            size="compact-xs"
                            variant="subtle"
                            color="red"
                            onClick={() => removePair(r.id, r.version)}
                          >
                            Снять
                          </Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
      <Modal
        opened={pairFor !== null}
        onClose={() => setPairFor(null)}
        title="Закрепить школу-наставника приказом"
        size="lg"
      >
        {pairFor !== null && (
          <PairForm
            year={p.year}
            schoolId={pairFor}
            onDone={async (w) => {
              setPairFor(null);
              setWarnings(w);
              await refresh();
            }}
          />
        )}
      </Modal>
      <Modal
        opened={agreementFor !== null}
        onClose={() => setAgreementFor(null)}
        title="Соглашение пары"
        size="lg"
      >
        {agreementFor && (
          <AgreementForm
            pairId={agreementFor}
            onDone={async () => {
              setAgreementFor(null);
              await refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
