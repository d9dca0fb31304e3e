import { Anchor, Badge, Button, Group, Menu, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../shared/api.js';
import { LEVEL_LABELS, type TaskView } from '../shared/types.js';
import { notifyError, notifyOk, StatusBadge } from '../shared/ui.js';
import { useRefreshWork } from './item-actions.js';
import { Deadline } from './item-table.js';
import { type ItemStatus, itemLink } from './labels.js';
import { StatusModal } from './status-modal.js';
import { AdoptTaskModal, LinkTaskModal } from './task-dialogs.js';

type Dialog = 'status' | 'link' | 'adopt' | null;

/** One measure of the level above addressed to the user's unit, with what the unit can do about it. */
export function TaskRow({
  task,
  linkedRoadmapId,
  showUnit,
}: {
  task: TaskView;
  linkedRoadmapId?: string;
  showUnit: boolean;
}) {
  const refresh = useRefreshWork();
  const [dialog, setDialog] = useState<Dialog>(null);
  const status: ItemStatus = task.status;
  const overdue = task.source.overdue && status !== 'done' && status !== 'cancelled';
  const linked = task.linkedItemId !== null;

  async function unlink() {
    try {
      await unwrap(
        api.PATCH('/api/tasks/{id}', {
          params: { path: { id: task.id } },
          body: { linkedItemId: null, version: task.version },
        }),
      );
      notifyOk('Связь снята');
      await refresh();
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <Table.Tr data-testid={`task-row-${task.id}`}>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" lineClamp={4} title={task.source.measure}>
            {task.source.number ? `${task.source.number}. ` : ''}
            {task.source.measure}
          </Text>
          {task.source.indicator && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              Показатель: {task.source.indicator}
            </Text>
          )}
          {showUnit && (
            <Text size="xs" c="blue.8">
              Для: {task.unit.name}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={itemLink(task.roadmap.id, task.source.itemId)} size="xs" lineClamp={2}>
          {task.roadmap.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {task.roadmap.unitName}
          {task.source.level ? ` · ${LEVEL_LABELS[task.source.level]} уровень` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <Deadline text={task.source.deadlineText} dueDate={task.source.dueDate} overdue={overdue} />
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Group gap={4}>
            <StatusBadge status={status} overdue={overdue} />
          </Group>
          {linked && (
            <Tooltip label="Статус берётся из связанного мероприятия вашей дорожной карты" withArrow>
              {linkedRoadmapId && task.linkedItemId ? (
                <Anchor component={Link} to={itemLink(linkedRoadmapId, task.linkedItemId)} size="xs">
                  связано с мероприятием своей ДК
                </Anchor>
              ) : (
                <Badge variant="outline" color="gray" size="xs">
                  связано
                </Badge>
              )}
            </Tooltip>
          )}
          {task.comment && (
            <Text size="xs" c="dimmed" lineClamp={2} title={task.comment}>
              {task.comment}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="compact-xs" variant="light" data-testid={`task-actions-${task.id}`}>
              Действия
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setDialog('status')}>
              {linked ? 'Комментарий к исполнению' : 'Изменить статус'}
            </Menu.Item>
            <Menu.Item onClick={() => setDialog('link')}>
              Связать с мероприятием своей дорожной карты
            </Menu.Item>
            <Menu.Item onClick={() => setDialog('adopt')} disabled={linked}>
              Перенести в свою дорожную карту
            </Menu.Item>
            {linked && (
              <Menu.Item color="red" onClick={unlink}>
                Снять связь
              </Menu.Item>
            )}
          </Menu.Dropdown>
        </Menu>
        <StatusModal
          opened={dialog === 'status'}
          onClose={() => setDialog(null)}
          title={linked ? 'Комментарий к исполнению' : 'Исполнение задачи'}
          subject={task.source.measure}
          commentOnly={linked}
          note={
            linked
              ? 'Статус задачи определяется связанным мероприятием; меняйте его в своей дорожной карте.'
              : undefined
          }
          initial={status}
          initialComment={task.comment}
          onSubmit={async (s, comment) => {
            await unwrap(
              api.PATCH('/api/tasks/{id}', {
                params: { path: { id: task.id } },
                body: { ...(linked ? {} : { status: s }), comment, version: task.version },
              }),
            );
            notifyOk('Исполнение отмечено');
            await refresh();
          }}
        />
        <LinkTaskModal task={task} opened={dialog === 'link'} onClose={() => setDialog(null)} />
        <AdoptTaskModal task={task} opened={dialog === 'adopt'} onClose={() => setDialog(null)} />
      </Table.Td>
    </Table.Tr>
  );
}
