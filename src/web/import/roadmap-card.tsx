import {
  Alert,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { periodLabel } from '../../modules/roadmaps/types.js';
import { parseRuDate } from '../roadmap/format.js';
import { FIELD_LABELS, PERIOD_KIND_LABELS, plural } from '../roadmap/strings.js';
import { ROADMAP_KIND_LABELS } from '../shared/types.js';
import { ImportTable } from './import-table.js';
import { countItems, type DraftRoadmap } from './model.js';
import type { ImportAction, RoadmapPatch } from './use-import-state.js';
import { type ShownWarning, WarningsList } from './warnings-list.js';

const KIND_OPTIONS = Object.entries(ROADMAP_KIND_LABELS).map(([value, label]) => ({ value, label }));
const PERIOD_OPTIONS = Object.entries(PERIOD_KIND_LABELS).map(([value, label]) => ({ value, label }));
const isKind = (v: string): v is DraftRoadmap['kind'] => v in ROADMAP_KIND_LABELS;
const isPeriodKind = (v: string): v is NonNullable<DraftRoadmap['periodKind']> => v in PERIOD_KIND_LABELS;

type Props = {
  roadmap: DraftRoadmap;
  r: number;
  total: number;
  warnings: ShownWarning[];
  errors: Record<string, string>;
  focused: Set<string>;
  dispatch: (a: ImportAction) => void;
  onFocus: (w: ShownWarning) => void;
};

/** One recognised roadmap: whether to save it, its requisites, its warnings and its table. */
export function RoadmapCard({ roadmap: d, r, total, warnings, errors, focused, dispatch, onFocus }: Props) {
  const set = (patch: RoadmapPatch) => dispatch({ type: 'roadmap', r, patch });
  const err = (field: string) => errors[`r${r}:${field}`];
  const items = countItems(d);
  const withWarnings = new Set(warnings.flatMap((w) => w.rowKeys));
  const warned = new Set(warnings.filter((w) => !w.resolved).flatMap((w) => w.rowKeys));
  const noPeriod = !d.periodKind || !d.periodYear;

  return (
    <Paper withBorder p="md" data-testid={`import-roadmap-${r}`} style={{ scrollMarginTop: 70 }}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Checkbox
            label={<Text fw={600}>Сохранить</Text>}
            checked={d.keep}
            onChange={(e) => set({ keep: e.currentTarget.checked })}
            data-testid={`import-keep-${r}`}
          />
          <Text size="sm" c="dimmed">
            Дорожная карта {r + 1} из {total} · {d.sections.length}{' '}
            {plural(d.sections.length, ['раздел', 'раздела', 'разделов'])} · {items}{' '}
            {plural(items, ['мероприятие', 'мероприятия', 'мероприятий'])}
          </Text>
        </Group>
        {!d.keep ? (
          <Text size="sm" c="dimmed" td="line-through" lineClamp={2}>
            {d.title}
          </Text>
        ) : (
          <>
            <Textarea
              label={FIELD_LABELS.title}
              value={d.title}
              onChange={(e) => set({ title: e.currentTarget.value })}
              autosize
              minRows={1}
              error={err('title')}
              data-testid={`import-title-${r}`}
            />
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Select
                label={FIELD_LABELS.kind}
                data={KIND_OPTIONS}
                value={d.kind}
                onChange={(v) => v && isKind(v) && set({ kind: v })}
                allowDeselect={false}
                error={err('kind')}
              />
              <Select
                label="Период"
                placeholder="Выберите"
                data={PERIOD_OPTIONS}
                value={d.periodKind}
                onChange={(v) => v && isPeriodKind(v) && set({ periodKind: v })}
                allowDeselect={false}
                error={err('periodKind')}
              />
              <NumberInput
                label={d.periodKind === 'school_year' ? 'Учебный год начинается в' : 'Год'}
                value={d.periodYear ?? ''}
                onChange={(v) => set({ periodYear: typeof v === 'number' ? v : null })}
                min={2015}
                max={2100}
                allowDecimal={false}
                error={err('periodYear')}
                description={
                  d.periodKind && d.periodYear && d.periodYear >= 2015
                    ? periodLabel(d.periodKind, d.periodYear)
                    : ' '
                }
              />
            </SimpleGrid>
            {(d.periodGuessed || noPeriod) && (
              <Alert color="orange" variant="light" p="xs" data-testid={`import-period-note-${r}`}>
                <Text size="sm">
                  {noPeriod
                    ? 'Период дорожной карты в документе не найден: укажите его.'
                    : `Период не написан рядом с таблицей${d.periodText ? ` (найдено: «${d.periodText}»)` : ''} и определён по срокам мероприятий: проверьте его.`}{' '}
                  От периода зависит, к какому году отнесены сроки без года.
                </Text>
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <TextInput
                label="Кем утверждена"
                description="Необязательно"
                value={d.approval.body}
                onChange={(e) => set({ approval: { ...d.approval, body: e.currentTarget.value } })}
                error={err('body')}
              />
              <TextInput
                label={FIELD_LABELS.orderNumber}
                description="Необязательно"
                value={d.approval.orderNumber}
                onChange={(e) => set({ approval: { ...d.approval, orderNumber: e.currentTarget.value } })}
                error={err('orderNumber')}
              />
              <DateInput
                label={FIELD_LABELS.orderDate}
                description="Необязательно"
                valueFormat="DD.MM.YYYY"
                dateParser={parseRuDate}
                value={d.approval.date}
                onChange={(v) => set({ approval: { ...d.approval, date: v } })}
                clearable
                error={err('date')}
              />
            </SimpleGrid>
            {d.columns.length > 0 && (
              <Text size="xs" c="dimmed">
                Столбцы документа: {d.columns.map((c) => `«${c}»`).join(', ')}
              </Text>
            )}
            <WarningsList
              title="Предупреждения по этой дорожной карте"
              warnings={warnings}
              onFocus={onFocus}
              onCheck={(id, checked) => dispatch({ type: 'warning', id, checked })}
            />
            <ImportTable
              roadmap={d}
              r={r}
              dispatch={dispatch}
              errors={errors}
              warned={warned}
              focused={focused}
              withWarnings={withWarnings}
            />
          </>
        )}
      </Stack>
    </Paper>
  );
}
