import { Anchor, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, apiHref, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { formatDate, notifyError, notifyOk, Query } from '../shared/ui.js';

// The orders of the user's own unit that appoint coordinators, curators and mentor pairs: the signed
// scan is attached here once the order is signed (the forms name the order by number and date only).

export function OrdersPanel() {
  const me = useMe();
  const unit = me.assignments.find(
    (a) => a.role === 'regional_operator' || a.role === 'municipal_coordinator',
  );
  if (!unit) return null;
  return <UnitOrders unitId={unit.orgUnitId} unitName={unit.unitName} />;
}

function UnitOrders({ unitId, unitName }: { unitId: string; unitName: string }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const q = useQuery({
    queryKey: ['organisation-orders', unitId],
    queryFn: () =>
      unwrap(api.GET('/api/org-units/{id}/organisation-orders', { params: { path: { id: unitId } } })),
  });
  const attach = async (id: string, file: File) => {
    setBusy(id);
    try {
      await unwrap(
        api.POST('/api/organisation-orders/{id}/file', { params: { path: { id } }, body: { file } }),
      );
      notifyOk('Файл приказа приложен');
      await qc.invalidateQueries();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="xs" data-testid="organisation-orders">
      <Title order={4}>Приказы: {unitName}</Title>
      <Query q={q}>
        {(orders) =>
          orders.length === 0 ? (
            <Text c="dimmed" size="sm">
              Приказов о назначениях пока нет.
            </Text>
          ) : (
            <Table striped>
              <Table.Tbody>
                {orders.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      № {o.number} от {formatDate(o.date)}
                    </Table.Td>
                    <Table.Td>{o.title}</Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {o.fileName && (
                          <Anchor
                            size="sm"
                            href={apiHref('/api/organisation-orders/{id}/file', { path: { id: o.id } })}
                          >
                            {o.fileName}
                          </Anchor>
                        )}
                        <FileButton onChange={(f) => f && attach(o.id, f)}>
                          {(props) => (
                            <Button {...props} size="compact-xs" variant="subtle" loading={busy === o.id}>
                              {o.fileName ? 'Заменить файл' : 'Приложить файл'}
                            </Button>
                          )}
                        </FileButton>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </Query>
    </Stack>
  );
}
