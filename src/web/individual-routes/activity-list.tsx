import { Anchor, Badge, Button, FileButton, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { type ApiData, api, apiHref, unwrap } from '../shared/api.js';
import { formatDate, notifyError, notifyOk } from '../shared/ui.js';
import { ActivityModal, DoneModal, ReturnModal } from './activity-modals.js';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_COLORS, ACTIVITY_STATUS_LABELS, R } from './strings.js';

// The activities of a route with what the caller may do on each: the teacher (or the keepers) marks done
// with a note and a file of evidence, the school confirms or returns, the keepers edit and remove.

export type RouteDetail = ApiData<'/api/individual-routes/{id}', 'get'>;
export type Activity = RouteDetail['activities'][number];

export function ActivityList({
  route,
  onChanged,
}: {
  route: RouteDetail;
  onChanged: () => Promise<unknown>;
}) {
  const [doing, setDoing] = useState<Activity | null>(null);
  const [returning, setReturning] = useState<Activity | null>(null);
  const [editing, setEditing] = useState<Activity | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const goalNo = new Map(route.goals.map((g, i) => [g.id, i + 1]));

  async function act(call: () => Promise<unknown>, ok: string) {
    setBusy(true);
    try {
      await call();
      notifyOk(ok);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
      await onChanged();
    }
  }
  const path = (id: string) => ({ params: { path: { id } } });
  const attach = (a: Activity, file: File) =>
    act(
      () =>
        unwrap(
          api.POST('/api/route-activities/{id}/evidence', {
            params: { path: { id: a.id }, query: { version: a.version } },
            body: { file },
          }),
        ),
      'Файл приложен',
    );

  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder striped data-testid="route-activities">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Цель</Table.Th>
              <Table.Th>Действие</Table.Th>
              <Table.Th>Срок</Table.Th>
              <Table.Th>Ответственный</Table.Th>
              <Table.Th>Статус и доказательства</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {route.activities.map((a) => (
              <Table.Tr key={a.id} data-testid="route-activity">
                <Table.Td>{a.goalId ? goalNo.get(a.goalId) : '—'}</Table.Td>
                <Table.Td>
                  <Text size="sm" data-testid="activity-title">
                    {a.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {ACTIVITY_KIND_LABELS[a.kind]}
                    {a.courseName ? ` · ${a.courseName}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(a.dueDate)}
                  {a.overdue && (
                    <Badge color="red" variant="light" ml={4} data-testid="activity-overdue">
                      {R.overdue}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {[a.responsible, a.responsibleUserName].filter(Boolean).join(', ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge
                      color={ACTIVITY_STATUS_COLORS[a.status]}
                      variant="light"
                      data-testid="activity-status"
                    >
                      {ACTIVITY_STATUS_LABELS[a.status]}
                    </Badge>
                    {a.doneNote && <Text size="xs">{a.doneNote}</Text>}
                    {a.returnComment && a.status === 'returned' && (
                      <Text size="xs" c="orange">
                        {a.returnComment}
                      </Text>
                    )}
                    {a.confirmedByName && (
                      <Text size="xs" c="dimmed">
                        Подтвердил: {a.confirmedByName}
                      </Text>
                    )}
                    {a.files.map((f) => (
                      <Anchor
                        key={f.id}
                        size="xs"
                        href={apiHref('/api/route-activities/{id}/files/{fileId}', {
                          path: { id: a.id, fileId: f.id },
                        })}
                        data-testid="activity-file"
                      >
                        {f.name}
                      </Anchor>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {a.canMarkDone && (a.status === 'planned' || a.status === 'returned') && (
                      <Button size="compact-xs" onClick={() => setDoing(a)} data-testid="activity-done">
                        {R.markDone}
                      </Button>
                    )}
                    {a.canMarkDone && a.status === 'done' && (
                      <FileButton onChange={(f) => f && attach(a, f)}>
                        {(props) => (
                          <Button {...props} size="compact-xs" variant="subtle" loading={busy}>
                            {R.attach}
                          </Button>
                        )}
                      </FileButton>
                    )}
                    {a.canReview && (
                      <>
                        <Button
                          size="compact-xs"
                          color="green"
                          loading={busy}
                          data-testid="activity-confirm"
                          onClick={() =>
                            act(
                              () =>
                                unwrap(
                                  api.POST('/api/route-activities/{id}/confirm', {
                                    ...path(a.id),
                                    body: { version: a.version },
                                  }),
                                ),
                              'Выполнение подтверждено',
                            )
                          }
                        >
                          {R.confirm}
                        </Button>
                        <Button
                          size="compact-xs"
                          color="orange"
                          variant="light"
                          onClick={() => setReturning(a)}
                          data-testid="activity-return"
                        >
                          {R.giveBack}
                        </Button>
                      </>
                    )}
                    {route.canKeep && a.status !== 'confirmed' && (
                      <>
                        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(a)}>
                          {R.edit}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={busy}
                          onClick={() =>
                            act(
                              () =>
                                unwrap(
                                  api.DELETE('/api/route-activities/{id}', {
                                    params: { path: { id: a.id }, query: { version: a.version } },
                                  }),
                                ),
                              'Действие удалено',
                            )
                          }
                        >
                          {R.remove}
                        </Button>
                      </>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {route.canKeep && (
        <Group>
          <Button variant="light" size="xs" onClick={() => setEditing('new')} data-testid="activity-add">
            {R.addActivity}
          </Button>
        </Group>
      )}
      {doing && (
        <DoneModal
          activity={doing}
          onClose={() => setDoing(null)}
          onDone={async () => {
            setDoing(null);
            await onChanged();
          }}
        />
      )}
      {returning && (
        <ReturnModal
          activity={returning}
          onClose={() => setReturning(null)}
          onDone={async () => {
            setReturning(null);
            await onChanged();
          }}
        />
      )}
      {editing && (
        <ActivityModal
          route={route}
          activity={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onDone={async () => {
            setEditing(null);
            await onChanged();
          }}
        />
      )}
    </Stack>
  );
}
