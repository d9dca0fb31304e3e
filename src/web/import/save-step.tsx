import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { saveImportInput } from '../../modules/roadmaps/import-schemas.js';
import { periodLabel } from '../../modules/roadmaps/types.js';
import { keptUnits, presetUnit, unitLabel, useOrgUnits } from '../roadmap/hooks.js';
import { plural } from '../roadmap/strings.js';
import { ApiError, api, unwrap } from '../shared/api.js';
import { useMe } from '../shared/auth.js';
import { ROADMAP_KIND_LABELS } from '../shared/types.js';
import { notifyOk } from '../shared/ui.js';
import { countItems, isPastPeriod, issueErrors, toPayload } from './model.js';
import { scrollToFirstError } from './review-step.js';
import type { ImportAction, ImportState, Saved } from './use-import-state.js';

type Props = { state: ImportState; dispatch: (a: ImportAction) => void; openWarnings: number };

const items = (n: number) => `${n} ${plural(n, ['мероприятие', 'мероприятия', 'мероприятий'])}`;

/** Step 3: the organisation, what will be saved, and the one request that saves it all or nothing. */
export function SaveStep({ state, dispatch, openWarnings }: Props) {
  const me = useMe();
  const qc = useQueryClient();
  const units = useOrgUnits();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The user's own unit first, then the institutions under it.
  const own = new Set(me.assignments.map((a) => a.orgUnitId));
  const options = keptUnits(me, units.data ?? [])
    .sort((a, b) => Number(own.has(b.id)) - Number(own.has(a.id)))
    .map((u) => ({ value: u.id, label: unitLabel(u) }));
  const only = presetUnit(
    me,
    options.map((o) => o.value),
  );
  const kept = state.roadmaps.filter((d) => d.keep);
  const pastDrafts = kept.filter((d) => isPastPeriod(d) && !d.archive);
  const archived = kept.filter((d) => d.archive && isPastPeriod(d)).length;

  useEffect(() => {
    if (only && !state.orgUnitId) dispatch({ type: 'unit', orgUnitId: only });
  }, [only, state.orgUnitId, dispatch]);

  async function save() {
    const { roadmaps, index } = toPayload(state.roadmaps);
    const showErrors = (errors: Record<string, string>) => {
      // The schema would call a missing organisation a wrong identifier.
      if (errors.orgUnitId && !state.orgUnitId) errors.orgUnitId = 'Выберите организацию';
      // The unit and the archive choice are made on this step; everything else on the review step.
      const onlyUnit = Object.keys(errors).every((k) => k === 'orgUnitId' || k.endsWith(':archive'));
      dispatch({ type: 'errors', errors, step: onlyUnit ? 2 : 1 });
      if (!onlyUnit) scrollToFirstError();
    };
    const checked = saveImportInput.safeParse({
      orgUnitId: state.orgUnitId,
      fileName: state.fileName ?? undefined,
      roadmaps,
    });
    if (!checked.success) return showErrors(issueErrors(checked.error.issues, index, ''));
    setBusy(true);
    setFailure(null);
    try {
      const saved = await unwrap(api.POST('/api/roadmap-imports', { body: checked.data }));
      dispatch({ type: 'saved', saved });
      const records = saved.filter((s) => s.archived).length;
      const drafts = saved.length - records;
      const parts = [
        drafts > 0 && `${drafts} ${plural(drafts, ['черновик', 'черновика', 'черновиков'])}`,
        records > 0 &&
          `${records} ${plural(records, ['архивная запись', 'архивные записи', 'архивных записей'])}`,
      ];
      notifyOk(`Сохранено: ${parts.filter(Boolean).join(' и ')}`);
      await Promise.all(
        ['roadmaps', 'dashboard', 'items'].map((k) => qc.invalidateQueries({ queryKey: [k] })),
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fields.length > 0) {
        showErrors(
          issueErrors(
            e.fields.map((f) => ({ path: f.field.split('.'), message: f.message })),
            index,
            '',
          ),
        );
      } else setFailure(e instanceof Error ? e.message : 'Не удалось сохранить');
    } finally {
      setBusy(false);
    }
  }

  const total = kept.reduce((n, d) => n + countItems(d), 0);
  return (
    <Stack gap="md">
      <Select
        label="Организация"
        description="Дорожные карты будут сохранены как карты этой организации"
        placeholder="Выберите организацию"
        data={options}
        value={state.orgUnitId}
        onChange={(v) => dispatch({ type: 'unit', orgUnitId: v })}
        searchable
        required
        maw={560}
        nothingFoundMessage={units.isPending ? 'Загрузка…' : 'Нет организаций'}
        error={state.errors.orgUnitId}
        data-testid="import-unit"
      />
      <Paper withBorder>
        <Table verticalSpacing={6}>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <Table.Th>Дорожная карта</Table.Th>
              <Table.Th w={200}>Вид</Table.Th>
              <Table.Th w={180}>Период</Table.Th>
              <Table.Th w={90} ta="right">
                Разделов
              </Table.Th>
              <Table.Th w={120} ta="right">
                Мероприятий
              </Table.Th>
              <Table.Th w={170}>Сохранить как</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.roadmaps.map((d, r) =>
              !d.keep ? null : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the roadmaps of a file keep their order
                <Table.Tr key={r}>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {d.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>{ROADMAP_KIND_LABELS[d.kind]}</Table.Td>
                  <Table.Td>
                    {d.periodKind && d.periodYear ? periodLabel(d.periodKind, d.periodYear) : '—'}
                  </Table.Td>
                  <Table.Td ta="right">{d.sections.length}</Table.Td>
                  <Table.Td ta="right">{countItems(d)}</Table.Td>
                  <Table.Td>
                    {isPastPeriod(d) ? (
                      <Checkbox
                        label="архивная запись"
                        checked={d.archive}
                        onChange={(e) =>
                          dispatch({ type: 'roadmap', r, patch: { archive: e.currentTarget.checked } })
                        }
                        error={state.errors[`r${r}:archive`]}
                        data-testid={`import-archive-${r}`}
                      />
                    ) : (
                      <Text size="sm" c="dimmed">
                        черновик
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="sm">
        Будет сохранено: {kept.length}{' '}
        {plural(kept.length, ['дорожная карта', 'дорожные карты', 'дорожных карт'])}, {items(total)}. Все
        сразу или ни одной: если что-то не примется, не сохранится ничего.
      </Text>
      {pastDrafts.length > 0 && (
        <Alert color="yellow" title="Период уже закончился" data-testid="import-past-period">
          <Text size="sm">
            {pastDrafts.length === 1 ? 'Период дорожной карты' : 'Периоды этих дорожных карт'} уже{' '}
            {pastDrafts.length === 1 ? 'закончился' : 'закончились'}: все сроки в прошлом, и после утверждения
            каждое открытое мероприятие сразу станет просроченным. Если это отчёт о прошлой работе, отметьте
            «архивная запись»: карта сохранится в архив только для просмотра, мероприятия — с отметкой
            «исполнено по данным документа»; в просроченные, сводки и рабочие списки она не попадёт. Черновик
            оставьте, если по документу будете составлять новую карту.
          </Text>
        </Alert>
      )}
      {openWarnings > 0 && (
        <Text size="sm" c="orange.8">
          Непроверенных предупреждений: {openWarnings}. Их можно исправить и после сохранения, в черновике.
        </Text>
      )}
      {failure && (
        <Alert color="red" title="Не сохранено" data-testid="import-save-error">
          {failure} Ничего не сохранено: исправьте причину и нажмите «Сохранить» ещё раз.
        </Alert>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => dispatch({ type: 'step', step: 1 })} disabled={busy}>
          Назад к проверке
        </Button>
        <Button onClick={save} loading={busy} disabled={kept.length === 0} data-testid="import-save">
          {archived === 0
            ? 'Сохранить как черновики'
            : archived === kept.length
              ? 'Сохранить в архив'
              : 'Сохранить'}
        </Button>
      </Group>
    </Stack>
  );
}

/** After saving: links to the new drafts. */
export function SavedResult({ saved, onMore }: { saved: Saved; onMore: () => void }) {
  return (
    <Stack gap="md">
      <Alert
        color="green"
        title={
          saved.length === 1
            ? saved[0]?.archived
              ? 'Дорожная карта сохранена в архив'
              : 'Дорожная карта сохранена как черновик'
            : saved.every((s) => s.archived)
              ? 'Дорожные карты сохранены в архив'
              : saved.some((s) => s.archived)
                ? 'Дорожные карты сохранены'
                : 'Дорожные карты сохранены как черновики'
        }
        data-testid="import-saved"
      >
        <Text size="sm" mb="xs">
          {saved.every((s) => s.archived)
            ? 'Архивные записи открываются только для просмотра; в просроченные и сводки они не попадают.'
            : 'Откройте черновик, чтобы продолжить работу: назначить ответственных, приложить приказ и утвердить.'}
        </Text>
        <List size="sm" spacing={4}>
          {saved.map((s) => (
            <List.Item key={s.id}>
              <Anchor component={Link} to={`/roadmaps/${s.id}`} data-testid={`import-saved-${s.id}`}>
                {s.title}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                — {items(s.items)}
                {s.archived ? ', архивная запись' : ''}
              </Text>
            </List.Item>
          ))}
        </List>
      </Alert>
      <Group>
        <Button variant="light" onClick={onMore}>
          Загрузить ещё файл
        </Button>
        <Button variant="default" component={Link} to="/roadmaps">
          К списку дорожных карт
        </Button>
      </Group>
    </Stack>
  );
}
