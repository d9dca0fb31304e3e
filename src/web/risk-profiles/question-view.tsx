import { Checkbox, NumberInput, Paper, Radio, Stack, Text } from '@mantine/core';

// LOCAL STAND-IN (helper "campaigns") for the instruments helper's question renderer, with the same
// props (item, value, onChange): one question of a questionnaire as the respondent sees it. Big tap
// targets: it is used on phones (390 px).

export type QuestionItem = {
  id: string;
  type: 'single' | 'multi' | 'scale' | 'number';
  text?: string;
  options?: readonly { value: string; label?: string }[];
};
export type QuestionValue = string | string[] | number | undefined;

export function QuestionView({
  item,
  value,
  onChange,
}: {
  item: QuestionItem;
  value: QuestionValue;
  onChange: (value: QuestionValue) => void;
}) {
  const options = item.options ?? [];
  const label = (
    <Text fw={600} mb="xs">
      {item.text ?? item.id}
    </Text>
  );
  if (item.type === 'number')
    return (
      <div>
        {label}
        <NumberInput
          aria-label={item.text ?? item.id}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
          min={0}
          size="md"
          placeholder="Введите число"
          decimalSeparator=","
        />
      </div>
    );
  if (item.type === 'multi') {
    const chosen = Array.isArray(value) ? value : [];
    return (
      <Checkbox.Group value={chosen} onChange={(v) => onChange(v.length ? v : undefined)} label={label}>
        <Stack gap={6}>
          {options.map((o) => (
            <Paper key={o.value} withBorder p="sm" radius="md">
              <Checkbox value={o.value} label={o.label ?? o.value} size="md" />
            </Paper>
          ))}
        </Stack>
      </Checkbox.Group>
    );
  }
  return (
    <Radio.Group value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} label={label}>
      <Stack gap={6}>
        {options.map((o) => (
          <Paper key={o.value} withBorder p="sm" radius="md">
            <Radio value={o.value} label={o.label ?? o.value} size="md" />
          </Paper>
        ))}
      </Stack>
    </Radio.Group>
  );
}
