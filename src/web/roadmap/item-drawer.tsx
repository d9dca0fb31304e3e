import { Badge, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { BindingBlock } from '../coverage/binding-block.js';
import type { ItemView, RoadmapDetail } from '../shared/types.js';
import { ConfirmationBadge, StatusBadge } from '../shared/ui.js';
import { CommentsThread } from './comments-thread.js';
import { EvidenceList } from './evidence-list.js';
import { formatRollUp } from './format.js';
import { ItemHistory } from './history-list.js';
import { ItemDetails } from './item-details.js';
import { ItemForm } from './item-form.js';
import { ConfirmControl, ReviewNotes, StatusControl } from './item-status.js';
import { RollUpList } from './rollup-list.js';

type Props = {
  roadmap: RoadmapDetail;
  itemId: string | null;
  editing: boolean;
  onEdit: (editing: boolean) => void;
  onClose: () => void;
};

/** The card of one measure: fields, execution, confirmation, evidence, comments, roll-up, history. */
export function ItemDrawer({ roadmap, itemId, editing, onEdit, onClose }: Props) {
  const item = roadmap.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  return (
    <Drawer.Root opened={itemId !== null} onClose={onClose} position="right" size="min(960px, 100vw)">
      <Drawer.Overlay />
      <Drawer.Content data-testid="item-drawer">
        <Drawer.Header>
          <Drawer.Title>
            <Text fw={600}>Мероприятие {item?.number ?? ''}</Text>
          </Drawer.Title>
          <Drawer.CloseButton aria-label="Закрыть" />
        </Drawer.Header>
        <Drawer.Body>
          {item ? (
            <ItemCard key={item.id} item={item} roadmap={roadmap} editing={editing} onEdit={onEdit} />
          ) : (
            <Text c="dimmed">Мероприятие не найдено: возможно, его удалили.</Text>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}

function Block({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap="xs" data-testid={testId}>
      <Divider label={title} labelPosition="left" />
      {children}
    </Stack>
  );
}

function ItemCard({
  item,
  roadmap,
  editing,
  onEdit,
}: {
  item: ItemView;
  roadmap: RoadmapDetail;
  editing: boolean;
  onEdit: (e: boolean) => void;
}) {
  const { canManage, canConfirm } = roadmap.permissions;
  const awaiting = item.status === 'done' && item.confirmation === 'pending';
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={4} style={{ whiteSpace: 'pre-wrap' }}>
          {item.measure}
        </Title>
        <Group gap={6}>
          <StatusBadge status={item.status} overdue={item.overdue} />
          <ConfirmationBadge value={item.confirmation} />
          {item.rollUp && (
            <Badge variant="default" size="sm">
              {formatRollUp(item.rollUp)}
            </Badge>
          )}
          {item.sourceItemId && (
            <Badge variant="outline" color="gray" size="sm">
              из дорожной карты вышестоящего уровня
            </Badge>
          )}
        </Group>
        <ReviewNotes item={item} />
      </Stack>
      {canManage && !editing && <StatusControl item={item} roadmap={roadmap} />}
      {canConfirm && awaiting && <ConfirmControl item={item} roadmap={roadmap} />}
      {!canConfirm && awaiting && (
        <Text size="sm" c="orange.8">
          Ждёт подтверждения вышестоящего уровня (куратора).
        </Text>
      )}
      <Block title="Сведения">
        {editing ? (
          <ItemForm roadmap={roadmap} item={item} onDone={() => onEdit(false)} />
        ) : (
          <>
            <ItemDetails item={item} roadmap={roadmap} />
            {canManage && (
              <Group justify="flex-end">
                <Button variant="light" onClick={() => onEdit(true)} data-testid="item-edit">
                  Изменить
                </Button>
              </Group>
            )}
          </>
        )}
      </Block>
      {(item.coverageBinding || roadmap.permissions.canManage) && (
        <Block title="Показатель по данным системы (охват)" testId="item-coverage">
          <BindingBlock item={item} roadmap={roadmap} />
        </Block>
      )}
      <Block title={`Подтверждающие документы (${item.evidenceCount})`} testId="item-evidence">
        <EvidenceList
          itemId={item.id}
          roadmapId={roadmap.id}
          canManage={canManage}
          requiredKind={item.evidenceKind}
        />
      </Block>
      <Block title={`Комментарии (${item.commentCount})`} testId="item-comments">
        <CommentsThread itemId={item.id} roadmapId={roadmap.id} canComment={canManage || canConfirm} />
      </Block>
      {item.rollUp && (
        <Block title="Исполнение нижестоящими уровнями" testId="item-rollup-list">
          <RollUpList itemId={item.id} />
        </Block>
      )}
      <Block title="История изменений" testId="item-history">
        <ItemHistory itemId={item.id} roadmap={roadmap} />
      </Block>
    </Stack>
  );
}
