import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { ConfirmModal } from '../roadmap/confirm-modal.js';
import { plural } from '../roadmap/strings.js';
import { countItems, schemaErrors } from './model.js';
import { RoadmapCard } from './roadmap-card.js';
import type { ImportAction, ImportState } from './use-import-state.js';
import { isResolved, rowMap } from './warnings.js';
import { type ShownWarning, WarningsList, warningCount } from './warnings-list.js';

type Props = { state: ImportState; dispatch: (a: ImportAction) => void };

/** Scrolls to the first cell the server or the local check did not accept. */
export function scrollToFirstError() {
  requestAnimationFrame(() => {
    document.querySelector('[data-error="true"]')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  });
}

/** Step 2: the recognised roadmaps, corrected in place; the warnings lead to the rows they are about. */
export function ReviewStep({ state, dispatch }: Props) {
  const [focusedId, setFocusedId] = useState<number | null>(null);
  const [leaving, leave] = useDisclosure(false);
  const rows = useMemo(() => rowMap(state.roadmaps), [state.roadmaps]);
  const shown: ShownWarning[] = state.warnings.map((w) => ({
    ...w,
    resolved: isResolved(w, state.roadmaps, rows),
  }));
  const general = shown.filter((w) => w.roadmap === null);
  // The rows of the clicked warning stay highlighted until it is dealt with.
  const current = shown.find((w) => w.id === focusedId && !w.resolved);
  const focused = new Set(current?.rowKeys ?? []);
  const kept = state.roadmaps.filter((d) => d.keep);
  const items = state.roadmaps.reduce((n, d) => n + countItems(d), 0);
  const errorCount = Object.keys(state.errors).length;

  function focusOn(w: ShownWarning) {
    setFocusedId(w.id);
    const row = w.rowKeys.map((k) => document.querySelector(`[data-row-key="${k}"]`)).find((x) => x !== null);
    const card =
      w.roadmap !== null ? document.querySelector(`[data-testid="import-roadmap-${w.roadmap}"]`) : null;
    (row ?? card)?.scrollIntoView({ behavior: 'smooth', block: row ? 'center' : 'start' });
  }

  function next() {
    const errors = schemaErrors(state.roadmaps);
    if (Object.keys(errors).length > 0) {
      dispatch({ type: 'errors', errors });
      scrollToFirstError();
      return;
    }
    dispatch({ type: 'errors', errors: {}, step: 2 });
  }

  const n = state.roadmaps.length;
  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap={6}>
          <Text fw={600}>
            Файл «{state.fileName}»: {n} {plural(n, ['дорожная карта', 'дорожные карты', 'дорожных карт'])},{' '}
            {items} {plural(items, ['мероприятие', 'мероприятия', 'мероприятий'])}
            {shown.length > 0 && ` · ${warningCount(shown)}`}
          </Text>
          <Text size="sm" c="dimmed">
            Сверьте распознанное с документом. Нажмите на ячейку (или выберите её клавишей Tab и нажмите
            Enter), чтобы исправить текст; Enter сохраняет правку, Shift+Enter — новая строка, Escape —
            отмена. Строки с предупреждениями отмечены оранжевым слева. Ничего не сохраняется, пока вы не
            нажмёте «Сохранить» на следующем шаге.
          </Text>
        </Stack>
      </Paper>
      {errorCount > 0 && (
        <Alert color="red" title="Исправьте выделенные поля" data-testid="import-errors">
          <Group justify="space-between">
            <Text size="sm">
              {errorCount} {plural(errorCount, ['поле не принято', 'поля не приняты', 'полей не принято'])}:{' '}
              {Object.values(state.errors)[0]}
              {errorCount > 1 && ' и другие'}.
            </Text>
            <Button size="xs" variant="light" color="red" onClick={scrollToFirstError}>
              Показать
            </Button>
          </Group>
        </Alert>
      )}
      <WarningsList
        title="Предупреждения по документу"
        warnings={general}
        onFocus={focusOn}
        onCheck={(id, checked) => dispatch({ type: 'warning', id, checked })}
        roadmapLabel={(w) =>
          w.candidates.length > 0 && w.candidates.length < n
            ? `дорожная карта ${w.candidates.map((r) => r + 1).join(' или ')}`
            : null
        }
      />
      {state.roadmaps.map((d, r) => (
        <RoadmapCard
          // The list of roadmaps never changes after parsing.
          // biome-ignore lint/suspicious/noArrayIndexKey: roadmaps are neither added nor removed here
          key={r}
          roadmap={d}
          r={r}
          total={n}
          warnings={shown.filter((w) => w.roadmap === r)}
          errors={state.errors}
          focused={focused}
          dispatch={dispatch}
          onFocus={focusOn}
        />
      ))}
      <Group justify="space-between">
        <Button variant="default" onClick={leave.open}>
          Загрузить другой файл
        </Button>
        <ConfirmModal
          opened={leaving}
          onClose={leave.close}
          title="Загрузить другой файл"
          message="Распознанные дорожные карты и ваши исправления будут отброшены. Ничего не сохранено."
          confirmLabel="Отбросить и загрузить другой"
          onConfirm={async () => dispatch({ type: 'reset' })}
        />
        <Group gap="sm">
          {kept.length === 0 && (
            <Text size="sm" c="dimmed">
              Отметьте «Сохранить» хотя бы у одной дорожной карты
            </Text>
          )}
          <Button onClick={next} disabled={kept.length === 0} data-testid="import-next">
            Далее: сохранение
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
