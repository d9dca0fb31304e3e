import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type FormEvent, useState } from 'react';
import { periodEnded } from '../../modules/roadmaps/past-period.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import type { RoadmapDetail } from '../shared/types.js';
import { notifyError, notifyOk } from '../shared/ui.js';
import { parseRuDate } from './format.js';
import { useInvalidate } from './hooks.js';
import { S } from './strings.js';

/**
 * Approval: the order's number and date are required by the server, the issuing body is optional.
 * When measures are already past their deadline the server refuses with their count first (they would
 * become overdue at once); the form shows it and approves only on «Утвердить всё равно».
 */
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
  /** The server's warning about measures past their deadline, once it has been given. */
  const [pastWarning, setPastWarning] = useState<string | null>(null);
  // A roadmap of an ended period may be kept as an archived record instead (never overdue).
  const ended = periodEnded(roadmap);

  async function keepAsRecord() {
    setBusy(true);
    try {
      await unwrap(
        api.PATCH('/api/roadmaps/{id}', {
          params: { path: { id: roadmap.id } },
          body: {
            status: 'archived',
            archiveAsRecord: true,
            approvalBody: body.trim() || null,
            orderNumber: number.trim() || null,
            orderDate: date,
            version,
          },
        }),
      );
      notifyOk('Дорожная карта сохранена как архивная запись');
      onDone();
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(false);
      await invalidate();
    }
  }

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
            ...(pastWarning && { acknowledgePastDeadlines: true }),
            version,
          },
        }),
      );
      notifyOk('Дорожная карта утверждена');
      onDone();
    } catch (err) {
      const warning =
        err instanceof ApiError ? err.fields.find((f) => f.field === 'acknowledgePastDeadlines') : undefined;
      if (warning) {
        setPastWarning(warning.message);
        return;
      }
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
          placeholder="Например: управление образования администрации района"
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
        {pastWarning && (
          <Alert color="orange" title="Сроки уже прошли" data-testid="approve-past-warning">
            <Text size="sm">{pastWarning}</Text>
            {ended && (
              <Text size="sm" mt={6}>
                Период карты уже закончился. Если это запись о прошлой работе, сохраните её как архивную
                запись: мероприятия будут отмечены «исполнено по данным документа», карта станет только для
                просмотра и не попадёт в просроченные.
              </Text>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {S.cancel}
          </Button>
          {pastWarning && ended && (
            <Button variant="light" loading={busy} onClick={keepAsRecord} data-testid="approve-keep-record">
              Сохранить как архивную запись
            </Button>
          )}
          <Button
            type="submit"
            loading={busy}
            color={pastWarning ? 'orange' : undefined}
            data-testid="approve-save"
          >
            {pastWarning ? 'Утвердить всё равно' : S.approve}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
