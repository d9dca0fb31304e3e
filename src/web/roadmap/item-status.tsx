import {
  Alert,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { ruleText, targetText } from '../../modules/roadmaps/proof-rule.js';
import { api, unwrap } from '../shared/api.js';
import { ITEM_STATUS_LABELS, type ItemView, type RoadmapDetail } from '../shared/types.js';
import { ProofModal } from '../work/proof-modal.js';
import { useAction } from './hooks.js';
import { PlanFact } from './plan-fact.js';

const NEEDS_REASON: ItemView['status'][] = ['not_done', 'postponed', 'cancelled'];
const STATUS_OPTIONS = Object.entries(ITEM_STATUS_LABELS).map(([value, label]) => ({ value, label }));

/** The keeper marks execution; a done measure then waits for the level above to confirm it. */
export function StatusControl({ item, roadmap }: { item: ItemView; roadmap: RoadmapDetail }) {
  const { run, busy } = useAction(roadmap.id);
  const [status, setStatus] = useState(item.status);
  const [comment, setComment] = useState('');
  const [actual, setActual] = useState<number | null>(item.actualValue);
  const [version, setVersion] = useState(item.version);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const dirty = status !== item.status || comment.trim() !== '' || actual !== item.actualValue;
  // While the user has not started, follow the item; once started, keep the version the change is based on.
  useEffect(() => {
    if (!dirty) setVersion(item.version);
  }, [dirty, item.version]);

  async function save() {
    if (NEEDS_REASON.includes(status) && !comment.trim()) {
      setError('Укажите причину');
      return;
    }
    setError(null);
    setRefusal(null);
    const body = {
      status,
      comment: comment.trim() || null,
      ...(actual !== item.actualValue && { actualValue: actual }),
      version,
    };
    const ok = await run(
      async () => {
        try {
          await unwrap(api.POST('/api/items/{id}/status', { params: { path: { id: item.id } }, body }));
        } catch (e) {
          // Kept on screen next to the control: it says what proof is missing.
          setRefusal(e instanceof Error ? e.message : String(e));
          throw e;
        }
      },
      'Статус сохранён',
      true,
    );
    if (ok) setComment('');
  }
  const coverage = item.targetCoverage && item.targetValue !== null;

  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Stack gap="xs">
        <Title order={6}>Отметка исполнения</Title>
        <Text size="xs" c="dimmed" data-testid="item-proof-rule">
          Для отметки «выполнено» нужно: {ruleText(item)}.
          {item.proofWaiver ? ` Разрешено исключение: ${item.proofWaiver}` : ''}
        </Text>
        <Group align="flex-start" grow>
          <NativeSelect
            label="Статус"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as ItemView['status'])}
            data-testid="item-status-select"
          />
          <NumberInput
            label={`Фактическое значение${item.targetUnit ? `, ${item.targetUnit}` : ''}`}
            description={
              item.coverageBinding
                ? 'Рассчитывается по данным системы (привязка к охвату)'
                : coverage
                  ? 'Охват считается по исполнению нижестоящих организаций'
                  : item.targetValue !== null
                    ? `Целевое — ${targetText(item)}`
                    : undefined
            }
            value={actual ?? ''}
            onChange={(x) => setActual(typeof x === 'number' ? x : null)}
            decimalSeparator=","
            disabled={coverage || Boolean(item.coverageBinding)}
            data-testid="item-actual-value"
          />
        </Group>
        <Textarea
          label="Комментарий"
          description={
            NEEDS_REASON.includes(status)
              ? 'Обязателен: укажите причину'
              : 'Что сделано, каким документом подтверждается'
          }
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          error={error}
          data-testid="item-status-comment"
        />
        {refusal && (
          <Alert color="red" p="xs" title="Не сохранено" data-testid="item-status-refusal">
            {refusal}
          </Alert>
        )}
        <PlanFact item={item} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {status === 'done' && item.status !== 'done'
              ? 'После отметки «выполнено» исполнение подтверждает вышестоящий уровень.'
              : ''}
          </Text>
          <Button onClick={save} loading={busy} disabled={!dirty} data-testid="item-status-save">
            Сохранить статус
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The curator or the level above returns a done measure with a comment, or opens its proof and
 * confirms it there (no confirmation without the files in view).
 */
export function ConfirmControl({ item, roadmap }: { item: ItemView; roadmap: RoadmapDetail }) {
  const { run, busy } = useAction(roadmap.id);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [proofOpen, setProofOpen] = useState(false);
  const returnForRework = async () => {
    if (!comment.trim()) {
      setError('Укажите, что нужно доработать');
      return;
    }
    setError(null);
    const ok = await run(
      () =>
        unwrap(
          api.POST('/api/items/{id}/confirmation', {
            params: { path: { id: item.id } },
            body: { decision: 'returned', comment: comment.trim(), version: item.version },
          }),
        ),
      'Возвращено на доработку',
    );
    if (ok) setComment('');
  };
  return (
    <Paper withBorder p="sm" bg="orange.0" data-testid="confirm-control">
      <Stack gap="xs">
        <Title order={6}>Подтверждение исполнения</Title>
        <Textarea
          label="Комментарий"
          description="Обязателен при возврате на доработку"
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
          error={error}
          data-testid="confirm-comment"
        />
        <Group justify="flex-end">
          <Button
            color="red"
            variant="light"
            onClick={returnForRework}
            loading={busy}
            data-testid="return-button"
          >
            Вернуть на доработку
          </Button>
          <Button color="teal" onClick={() => setProofOpen(true)} loading={busy} data-testid="confirm-button">
            Открыть доказательства и подтвердить
          </Button>
        </Group>
      </Stack>
      <ProofModal item={item} opened={proofOpen} onClose={() => setProofOpen(false)} roadmapId={roadmap.id} />
    </Paper>
  );
}

/** What the reviewer said, for everyone who sees the item. */
export function ReviewNotes({ item }: { item: ItemView }) {
  return (
    <>
      {item.statusComment && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            Комментарий к статусу:{' '}
          </Text>
          {item.statusComment}
        </Text>
      )}
      {item.confirmation === 'returned' && (
        <Alert color="red" title="Возвращено на доработку" p="xs">
          {item.confirmationComment ?? ''}
        </Alert>
      )}
      {item.confirmation === 'confirmed' && item.confirmationComment && (
        <Alert color="teal" title="Подтверждено" p="xs">
          {item.confirmationComment}
        </Alert>
      )}
    </>
  );
}
