import { api, unwrap } from '../shared/api.js';
import { OrderFileControls } from '../shared/order-file-controls.js';
import type { RoadmapDetail } from '../shared/types.js';
import { useAction } from './hooks.js';

/** The scanned approving order: a download link, and for the keepers an upload/replace button. */
export function OrderFile({ roadmap: r }: { roadmap: RoadmapDetail }) {
  const { run, busy } = useAction(r.id);
  return (
    <OrderFileControls
      file={r.orderFileId ? { id: r.orderFileId } : null}
      canAttach={r.permissions.canManage}
      busy={busy}
      onFile={(f) =>
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
      testId="order-file"
    />
  );
}
