import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../shared/api.js';
import { OrderFileControls } from '../shared/order-file-controls.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import type { ListSummary } from './types.js';

/**
 * The signed order that approved the list (and the other lists of the same order): a download link for
 * everyone who sees the list, an upload/replace button for the regional operator.
 */
export function ListOrderFile({ list, canAttach }: { list: ListSummary; canAttach: boolean }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const orderId = list.orderId;
  if (!orderId) return null;
  async function upload(f: File) {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/identification/orders/{id}/file', {
          params: { path: { id: orderId ?? '' } },
          body: { file: f },
        }),
      );
      notifyOk('Файл приказа приложен');
      await qc.invalidateQueries({ queryKey: ['identification-list'] });
      await qc.invalidateQueries({ queryKey: ['identification-lists'] });
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <OrderFileControls
      file={list.orderFile}
      canAttach={canAttach}
      busy={busy}
      onFile={upload}
      testId="list-order-file"
    />
  );
}
