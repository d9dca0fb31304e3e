import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { Instrument, InstrumentItem } from '../../modules/risk-profiles/instrument.js';
import { ITEM_TYPE_LABELS } from '../../modules/risk-profiles/instrument-strings.js';
import { sectionsOf } from '../../modules/risk-profiles/presentation.js';

// One question of the editor: text, code, factor, section, type, weight, options with labels and risk
// values, or the rule of a number. Errors come from the same schema the server checks (the editor passes
// them by path: `items[3].options[0].risk` → this item's option 0).

export type ItemErrors = Record<string, string>;

type Props = {
  instrument: Instrument;
  item: InstrumentItem;
  /** errors of this item by the path below it: `text`, `options`, `options[0].risk` … */
  errors: ItemErrors;
  readOnly: boolean;
  expanded: boolean;
  onToggle: () => void;
  onChange: (item: InstrumentItem) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  number: number;
};

const TYPES = (Object.keys(ITEM_TYPE_LABELS) as (keyof typeof ITEM_TYPE_LABELS)[]).map((t) => ({
  value: t,
  label: ITEM_TYPE_LABELS[t],
}));

export function ItemEditor({
  instrument,
  item,
  errors,
  readOnly,
  expanded,
  onToggle,
  onChange,
  onMove,
  onRemove,
  number,
}: Props) {
  const set = (patch: Partial<InstrumentItem>) => onChange({ ...item, ...patch });
  const factor = instrument.factors.find((f) => f.code === item.factor);
  const sections = sectionsOf(instrument).filter((s) => s.group === item.group);
  const options = item.options ?? [];
  const setOption = (i: number, patch: Partial<(typeof options)[number]>) =>
    set({ options: options.map((o, k) => (k === i ? { ...o, ...patch } : o)) });
  const hasErrors = Object.keys(errors).length > 0;

  function setType(type: InstrumentItem['type']) {
    if (type === 'number') {
      const { options: _, ...rest } = item;
      onChange({ ...rest, type, riskIf: item.riskIf ?? { op: '>=', value: 1 } });
    } else {
      const { riskIf: _, ...rest } = item;
      onChange({
        ...rest,
        type,
        options: item.options?.length
          ? item.options
          : [
              { value: '1', label: 'Да', risk: 0 },
              { value: '2', label: 'Нет', risk: 1 },
            ],
      });
    }
  }

  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      data-testid={`edit-item-${item.id}`}
      style={hasErrors ? { borderColor: 'var(--mantine-color-red-5)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ flex: 1, minWidth: 0, cursor: 'pointer' }} onClick={onToggle}>
          <Text size="sm" fw={500}>
            {number}. {item.text || <i>без текста</i>}
          </Text>
          <Group gap={6}>
            <Badge size="xs" variant="light">
              {ITEM_TYPE_LABELS[item.type]}
            </Badge>
            <Text size="xs" c="dimmed">
              {item.id} · фактор {item.factor}
              {factor ? ` — ${factor.name}` : ''}
              {item.weight !== undefined && item.weight !== 1 ? ` · вес ${item.weight}` : ''}
            </Text>
            {hasErrors && (
              <Badge size="xs" color="red">
                есть ошибки
              </Badge>
            )}
          </Group>
        </Stack>
        {!readOnly && (
          <Group gap={2} wrap="nowrap">
            <ActionIcon variant="subtle" aria-label="Выше" onClick={() => onMove(-1)}>
              ↑
            </ActionIcon>
            <ActionIcon variant="subtle" aria-label="Ниже" onClick={() => onMove(1)}>
              ↓
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Удалить вопрос ${item.id}`}
              onClick={onRemove}
            >
              ✕
            </ActionIcon>
          </Group>
        )}
      </Group>
      {expanded && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label="Текст вопроса"
            autosize
            minRows={1}
            value={item.text ?? ''}
            readOnly={readOnly}
            error={errors.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Код вопроса"
              value={item.id}
              readOnly={readOnly}
              error={errors.id}
              onChange={(e) => set({ id: e.currentTarget.value })}
            />
            <Select
              label="Фактор риска"
              data={instrument.factors.map((f) => ({ value: f.code, label: `${f.code}. ${f.name}` }))}
              value={item.factor}
              readOnly={readOnly}
              error={errors.factor}
              allowDeselect={false}
              onChange={(v) => v && set({ factor: v })}
              comboboxProps={{ width: 420, position: 'bottom-start' }}
            />
          </Group>
          <Group grow align="flex-start">
            <Select
              label="Тип"
              data={TYPES}
              value={item.type}
              readOnly={readOnly}
              allowDeselect={false}
              onChange={(v) => v && setType(v as InstrumentItem['type'])}
            />
            <NumberInput
              label="Вес"
              min={0.1}
              step={0.5}
              decimalScale={2}
              value={item.weight ?? 1}
              readOnly={readOnly}
              error={errors.weight}
              onChange={(v) => set({ weight: typeof v === 'number' ? v : 1 })}
            />
            <Select
              label="Раздел"
              data={sections.map((s) => ({ value: s.id, label: s.title }))}
              value={typeof item.section === 'string' ? item.section : null}
              readOnly={readOnly}
              error={errors.section}
              clearable
              placeholder="без раздела"
              onChange={(v) => {
                const { section: _, ...rest } = item;
                onChange(v ? { ...rest, section: v } : rest);
              }}
            />
          </Group>
          {item.type === 'number' ? (
            <Group align="flex-end">
              <Text size="sm" pb={8}>
                Риск 1, если ответ
              </Text>
              <Select
                w={90}
                data={['>=', '<=']}
                value={item.riskIf?.op ?? '>='}
                readOnly={readOnly}
                allowDeselect={false}
                onChange={(v) =>
                  set({ riskIf: { op: (v ?? '>=') as '>=' | '<=', value: item.riskIf?.value ?? 0 } })
                }
                aria-label="Условие"
              />
              <NumberInput
                w={120}
                value={item.riskIf?.value ?? 0}
                readOnly={readOnly}
                decimalScale={4}
                error={errors.riskIf}
                onChange={(v) =>
                  set({ riskIf: { op: item.riskIf?.op ?? '>=', value: typeof v === 'number' ? v : 0 } })
                }
                aria-label="Порог"
              />
              <Text size="sm" pb={8}>
                иначе 0
              </Text>
            </Group>
          ) : (
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                Варианты ответа и их риск (0 — нет признака риска, 1 — явный признак)
              </Text>
              {errors.options && (
                <Text size="xs" c="red">
                  {errors.options}
                </Text>
              )}
              {options.map((o, i) => (
                <Group
                  // biome-ignore lint/suspicious/noArrayIndexKey: the code being edited is the only other key, and it changes as one types
                  key={i}
                  gap="xs"
                  wrap="nowrap"
                  align="flex-start"
                  data-testid={`option-${item.id}-${i}`}
                >
                  <TextInput
                    w={70}
                    value={o.value}
                    readOnly={readOnly}
                    aria-label="Код варианта"
                    error={errors[`options[${i}].value`]}
                    onChange={(e) => setOption(i, { value: e.currentTarget.value })}
                  />
                  <TextInput
                    style={{ flex: 1 }}
                    value={o.label ?? ''}
                    readOnly={readOnly}
                    aria-label="Подпись варианта"
                    placeholder="Подпись"
                    onChange={(e) => setOption(i, { label: e.currentTarget.value })}
                  />
                  <NumberInput
                    w={100}
                    min={0}
                    max={1}
                    step={0.05}
                    decimalScale={3}
                    value={o.risk}
                    readOnly={readOnly}
                    aria-label={`Риск варианта ${o.value}`}
                    error={errors[`options[${i}].risk`]}
                    onChange={(v) => setOption(i, { risk: typeof v === 'number' ? v : Number.NaN })}
                  />
                  {!readOnly && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      mt={4}
                      aria-label={`Удалить вариант ${o.value}`}
                      onClick={() => set({ options: options.filter((_, k) => k !== i) })}
                    >
                      ✕
                    </ActionIcon>
                  )}
                </Group>
              ))}
              {!readOnly && (
                <Group>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      set({
                        options: [...options, { value: String(options.length + 1), label: '', risk: 0 }],
                      })
                    }
                  >
                    Добавить вариант
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Stack>
      )}
    </Paper>
  );
}
