import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { Lazy, lazyNamed } from '../shared/lazy.js';
import { formatDateTime, notifyError, notifyOk, Query } from '../shared/ui.js';
import { fetchers, keys } from './api.js';
import { StatusBadge } from './common.js';
import { MethodologyModal } from './methodology-view.js';
import { METHODOLOGY_STATUS } from './strings.js';
import type { MethodologyVersion } from './types.js';

/** «Методика»: the versions of the region's methodologies, their documents, new drafts and the current one. */
// The editor is the heaviest part of the page and only the authors open it.
const MethodologyEditor = lazyNamed(() => import('./methodology-editor.js'), 'MethodologyEditor');

export function MethodologyTab({ canWrite }: { canWrite: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: keys.methodologies, queryFn: fetchers.methodologies });
  const [viewing, setViewing] = useState<MethodologyVersion | null>(null);
  const [basing, setBasing] = useState<MethodologyVersion | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function makeCurrent(m: MethodologyVersion) {
    setBusy(m.id);
    try {
      await unwrap(api.POST('/api/methodologies/{id}/make-current', { params: { path: { id: m.id } } }));
      notifyOk(`Текущая методика: ${m.name}, версия ${m.version}`);
      await qc.invalidateQueries({ queryKey: keys.methodologies });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Методика — версионируемый документ с правилами и параметрами выявления. Версии не редактируются:
        изменения оформляются новой версией-черновиком, которую можно рассчитать и сравнить с текущей.
      </Text>
      <Query q={q}>
        {(rows) => (
          <Table.ScrollContainer minWidth={900}>
            <Table withTableBorder verticalSpacing="sm" data-testid="methodologies">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>Название</Table.Th>
                  <Table.Th>Код</Table.Th>
                  <Table.Th>Версия</Table.Th>
                  <Table.Th>Статус</Table.Th>
                  <Table.Th>Создана</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((m) => (
                  <Table.Tr key={m.id} data-testid={`methodology-${m.id}`}>
                    <Table.Td fw={500} miw={220}>
                      {m.name}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{m.code}</Table.Td>
                    <Table.Td>{m.version}</Table.Td>
                    <Table.Td>
                      <StatusBadge value={METHODOLOGY_STATUS[m.status]} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(m.createdAt)}
                      </Text>
                      {m.createdBy && (
                        <Text size="xs" c="dimmed">
                          {m.createdBy.fullName}
                        </Text>
                      )}
                    </Table.Td>
                    {/* The actions wrap rather than squeeze the name into a narrow column. */}
                    <Table.Td w={320}>
                      <Group gap="xs" justify="flex-end">
                        <Button size="xs" variant="default" onClick={() => setViewing(m)}>
                          Открыть
                        </Button>
                        {canWrite && (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setBasing(m)}
                            data-testid={`methodology-base-${m.id}`}
                          >
                            Создать версию на основе…
                          </Button>
                        )}
                        {canWrite && m.status !== 'current' && (
                          <Button
                            size="xs"
                            variant="light"
                            color="green"
                            loading={busy === m.id}
                            onClick={() => makeCurrent(m)}
                            data-testid={`methodology-current-${m.id}`}
                          >
                            Сделать текущей
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Query>
      <MethodologyModal
        m={viewing}
        current={q.data?.find((m) => m.status === 'current')}
        onClose={() => setViewing(null)}
      />
      {basing && (
        <Lazy>
          <MethodologyEditor base={basing} onClose={() => setBasing(null)} />
        </Lazy>
      )}
    </Stack>
  );
}
