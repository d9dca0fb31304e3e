import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { EMPTY } from '../shared/empty-states.js';
import type { FoundItem, Me } from '../shared/types.js';
import { Query } from '../shared/ui.js';
import { Empty } from './empty.js';
import { ConfirmActions, ItemStatusAction } from './item-actions.js';
import { ItemFilters, useVisibleRoadmaps, useWorkFilters } from './item-filters.js';
import { ItemTable } from './item-table.js';
import { itemsWord } from './labels.js';

export type ItemListView = 'mine' | 'overdue' | 'upcoming' | 'awaiting';

const HINT: Record<ItemListView, string> = {
  mine: 'Мероприятия дорожных карт вашей организации и те, где она указана ответственной.',
  overdue: 'Срок прошёл, а мероприятие не выполнено — во всех доступных вам дорожных картах.',
  upcoming: 'Невыполненные мероприятия со сроком в ближайшие 30 дней.',
  awaiting: 'Отмечены выполненными и ждут вашего подтверждения как куратора или вышестоящего уровня.',
};

const PAGE = 100;

/** Units whose roadmaps the user keeps (the roles that manage their own unit's roadmap). */
function keptUnitIds(me: Me): Set<string> {
  const managing = ['regional_operator', 'regional_center', 'municipal_coordinator', 'school_team'];
  return new Set(me.assignments.filter((a) => managing.includes(a.role)).map((a) => a.orgUnitId));
}

export function ItemsView({ view }: { view: ItemListView }) {
  const me = useMe();
  const [filters] = useWorkFilters();
  const [shown, setShown] = useState(PAGE);
  const q = useQuery({
    queryKey: ['items', view, filters],
    queryFn: () =>
      unwrap(
        api.GET('/api/items', {
          params: { query: { view, ...filters, days: view === 'upcoming' ? 30 : undefined } },
        }),
      ),
  });
  const roadmaps = useVisibleRoadmaps();
  const kept = keptUnitIds(me);
  const ownRoadmaps = new Set((roadmaps.data ?? []).filter((r) => kept.has(r.orgUnit.id)).map((r) => r.id));
  const actions =
    view === 'awaiting'
      ? (it: FoundItem) => <ConfirmActions item={it} />
      : view === 'mine' || view === 'overdue' || view === 'upcoming'
        ? (it: FoundItem) => (ownRoadmaps.has(it.roadmap.id) ? <ItemStatusAction item={it} /> : null)
        : undefined;

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {HINT[view]}
      </Text>
      <ItemFilters withStatus={view === 'mine'} />
      <Query q={q}>
        {(items) =>
          items.length === 0 ? (
            <Empty testId="work-empty">
              {filters.roadmapId || filters.level || filters.status ? EMPTY.filtered : EMPTY[view]}
            </Empty>
          ) : (
            <Stack gap="xs">
              <Text size="sm" fw={500} data-testid="work-count">
                {itemsWord(items.length)}
              </Text>
              <ItemTable
                items={items.slice(0, shown)}
                actions={actions}
                testId={`work-list-${view}`}
                proof={view === 'awaiting'}
              />
              {items.length > shown && (
                <Group justify="center">
                  <Button variant="default" onClick={() => setShown((n) => n + PAGE)}>
                    Показать ещё ({items.length - shown})
                  </Button>
                </Group>
              )}
            </Stack>
          )
        }
      </Query>
    </Stack>
  );
}
