import { Anchor, Badge, Checkbox, Group, Paper, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { InstrumentItemType } from '../../db/schema/values.js';
import { parseNumberAnswer } from '../../modules/risk-profiles/answer.js';
import type { Answer } from '../../modules/risk-profiles/score-profile.js';

// One question exactly as a respondent sees it: the editor's preview and the answering pages of
// campaigns render items with this component, so what the region previews is what pupils get.
// Phone first (390 px): options are full-width cards with large touch targets, never a row of radios.
//
// The value is what the respondent has put in so far: the option's code for `single`/`scale`, the
// codes for `multi`, the typed text for `number` (so «2,» can be typed on the way to «2,5»); null —
// no answer. `questionAnswer` turns it into the answer the rule scores.

export type QuestionValue = string | string[] | null;

/** What a respondent is shown of an item: the answering API sends items without their risk values. */
export type QuestionItem = {
  id: string;
  type: InstrumentItemType;
  text?: string;
  options?: readonly { value: string; label?: string }[];
};

type Props = {
  item: QuestionItem;
  value: QuestionValue;
  onChange: (value: QuestionValue) => void;
  /** «Вопрос 3 из 12» above the text, when given. */
  index?: number;
  total?: number;
  disabled?: boolean;
};

/** The answer to store, null for no answer; undefined when the typed number is not a number yet. */
export function questionAnswer(item: QuestionItem, value: QuestionValue): Answer | null | undefined {
  if (value === null) return null;
  if (item.type === 'number') {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') return null;
    return parseNumberAnswer(text) ?? undefined;
  }
  if (item.type === 'multi') {
    const chosen = Array.isArray(value) ? value : [value];
    return chosen.length === 0 ? null : chosen;
  }
  return typeof value === 'string' && value !== '' ? value : null;
}

export function QuestionView({ item, value, onChange, index, total, disabled }: Props) {
  const answered = questionAnswer(item, value);
  const options = item.options ?? [];
  const labelId = `q-${item.id}-label`;
  return (
    <Paper withBorder radius="md" p="md" data-testid={`question-${item.id}`}>
      <Stack gap="sm">
        {index !== undefined && (
          <Text size="xs" c="dimmed">
            Вопрос {index}
            {total !== undefined ? ` из ${total}` : ''}
          </Text>
        )}
        <Text id={labelId} fw={600} size="md" style={{ lineHeight: 1.35 }}>
          {item.text || item.id}
        </Text>
        {item.type === 'multi' && (
          <Text size="sm" c="dimmed">
            Можно выбрать несколько вариантов
          </Text>
        )}

        {(item.type === 'single' || item.type === 'scale') && (
          <Radio.Group
            value={typeof value === 'string' ? value : null}
            onChange={(v) => onChange(v)}
            aria-labelledby={labelId}
          >
            <Stack gap={8}>
              {options.map((o, i) => (
                <Radio.Card key={o.value} value={o.value} radius="md" p="sm" disabled={disabled}>
                  <Group wrap="nowrap" gap="sm" align="center">
                    <Radio.Indicator />
                    {item.type === 'scale' && (
                      <Badge variant="light" color="gray" size="sm" style={{ flexShrink: 0 }}>
                        {i + 1}
                      </Badge>
                    )}
                    <Text size="sm">{o.label || o.value}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        )}

        {item.type === 'multi' && (
          <Checkbox.Group
            value={Array.isArray(value) ? value : []}
            onChange={(v) => onChange(v.length > 0 ? v : null)}
            aria-labelledby={labelId}
          >
            <Stack gap={8}>
              {options.map((o) => (
                <Checkbox.Card key={o.value} value={o.value} radius="md" p="sm" disabled={disabled}>
                  <Group wrap="nowrap" gap="sm" align="center">
                    <Checkbox.Indicator />
                    <Text size="sm">{o.label || o.value}</Text>
                  </Group>
                </Checkbox.Card>
              ))}
            </Stack>
          </Checkbox.Group>
        )}

        {item.type === 'number' && (
          <TextInput
            aria-labelledby={labelId}
            inputMode="decimal"
            autoComplete="off"
            placeholder="Число, например 3 или 2,5"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.currentTarget.value === '' ? null : e.currentTarget.value)}
            error={answered === undefined ? 'Введите число: цифры, дробную часть — через запятую' : undefined}
            disabled={disabled}
            size="md"
            maw={260}
          />
        )}

        {value !== null && !disabled && (
          <Anchor
            component="button"
            type="button"
            size="sm"
            c="dimmed"
            onClick={() => onChange(null)}
            w="fit-content"
          >
            Очистить ответ
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
