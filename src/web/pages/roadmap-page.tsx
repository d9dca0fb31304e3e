import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { PublicationControl } from '../publication/publication-control.js';
import { useRoadmap } from '../roadmap/hooks.js';
import { ItemDrawer } from '../roadmap/item-drawer.js';
import { RoadmapHeader } from '../roadmap/roadmap-header.js';
import { RoadmapTable } from '../roadmap/roadmap-table.js';
import { type ItemFilter, NO_FILTER, TableFilters } from '../roadmap/table-filters.js';
import { Query } from '../shared/ui.js';

/**
 * One roadmap: requisites, the table of measures and the card of a measure.
 * The open measure is in the address (`?item=<id>`, `&edit=1`), so other pages can link to it.
 */
export function RoadmapPage() {
  const { id = '' } = useParams();
  const q = useRoadmap(id);
  const [params, setParams] = useSearchParams();
  const [filter, setFilter] = useState<ItemFilter>(NO_FILTER);
  const itemId = params.get('item');
  const editing = params.get('edit') === '1';

  const open = (item: string | null, edit = false) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (item) next.set('item', item);
        else next.delete('item');
        if (edit) next.set('edit', '1');
        else next.delete('edit');
        return next;
      },
      { replace: itemId !== null && item !== null },
    );

  return (
    <Query q={q}>
      {(loaded) => {
        // An archived record imported from a past period's document is read-only (the server refuses
        // every change but its deletion): the table and the card show no editing controls.
        const roadmap = loaded.executionImported
          ? { ...loaded, permissions: { canManage: false, canConfirm: false } }
          : loaded;
        return (
          <Stack gap="md">
            <RoadmapHeader roadmap={loaded} />
            <PublicationControl kind="roadmap" objectId={loaded.id} title={loaded.title} />
            <TableFilters roadmap={roadmap} value={filter} onChange={setFilter} />
            <RoadmapTable roadmap={roadmap} filter={filter} onOpen={(item, edit) => open(item, edit)} />
            <ItemDrawer
              roadmap={roadmap}
              itemId={itemId}
              editing={editing}
              onEdit={(e) => open(itemId, e)}
              onClose={() => open(null)}
            />
          </Stack>
        );
      }}
    </Query>
  );
}
