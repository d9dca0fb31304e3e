import { Box, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RespondentGroup } from '../../db/schema/values.js';
import type { Instrument } from '../../modules/risk-profiles/instrument.js';
import { GROUP_PLURAL } from '../../modules/risk-profiles/instrument-strings.js';
import { questionnaireBlocks, questionnaireOf } from '../../modules/risk-profiles/presentation.js';
import { type QuestionValue, QuestionView } from './question-view.js';

// «Предпросмотр»: one group's questionnaire exactly as its respondent sees it — the same QuestionView the
// answering pages render, in a phone-wide column. Answers given here are kept only on this screen.

export const GROUP_TABS = (['director', 'teacher', 'pupil', 'parent'] as const).map((g) => ({
  value: g,
  label: GROUP_PLURAL[g][0]?.toUpperCase() + GROUP_PLURAL[g].slice(1),
}));

export function QuestionnairePreview({
  instrument,
  group,
}: {
  instrument: Instrument;
  group: RespondentGroup;
}) {
  const [values, setValues] = useState<Record<string, QuestionValue>>({});
  const q = questionnaireOf(instrument, group);
  const blocks = questionnaireBlocks(instrument, group);
  const total = blocks.reduce((n, b) => n + b.items.length, 0);
  let index = 0;
  return (
    <Box maw={420} mx="auto" data-testid={`preview-${group}`}>
      <Stack gap="md">
        <Paper p="md" radius="md" bg="blue.0">
          <Title order={3} size="h4">
            {q?.title ?? `Анкета: ${GROUP_PLURAL[group]}`}
          </Title>
          {q?.intro && (
            <Text size="sm" mt="xs">
              {q.intro}
            </Text>
          )}
        </Paper>
        {total === 0 && <Text c="dimmed">В анкете этой группы нет вопросов.</Text>}
        {blocks.map((b) => (
          <Stack key={b.section?.id ?? '—'} gap="sm">
            {b.section && b.items.length > 0 && (
              <Title order={4} size="h5" mt="xs">
                {b.section.title}
              </Title>
            )}
            {b.items.map((item) => {
              index++;
              return (
                <QuestionView
                  key={item.id}
                  item={item}
                  index={index}
                  total={total}
                  value={values[item.id] ?? null}
                  onChange={(v) => setValues((s) => ({ ...s, [item.id]: v }))}
                />
              );
            })}
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}

export function PreviewTab({ instrument }: { instrument: Instrument }) {
  const [group, setGroup] = useState<RespondentGroup>('pupil');
  return (
    <Stack>
      <SegmentedControl
        data={GROUP_TABS}
        value={group}
        onChange={(v) => setGroup(v as RespondentGroup)}
        data-testid="preview-group"
        size="xs"
        fullWidth
        maw={520}
      />
      <QuestionnairePreview key={group} instrument={instrument} group={group} />
    </Stack>
  );
}
