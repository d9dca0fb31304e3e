import { ActionIcon, Anchor, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ConfirmationBadge, StatusBadge } from '../shared/ui.js';
import type { Content, DocumentDetail } from './labels.js';
import { CountBadge, type FieldSpec, RowsEditor, RowsView } from './rows.js';

// The document's content: an editor for the school's team while the document is a draft or on rework,
// a reader otherwise. Every part carries its comments (count, and a button to add one) and each measure
// carried into the roadmap shows its progress there.

type Props = {
  /** the carried-over measures' progress (none for a template) */
  progress: DocumentDetail['progress'];
  canDiscuss: boolean;
  content: Content;
  editing: boolean;
  onChange: (c: Content) => void;
  counts: Map<string, number>;
  onComment: (anchor: string) => void;
};

const LISTS = {
  indicators: [
    { name: 'name', label: 'Показатель', multiline: true, main: true },
    { name: 'baseValue', label: 'Базовое значение' },
    { name: 'targetValue', label: 'Целевое значение' },
    { name: 'date', label: 'Срок достижения' },
    { name: 'method', label: 'Способ измерения' },
  ],
  responsible: [
    { name: 'name', label: 'ФИО', main: true },
    { name: 'position', label: 'Должность' },
    { name: 'role', label: 'Роль в программе' },
  ],
  partners: [
    { name: 'name', label: 'Партнёр', main: true },
    { name: 'contribution', label: 'Вклад партнёра', multiline: true },
  ],
} satisfies Record<string, FieldSpec[]>;

export function ContentPanel({
  progress: measures,
  canDiscuss,
  content,
  editing,
  onChange,
  counts,
  onComment,
}: Props) {
  const taskOptions = content.tasks.map((t, i) => ({ value: t.key, label: `Задача ${i + 1}` }));
  const measureFields: FieldSpec[] = [
    { name: 'measure', label: 'Мероприятие', multiline: true, main: true },
    { name: 'taskKey', label: 'Задача', options: taskOptions },
    { name: 'deadline', label: 'Срок' },
    { name: 'responsible', label: 'Ответственный' },
    { name: 'participants', label: 'Участники' },
    { name: 'expectedResult', label: 'Ожидаемый результат' },
  ];
  const progress = new Map(measures.map((p) => [p.measureKey, p]));
  const talk = (anchor: string) => (
    <>
      <CountBadge n={counts.get(anchor) ?? 0} onClick={() => onComment(anchor)} />
      {canDiscuss && (
        <ActionIcon
          variant="subtle"
          aria-label="Комментировать"
          title="Комментировать"
          onClick={() => onComment(anchor)}
        >
          ✎
        </ActionIcon>
      )}
    </>
  );
  const measureExtra = (m: { key: string }) => {
    const p = progress.get(m.key);
    return (
      <>
        {p && (
          <Anchor
            component={Link}
            to={`/roadmaps/${p.roadmapId}`}
            size="xs"
            title="Мероприятие дорожной карты"
          >
            <StatusBadge status={p.status} overdue={p.overdue} /> <ConfirmationBadge value={p.confirmation} />
          </Anchor>
        )}
        {talk(`measure:${m.key}`)}
      </>
    );
  };
  const set =
    <K extends keyof Content>(k: K) =>
    (v: Content[K]) =>
      onChange({ ...content, [k]: v });

  if (editing)
    return (
      <Stack data-testid="content-editor">
        {/* Sections first, as the reader and the DOCX show them: the grounds open the document. */}
        <RowsEditor
          title="Разделы"
          testId="sections"
          rows={content.sections}
          prefix="s"
          addLabel="Добавить раздел"
          fields={[
            { name: 'title', label: 'Заголовок', main: true },
            { name: 'text', label: 'Текст', multiline: true, main: true },
          ]}
          onChange={set('sections')}
          extra={(r) => talk(`section:${r.key}`)}
        />
        <Stack gap={4}>
          <Group justify="space-between">
            <Text fw={600}>Цель</Text>
            <Group gap={4}>{talk('goal')}</Group>
          </Group>
          <Textarea
            value={content.goal}
            onChange={(e) => set('goal')(e.currentTarget.value)}
            autosize
            minRows={2}
            data-testid="goal"
          />
        </Stack>
        <RowsEditor
          title="Задачи"
          testId="tasks"
          rows={content.tasks}
          prefix="t"
          addLabel="Добавить задачу"
          fields={[{ name: 'text', label: 'Задача', multiline: true, main: true }]}
          onChange={set('tasks')}
          extra={(r) => talk(`task:${r.key}`)}
        />
        <RowsEditor
          title="Целевые показатели"
          testId="indicators"
          rows={content.indicators}
          prefix="i"
          addLabel="Добавить показатель"
          fields={LISTS.indicators}
          onChange={set('indicators')}
          extra={(r) => talk(`indicator:${r.key}`)}
        />
        <RowsEditor
          title="Мероприятия"
          testId="measures"
          rows={content.measures}
          prefix="m"
          addLabel="Добавить мероприятие"
          fields={measureFields}
          onChange={set('measures')}
          extra={measureExtra}
        />
        <RowsEditor
          title="Ответственные"
          testId="responsible"
          rows={content.responsible}
          prefix="p"
          addLabel="Добавить ответственного"
          fields={LISTS.responsible}
          onChange={set('responsible')}
          extra={(r) => talk(`person:${r.key}`)}
        />
        <RowsEditor
          title="Партнёры"
          testId="partners"
          rows={content.partners}
          prefix="r"
          addLabel="Добавить партнёра"
          fields={LISTS.partners}
          onChange={set('partners')}
          extra={(r) => talk(`partner:${r.key}`)}
        />
      </Stack>
    );

  return (
    <Stack data-testid="content-view">
      {content.sections.map((s) => (
        <Paper key={s.key} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            <Title order={4}>{s.title}</Title>
            <Group gap={4} wrap="nowrap">
              {talk(`section:${s.key}`)}
            </Group>
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.text}
          </Text>
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>Цель</Text>
          <Group gap={4}>{talk('goal')}</Group>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{content.goal || '—'}</Text>
      </Paper>
      <RowsView
        title="Задачи"
        testId="tasks"
        rows={content.tasks}
        fields={[{ name: 'text', label: 'Задача', main: true }]}
        extra={(r) => talk(`task:${r.key}`)}
      />
      <RowsView
        title="Целевые показатели"
        testId="indicators"
        rows={content.indicators}
        fields={LISTS.indicators}
        extra={(r) => talk(`indicator:${r.key}`)}
      />
      <RowsView
        title="Мероприятия"
        testId="measures"
        rows={content.measures}
        fields={measureFields}
        extra={measureExtra}
      />
      <RowsView
        title="Ответственные"
        testId="responsible"
        rows={content.responsible}
        fields={LISTS.responsible}
        extra={(r) => talk(`person:${r.key}`)}
      />
      <RowsView
        title="Партнёры"
        testId="partners"
        rows={content.partners}
        fields={LISTS.partners}
        extra={(r) => talk(`partner:${r.key}`)}
      />
    </Stack>
  );
}
