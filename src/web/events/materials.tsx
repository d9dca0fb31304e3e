import { Anchor, Button, FileButton, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { notifyError } from '../shared/ui.js';
import type { EventDetail } from './event-page.js';
import { useEventUpdate } from './event-page.js';
import { E } from './labels.js';

// Materials of an event: links and files (served through /api/events/{id}/materials/{materialId}).

export function Materials({ e }: { e: EventDetail }) {
  const update = useEventUpdate(e.id);
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const link = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/api/events/{id}/links', { params: { path: { id: e.id } }, body: { name, url } })),
    onSuccess: (d) => {
      update(d);
      setName('');
      setUrl('');
    },
    onError: notifyError,
  });
  const file = useMutation({
    mutationFn: (f: File) =>
      unwrap(api.POST('/api/events/{id}/materials', { params: { path: { id: e.id } }, body: { file: f } })),
    onSuccess: update,
    onError: notifyError,
  });
  if (!e.canKeep && e.materials.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        {E.materials}
      </Title>
      <Stack gap={4}>
        {e.materials.map((m) => (
          <Anchor
            key={m.id}
            href={m.hasFile ? `/api/events/${e.id}/materials/${m.id}` : (m.url ?? '#')}
            target="_blank"
          >
            {m.name}
          </Anchor>
        ))}
      </Stack>
      {e.canKeep && (
        <Group mt="sm" align="flex-end">
          <TextInput label="Название" value={name} onChange={(x) => setName(x.currentTarget.value)} />
          <TextInput label="Ссылка" value={url} onChange={(x) => setUrl(x.currentTarget.value)} w={320} />
          <Button variant="default" onClick={() => link.mutate()} loading={link.isPending}>
            {E.addLink}
          </Button>
          <FileButton onChange={(f) => f && file.mutate(f)}>
            {(props) => (
              <Button variant="default" {...props} loading={file.isPending}>
                {E.addFile}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Paper>
  );
}
