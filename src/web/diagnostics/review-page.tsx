import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { notifyError, notifyOk, Query } from '../shared/ui.js';
import { D, DOUBT_TEXT, IMPORT_STATUS_LABELS, MATCH_TEXT } from './strings.js';

// The review step of a results import: each doubtful row gets a teacher chosen from its candidates, or is
// skipped; «Применить» writes every row at once.

const SKIP = 'skip';

export function ReviewPage() {
  const { id = '', importId = '' } = useParams();
  const nav = useNavigate();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const q = useQuery({
    queryKey: ['diagnostic-import', importId],
    queryFn: () => unwrap(api.GET('/api/diagnostic-imports/{id}', { params: { path: { id: importId } } })),
  });
  return (
    <Query q={q}>
      {(imp) => {
        const doubtful = imp.rows.filter((r) => r.doubt);
        const decided = doubtful.every((r) => choice[r.row]);
        const open = imp.status === 'review';
        async function apply() {
          setBusy(true);
          try {
            const out = await unwrap(
              api.POST('/api/diagnostic-imports/{id}/apply', {
                params: { path: { id: importId } },
                body: {
                  version: imp.version,
                  decisions: doubtful.map((r) => ({
                    row: r.row,
                    staffId: choice[r.row] === SKIP ? null : (choice[r.row] ?? null),
                  })),
                },
              }),
            );
            notifyOk(out.message);
            await qc.invalidateQueries({ queryKey: ['diagnostic', id] });
            nav(`/diagnostics/${id}`);
          } catch (e) {
            notifyError(e);
          } finally {
            setBusy(false);
          }
        }
        async function cancel() {
          try {
            await unwrap(
              api.POST('/api/diagnostic-imports/{id}/cancel', {
                params: { path: { id: importId }, query: { version: imp.version } },
              }),
            );
            await qc.invalidateQueries({ queryKey: ['diagnostic', id] });
            nav(`/diagnostics/${id}`);
          } catch (e) {
            notifyError(e);
          }
        }
        return (
          <Stack>
            <Anchor component={Link} to={`/diagnostics/${id}`} size="sm">
              ← к диагностике
            </Anchor>
            <Title order={2}>
              {D.review}: {imp.fileName}
            </Title>
            <Text>
              Статус: {IMPORT_STATUS_LABELS[imp.status]}. Строк: {imp.rows.length}, требуют проверки:{' '}
              {imp.doubtful}.
            </Text>
            <Table withTableBorder data-testid="review-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Строка</Table.Th>
                  <Table.Th>В файле</Table.Th>
                  <Table.Th>Педагог в реестре</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {imp.rows.map((r) => (
                  <Table.Tr key={r.row} data-testid={r.doubt ? 'review-doubtful' : 'review-row'}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{[r.code, r.fullName, r.school].filter(Boolean).join(' · ')}</Table.Td>
                    <Table.Td>
                      {r.doubt ? (
                        <Stack gap={4}>
                          <Badge color="orange" variant="light">
                            {DOUBT_TEXT[r.doubt]}
                          </Badge>
                          {open && (
                            <Select
                              aria-label={`Педагог строки ${r.row}`}
                              placeholder="Выберите педагога или пропустите строку"
                              data={[
                                ...r.candidates.map((c) => ({
                                  value: c.staffId,
                                  label: `${c.fullName} — ${c.schoolName}${c.code ? ` (${c.code})` : ''}`,
                                })),
                                { value: SKIP, label: D.skip },
                              ]}
                              value={choice[r.row] ?? null}
                              onChange={(v) => v && setChoice({ ...choice, [r.row]: v })}
                            />
                          )}
                        </Stack>
                      ) : (
                        <Text size="sm">
                          {r.staffName} — {r.schoolName}{' '}
                          <Text span size="xs" c="dimmed">
                            ({r.matchedBy ? MATCH_TEXT[r.matchedBy] : ''})
                          </Text>
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {open && (
              <Group>
                <Button onClick={apply} loading={busy} disabled={!decided} data-testid="review-apply">
                  {D.apply}
                </Button>
                <Button variant="default" color="red" onClick={cancel}>
                  {D.cancel}
                </Button>
              </Group>
            )}
          </Stack>
        );
      }}
    </Query>
  );
}
