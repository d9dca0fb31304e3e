import { ActionIcon, Button, Group, Menu, Modal, Select, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { ItemView, RoadmapDetail } from '../shared/types.js';
import { ConfirmModal } from './confirm-modal.js';
import { sectionTitle } from './format.js';
import { useAction } from './hooks.js';
import { S } from './strings.js';

export const sectionLabel = (s: RoadmapDetail['sections'][number]) => sectionTitle(s) ?? S.untitledSection;

/** The keeper's per-row actions: edit, move within or between sections, delete. */
export function ItemMenu({
  item,
  roadmap,
  onEdit,
}: {
  item: ItemView;
  roadmap: RoadmapDetail;
  onEdit: () => void;
}) {
  const { run } = useAction(roadmap.id);
  const [moving, move] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const section = roadmap.sections.find((s) => s.id === item.sectionId);
  const index = section?.items.findIndex((x) => x.id === item.id) ?? -1;
  const count = section?.items.length ?? 0;
  const patch = (body: Record<string, unknown>, ok: string) =>
    run(
      () =>
        unwrap(
          api.PATCH('/api/items/{id}', {
            params: { path: { id: item.id } },
            body: { ...body, version: item.version },
          }),
        ),
      ok,
    );

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label="Действия с мероприятием"
            data-testid={`item-menu-${item.id}`}
          >
            ⋮
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={onEdit}>Изменить</Menu.Item>
          <Menu.Item
            disabled={index <= 0}
            onClick={() => patch({ position: item.position - 1 }, 'Мероприятие перемещено')}
          >
            Переместить выше
          </Menu.Item>
          <Menu.Item
            disabled={index < 0 || index >= count - 1}
            onClick={() => patch({ position: item.position + 1 }, 'Мероприятие перемещено')}
          >
            Переместить ниже
          </Menu.Item>
          <Menu.Item disabled={roadmap.sections.length < 2} onClick={move.open}>
            Перенести в другой раздел…
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" onClick={del.open} data-testid="item-delete">
            Удалить
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <MoveModal
        opened={moving}
        onClose={move.close}
        roadmap={roadmap}
        item={item}
        onMove={(sectionId) => patch({ sectionId }, 'Мероприятие перенесено')}
      />
      <ConfirmModal
        opened={deleting}
        onClose={del.close}
        title="Удалить мероприятие"
        message={`Удалить мероприятие ${item.number ?? ''} «${item.measure.slice(0, 200)}»? Его история останется в журнале дорожной карты.`}
        confirmLabel={S.delete}
        onConfirm={() =>
          run(
            () =>
              unwrap(
                api.DELETE('/api/items/{id}', {
                  params: { path: { id: item.id }, query: { version: item.version } },
                }),
              ),
            'Мероприятие удалено',
          )
        }
      />
    </>
  );
}

function MoveModal(props: {
  opened: boolean;
  onClose: () => void;
  roadmap: RoadmapDetail;
  item: ItemView;
  onMove: (sectionId: string) => Promise<boolean>;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const options = props.roadmap.sections
    .filter((s) => s.id !== props.item.sectionId)
    .map((s) => ({ value: s.id, label: sectionLabel(s) }));
  async function go() {
    if (!target) return;
    setBusy(true);
    const ok = await props.onMove(target);
    setBusy(false);
    if (ok) props.onClose();
  }
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Перенести в другой раздел">
      <Stack>
        <Select
          label="Раздел"
          description="Мероприятие станет последним в выбранном разделе"
          data={options}
          value={target}
          onChange={setTarget}
          data-testid="item-move-section"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {S.cancel}
          </Button>
          <Button onClick={go} loading={busy} disabled={!target}>
            Перенести
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
