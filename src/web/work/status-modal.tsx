import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ITEM_STATUS_LABELS } from '../shared/types.js';
import { notifyError } from '../shared/ui.js';
import { ITEM_STATUSES, type ItemStatus } from './labels.js';

const NEEDS_REASON: ItemStatus[] = ['not_done', 'postponed', 'cancelled'];

type Props = {
  opened: boolean;
  onClose: () => void;
  title: string;
  subject: string;
  initial: ItemStatus;
  initialComment?: string | null;
  onSubmit: (status: ItemStatus, comment: string | null, actualValue?: number | null) => Promise<unknown>;
  /** An item's proof rule: what «выполнено» needs, and the fact against a typed target. */
  proof?: {
    rule: string;
    target: string | null;
    unit: string | null;
    actual: number | null;
    /** The item's card, where files are attached. */
    href: string;
  };
  /** Only the comment can be changed (a task whose status follows a linked item). */
  commentOnly?: boolean;
  note?: string;
};

/** Changing an execution status with a comment; a negative status needs the reason. */
export function StatusModal({
  opened,
  onClose,
  title,
  subject,
  initial,
  initialComment,
  onSubmit,
  commentOnly,
  note,
  proof,
}: Props) {
  const [actual, setActual] = useState<number | null>(proof?.actual ?? null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [status, setStatus] = useState<ItemStatus>(initial);
  const [comment, setComment] = useState(initialComment ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (opened) {
      setStatus(initial);
      setComment(initialComment ?? '');
      setError(null);
      setRefusal(null);
      setActual(proof?.actual ?? null);
    }
  }, [opened, initial, initialComment, proof?.actual]);

  async function save() {
    if (!commentOnly && NEEDS_REASON.includes(status) && !comment.trim()) {
      setError('Укажите причину в комментарии');
      return;
    }
    setBusy(true);
    setRefusal(null);
    try {
      const changed = proof?.target && actual !== proof.actual;
      await onSubmit(status, comment.trim() || null, changed ? actual : undefined);
      onClose();
    } catch (e) {
      // A refusal of «выполнено» says what proof is missing: kept in view, not a passing toast.
      if (proof) setRefusal(e instanceof Error ? e.message : String(e));
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <Stack>
        <Text size="sm" lineClamp={4}>
          {subject}
        </Text>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        {!commentOnly && (
          <Select
            label="Статус исполнения"
            data={ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))}
            value={status}
            onChange={(v) => v && setStatus(v as ItemStatus)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {proof && !commentOnly && status === 'done' && (
          <Text size="xs" c="dimmed">
            Для отметки «выполнено» нужно: {proof.rule}.
          </Text>
        )}
        {proof?.target && !commentOnly && (status === 'done' || status === 'not_done') && (
          <NumberInput
            label={`Фактическое значение${proof.unit ? `, ${proof.unit}` : ''}`}
            description={`Целевое — ${proof.target}`}
            value={actual ?? ''}
            onChange={(x) => setActual(typeof x === 'number' ? x : null)}
            decimalSeparator=","
            data-testid="status-actual-value"
          />
        )}
        <Textarea
          label="Комментарий"
          description={
            NEEDS_REASON.includes(status)
              ? 'Для этого статуса укажите причину'
              : 'Что сделано, чем подтверждается'
          }
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          autosize
          minRows={3}
          maxLength={2000}
        />
        {refusal && (
          <Alert color="red" p="xs" title="Не сохранено" data-testid="status-refusal">
            {refusal}
            {proof && (
              <>
                {' '}
                <Anchor component={Link} to={proof.href} size="sm">
                  Открыть мероприятие и приложить файлы
                </Anchor>
              </>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={busy}>
            Сохранить
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
