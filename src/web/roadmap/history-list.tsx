import { Modal, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../shared/api.js';
import type { HistoryEntry, RoadmapDetail } from '../shared/types.js';
import { formatDateTime, Query } from '../shared/ui.js';
import { sectionTitle } from './format.js';
import { type HistoryContext, renderEvent } from './history-format.js';
import { unitLabel, useOrgUnits } from './hooks.js';

/** Names of sections and units that history payloads refer to by id. */
export function useHistoryContext(roadmap?: RoadmapDetail): HistoryContext {
  const units = useOrgUnits();
  return useMemo(() => {
    const unitMap = new Map((units.data ?? []).map((u) => [u.id, unitLabel(u)]));
    const sections = new Map((roadmap?.sections ?? []).map((s) => [s.id, sectionTitle(s) ?? 'без названия']));
    for (const s of roadmap?.sections ?? [])
      for (const i of s.items) for (const u of i.responsibleUnits) unitMap.set(u.id, u.name);
    return { units: unitMap, sections };
  }, [units.data, roadmap]);
}

export function HistoryList({ entries, ctx }: { entries: HistoryEntry[]; ctx: HistoryContext }) {
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Изменений пока нет
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="history-list">
      {entries.map((e) => {
        const r = renderEvent(e.type, e.payload, ctx);
        return (
          <Timeline.Item key={e.id} title={<Text size="sm">{r.title}</Text>}>
            {r.lines.map((l) => (
              <Text key={l} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {l}
              </Text>
            ))}
            <Text size="xs" c="dimmed" mt={2}>
              {e.actor ?? 'система'} · {formatDateTime(e.at)}
            </Text>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

export function ItemHistory({ itemId, roadmap }: { itemId: string; roadmap: RoadmapDetail }) {
  const ctx = useHistoryContext(roadmap);
  const q = useQuery({
    queryKey: ['item', itemId, 'history'],
    queryFn: () => unwrap(api.GET('/api/items/{id}/history', { params: { path: { id: itemId } } })),
  });
  return <Query q={q}>{(entries) => <HistoryList entries={entries} ctx={ctx} />}</Query>;
}

export function RoadmapHistoryModal({
  roadmap,
  opened,
  onClose,
}: {
  roadmap: RoadmapDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const ctx = useHistoryContext(roadmap);
  const q = useQuery({
    queryKey: ['roadmap', roadmap.id, 'history'],
    queryFn: () => unwrap(api.GET('/api/roadmaps/{id}/history', { params: { path: { id: roadmap.id } } })),
    enabled: opened,
  });
  return (
    <Modal opened={opened} onClose={onClose} title="История дорожной карты" size="lg">
      <Stack>
        <Text size="xs" c="dimmed">
          Реквизиты, утверждение и разделы. История мероприятия — в его карточке.
        </Text>
        <Query q={q}>{(entries) => <HistoryList entries={entries} ctx={ctx} />}</Query>
      </Stack>
    </Modal>
  );
}
