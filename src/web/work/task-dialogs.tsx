import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { TaskView } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { useRefreshWork } from './item-actions.js';

const cut = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The roadmaps of the unit a task is addressed to (not archived) and the one chosen, with its sections. */
function useOwnRoadmap(task: TaskView, opened: boolean) {
  const [roadmapId, setRoadmapId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['roadmaps', 'of-unit', task.unit.id],
    queryFn: () => unwrap(api.GET('/api/roadmaps', { params: { query: { orgUnitId: task.unit.id } } })),
    enabled: opened,
  });
  const own = (list.data ?? []).filter((r) => r.status !== 'archived');
  useEffect(() => {
    if (opened && !roadmapId && own.length === 1 && own[0]) setRoadmapId(own[0].id);
  }, [opened, roadmapId, own]);
  const detail = useQuery({
    queryKey: ['roadmap', roadmapId],
    queryFn: () => unwrap(api.GET('/api/roadmaps/{id}', { params: { path: { id: roadmapId ?? '' } } })),
    enabled: opened && !!roadmapId,
  });
  const select = (
    <Select
      label="Дорожная карта вашей организации"
      placeholder={list.isPending ? 'Загрузка…' : 'Выберите дорожную карту'}
      data={own.map((r) => ({ value: r.id, label: `${r.title} (${r.periodLabel})` }))}
      value={roadmapId}
      onChange={setRoadmapId}
      searchable
      nothingFoundMessage="Не найдено"
    />
  );
  const none = list.isSuccess && own.length === 0;
  return { roadmapId, detail: detail.data, select, none, unitName: task.unit.name };
}

function NoRoadmap({ unitName }: { unitName: string }) {
  return (
    <Alert color="yellow">
      У организации «{unitName}» ещё нет своей дорожной карты. Создайте её в разделе «Дорожные карты».
    </Alert>
  );
}

type DialogProps = { task: TaskView; opened: boolean; onClose: () => void };

/** «Связать с мероприятием своей дорожной карты»: the task's execution then follows that item. */
export function LinkTaskModal({ task, opened, onClose }: DialogProps) {
  const refresh = useRefreshWork();
  const own = useOwnRoadmap(task, opened);
  const [itemId, setItemId] = useState<string | null>(task.linkedItemId);
  const [busy, setBusy] = useState(false);
  const itemData = (own.detail?.sections ?? []).map((s) => ({
    group: [s.number, s.title].filter(Boolean).join('. ') || 'Без раздела',
    items: s.items.map((i) => ({
      value: i.id,
      label: cut(`${i.number ? `${i.number}. ` : ''}${i.measure}`),
    })),
  }));

  async function save() {
    if (!itemId) return;
    setBusy(true);
    try {
      await unwrap(
        api.PATCH('/api/tasks/{id}', {
          params: { path: { id: task.id } },
          body: { linkedItemId: itemId, version: task.version },
        }),
      );
      notifyOk('Задача связана с мероприятием вашей дорожной карты');
      await refresh();
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Связать с мероприятием своей дорожной карты" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Исполнение задачи будет определяться статусом выбранного мероприятия.
        </Text>
        <Text size="sm" lineClamp={3}>
          {task.source.measure}
        </Text>
        {own.none ? <NoRoadmap unitName={own.unitName} /> : own.select}
        {own.roadmapId && (
          <Select
            label="Мероприятие"
            placeholder={own.detail ? 'Выберите мероприятие' : 'Загрузка…'}
            data={itemData}
            value={itemId}
            onChange={setItemId}
            searchable
            nothingFoundMessage="В этой дорожной карте нет мероприятий"
            comboboxProps={{ width: 640, position: 'bottom-start' }}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} disabled={!itemId}>
            Связать
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** «Перенести в свою дорожную карту»: copies the measure into a section and links the task to the copy. */
export function AdoptTaskModal({ task, opened, onClose }: DialogProps) {
  const refresh = useRefreshWork();
  const own = useOwnRoadmap(task, opened);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sections = own.detail?.sections ?? [];
  useEffect(() => {
    if (!sections.some((s) => s.id === sectionId)) setSectionId(sections[0]?.id ?? null);
  }, [sections, sectionId]);

  async function save() {
    if (!own.roadmapId || !sectionId) return;
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/tasks/{id}/adopt', {
          params: { path: { id: task.id } },
          body: { roadmapId: own.roadmapId, sectionId },
        }),
      );
      notifyOk('Мероприятие перенесено в вашу дорожную карту');
      await refresh();
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Перенести в свою дорожную карту" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          Мероприятие будет скопировано в выбранный раздел вашей дорожной карты (срок, показатель, участники)
          и связано с задачей.
        </Text>
        <Text size="sm" lineClamp={3}>
          {task.source.measure}
        </Text>
        {own.none ? <NoRoadmap unitName={own.unitName} /> : own.select}
        {own.roadmapId && (
          <Select
            label="Раздел (направление)"
            placeholder={
              own.detail
                ? sections.length
                  ? 'Выберите раздел'
                  : 'В дорожной карте нет разделов'
                : 'Загрузка…'
            }
            data={sections.map((s) => ({
              value: s.id,
              label: [s.number, s.title].filter(Boolean).join('. ') || 'Без названия',
            }))}
            value={sectionId}
            onChange={setSectionId}
            disabled={own.detail !== undefined && sections.length === 0}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy} disabled={!own.roadmapId || !sectionId}>
            Перенести
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
