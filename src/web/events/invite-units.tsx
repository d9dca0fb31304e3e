import { Button, Group, MultiSelect } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { notifyError } from '../shared/ui.js';
import type { EventDetail } from './event-page.js';
import { useEventUpdate } from './event-page.js';

// The organiser names units to invite besides the group: a draft's explicit units (announcing adds the
// group's schools to them), or units added to an announced event's frozen list.

export function InviteUnits({ e }: { e: EventDetail }) {
  const update = useEventUpdate(e.id);
  const [picked, setPicked] = useState<string[]>([]);
  const units = useQuery({
    queryKey: ['org-units-for-events'],
    queryFn: async () => {
      const [schools, municipalities] = await Promise.all([
        unwrap(api.GET('/api/org-units', { params: { query: { kind: 'school' } } })),
        unwrap(api.GET('/api/org-units', { params: { query: { kind: 'municipality' } } })),
      ]);
      return [...municipalities, ...schools];
    },
  });
  const invited = new Set(e.invitations.map((u) => u.unitId));
  const add = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/events/{id}', {
          params: { path: { id: e.id } },
          body:
            e.status === 'draft'
              ? { version: e.version, unitIds: [...invited, ...picked] }
              : { version: e.version, addUnitIds: picked },
        }),
      ),
    onSuccess: (d) => {
      update(d);
      setPicked([]);
    },
    onError: notifyError,
  });
  const data = (units.data ?? [])
    .filter((u) => !invited.has(u.id))
    .map((u) => ({ value: u.id, label: u.kind === 'municipality' ? `${u.name} (муниципалитет)` : u.name }));
  return (
    <Group mt="sm" align="flex-end">
      <MultiSelect
        label="Пригласить ещё"
        placeholder="Школы или муниципалитеты"
        data={data}
        value={picked}
        onChange={setPicked}
        searchable
        limit={50}
        w={480}
        data-testid="event-invite-units"
      />
      <Button
        variant="default"
        disabled={picked.length === 0}
        onClick={() => add.mutate()}
        loading={add.isPending}
      >
        Пригласить
      </Button>
    </Group>
  );
}
