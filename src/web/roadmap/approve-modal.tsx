import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type FormEvent, useState } from 'react';
import { ApiError, api, unwrap } from '../shared/api.js';
import type { RoadmapDetail } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { parseRuDate } from './format.js';
import { useInvalidate } from './hooks.js';
import { S } from './strings.js';

/** Approval: the order's number and date are required by the server, the issuing body is optional. */
export function ApproveModal({
  roadmap,
  opened,
  onClose,
}: {
  roadmap: RoadmapDetail;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Утверждение дорожной карты" size="md">
      {opened && <ApproveForm roadmap={roadmap} onDone={onClose} />}
    </Modal>
  );
}

function ApproveForm({ roadmap, onDone }: { roadmap: RoadmapDetail; onDone: () => void }) {
  const invalidate = useInvalidate(roadmap.id);
  const [version] = useState(roadmap.version);
  const [body, setBody] = useState(roadmap.approvalBody ?? '');
  const [number, setNumber] = useState(roadmap.orderNumber ?? '');
  const [date, setDate] = useState<string | null>(roadmap.orderDate);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!number.trim()) missing.orderNumber = 'Укажите номер приказа';
    if (!date) missing.orderDate = 'Укажите дату приказа';
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    try {
      await unwrap(
        api.PATCH('/api/roadmaps/{id}', {
          params: { path: { id: roadmap.id } },
          body: {
            status: 'approved',
            approvalBody: body.trim() || null,
            orderNumber: number.trim(),
            orderDate: date,
            version,
          },
        }),
      );
      notifyOk('Дорожная карта утверждена');
      onDone();
    } catch (err) {
      notifyError(err);
      if (err instanceof ApiError) setErrors(Object.fromEntries(err.fields.map((f) => [f.field, f.message])));
    } finally {
      setBusy(false);
      await invalidate();
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          После утверждения мероприятия, адресованные нижестоящему уровню, появятся у исполнителей «К
          исполнению».
        </Text>
        <TextInput
          label="Кем утверждена (орган, издавший приказ)"
          placeholder="Министерство образования Пензенской области"
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={errors.approvalBody}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Номер приказа"
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            required
            error={errors.orderNumber}
            data-testid="approve-order-number"
          />
          <DateInput
            label="Дата приказа"
            valueFormat="DD.MM.YYYY"
            dateParser={parseRuDate}
            value={date}
            onChange={setDate}
            required
            error={errors.orderDate}
            data-testid="approve-order-date"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {S.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="approve-save">
            {S.approve}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
