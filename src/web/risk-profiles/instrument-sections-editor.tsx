import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { RespondentGroup } from '../../db/schema/values.js';
import type { Instrument } from '../../modules/risk-profiles/instrument.js';
import {
  type Questionnaire,
  questionnaireOf,
  type Section,
  sectionsOf,
} from '../../modules/risk-profiles/presentation.js';

// The group's questionnaire as a whole: its title, the introduction a respondent reads first, and its
// sections (a section with questions cannot be removed — move its questions first).

export function SectionsEditor(props: {
  instrument: Instrument;
  group: RespondentGroup;
  readOnly: boolean;
  onChange: (next: Instrument) => void;
}) {
  const { instrument, group, readOnly, onChange } = props;
  const q: Questionnaire = questionnaireOf(instrument, group) ?? { title: '' };
  const all = sectionsOf(instrument);
  const mine = all.filter((s) => s.group === group);
  const used = new Set(instrument.items.map((i) => i.section));

  const setQuestionnaire = (patch: Partial<Questionnaire>) => {
    const current = (instrument.questionnaires ?? {}) as Record<string, Questionnaire>;
    onChange({ ...instrument, questionnaires: { ...current, [group]: { ...q, ...patch } } });
  };
  const setSections = (next: Section[]) => onChange({ ...instrument, sections: next });
  const rename = (id: string, title: string) =>
    setSections(all.map((s) => (s.id === id ? { ...s, title } : s)));
  const add = () => {
    let n = mine.length + 1;
    while (all.some((s) => s.id === `${group[0]}-s${n}`)) n++;
    setSections([...all, { id: `${group[0]}-s${n}`, group, title: `Раздел ${n}` }]);
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={5}>Анкета группы</Title>
        <TextInput
          label="Название анкеты"
          value={q.title}
          readOnly={readOnly}
          onChange={(e) => setQuestionnaire({ title: e.currentTarget.value })}
        />
        <Textarea
          label="Вступление — его респондент читает перед вопросами"
          autosize
          minRows={2}
          value={q.intro ?? ''}
          readOnly={readOnly}
          onChange={(e) => setQuestionnaire({ intro: e.currentTarget.value })}
        />
        <Text size="sm" fw={500}>
          Разделы
        </Text>
        {mine.map((s) => (
          <Group key={s.id} gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              value={s.title}
              readOnly={readOnly}
              aria-label={`Раздел ${s.id}`}
              onChange={(e) => rename(s.id, e.currentTarget.value)}
            />
            {!readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                disabled={used.has(s.id)}
                title={used.has(s.id) ? 'В разделе есть вопросы' : 'Удалить раздел'}
                aria-label={`Удалить раздел ${s.title}`}
                onClick={() => setSections(all.filter((x) => x.id !== s.id))}
              >
                ✕
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <Group>
            <Button size="xs" variant="default" onClick={add}>
              Добавить раздел
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
