import { Alert, Anchor, Group, Stack, Stepper, Text, Title } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { Link } from 'react-router';
import { ReviewStep } from '../import/review-step.js';
import { SavedResult, SaveStep } from '../import/save-step.js';
import { UploadStep } from '../import/upload-step.js';
import { useImportState } from '../import/use-import-state.js';
import { isResolved, rowMap } from '../import/warnings.js';
import { hasRole, useMe } from '../shared/auth.js';

/**
 * Roadmaps from a file: upload → check and correct what was recognised → save as drafts.
 * Everything stays in the browser until the last step's button; one request saves all or nothing.
 */
export function ImportPage() {
  const me = useMe();
  const [state, dispatch] = useImportState();
  const canImport = hasRole(
    me,
    'regional_operator',
    'municipal_coordinator',
    'school_team',
    'regional_center',
  );
  const unsaved = state.roadmaps.length > 0 && !state.saved;
  const openWarnings = useMemo(() => {
    const rows = rowMap(state.roadmaps);
    return state.warnings.filter(
      (w) => (w.roadmap === null || state.roadmaps[w.roadmap]?.keep) && !isResolved(w, state.roadmaps, rows),
    ).length;
  }, [state.roadmaps, state.warnings]);

  // Leaving the page (closing the tab, reloading) would lose the corrections.
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // The top of a step is where its work starts.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [state.step]);

  if (!canImport) {
    return (
      <Alert color="gray" title="Загрузка недоступна">
        Загружать дорожные карты из файла могут органы и организации, которые их ведут.
      </Alert>
    );
  }

  const reset = () => dispatch({ type: 'reset' });
  return (
    <Stack gap="md" maw={1500}>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Anchor component={Link} to="/roadmaps" size="sm">
            ← Дорожные карты
          </Anchor>
          <Title order={2}>Загрузка дорожных карт из файла</Title>
        </Stack>
        {state.fileName && !state.saved && (
          <Text size="sm" c="dimmed">
            Файл: {state.fileName}
          </Text>
        )}
      </Group>
      <Stepper
        active={state.saved ? 3 : state.step}
        onStepClick={(step) => dispatch({ type: 'step', step })}
        allowNextStepsSelect={false}
        size="sm"
      >
        <Stepper.Step label="Файл" description="Word, Excel, PDF или текст" allowStepSelect={false}>
          <UploadStep dispatch={dispatch} />
        </Stepper.Step>
        <Stepper.Step
          label="Проверка"
          description="Сверьте и исправьте"
          allowStepSelect={!state.saved && state.step > 1}
        >
          <ReviewStep state={state} dispatch={dispatch} />
        </Stepper.Step>
        <Stepper.Step label="Сохранение" description="Черновики организации" allowStepSelect={false}>
          <SaveStep state={state} dispatch={dispatch} openWarnings={openWarnings} />
        </Stepper.Step>
        <Stepper.Completed>
          {state.saved && <SavedResult saved={state.saved} onMore={reset} />}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}
