import { Anchor, Button, FileButton, Group } from '@mantine/core';
import { api, apiHref, unwrap } from '../shared/api.js';
import type { RoadmapDetail } from '../shared/types.js';
import { useAction } from './hooks.js';

/** The scanned approving order: a download link, and for the keepers an upload/replace button. */
export function OrderFile({ roadmap: r }: { roadmap: RoadmapDetail }) {
  const { run, busy } = useAction(r.id);
  return (
    <Group gap="xs">
      {r.orderFileId && (
        <Anchor
          href={apiHref('/api/files/{id}', { path: { id: r.orderFileId } })}
          size="sm"
          data-testid="order-file-link"
        >
          Файл приказа
        </Anchor>
      )}
      {r.permissions.canManage && (
        <FileButton
          onChange={(f) =>
            f &&
            run(
              () =>
                unwrap(
                  api.POST('/api/roadmaps/{id}/order-file', {
                    params: { path: { id: r.id } },
                    body: { file: f },
                  }),
                ),
              'Файл приказа приложен',
            )
          }
        >
          {(props) => (
            <Button
              {...props}
              size="compact-xs"
              variant="subtle"
              loading={busy}
              data-testid="order-file-upload"
            >
              {r.orderFileId ? 'Заменить файл приказа' : 'Приложить файл приказа'}
            </Button>
          )}
        </FileButton>
      )}
    </Group>
  );
}
