import { Alert, Button, Divider, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { type QuestionValue, QuestionView, questionAnswer } from '../risk-profiles/question-view.js';
import type { ApiData } from '../shared/api.js';
import { formatDate } from '../shared/ui.js';
import { A } from './strings.js';

// A questionnaire to fill in: the public link's page and the director's page. Progress is kept in the
// browser's localStorage under `storageKey` until it is sent (ADR 0020), so a closed tab loses nothing.

export type Form = ApiData<'/api/answer/{token}', 'get'>;
/** What the API takes: the answer of every answered item (numbers as numbers). */
export type Answers = Record<string, string | string[] | number>;
/** What the respondent has put in so far, kept in the browser (a number as typed: «2,» on the way to «2,5»). */
type Draft = Record<string, string | string[]>;

function load(key: string): Draft {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '{}');
    return typeof v === 'object' && v !== null ? (v as Draft) : {};
  } catch {
    return {};
  }
}

export function AnswerForm({
  form,
  storageKey,
  onSubmit,
  anonymous,
}: {
  form: Form;
  storageKey: string;
  onSubmit: (answers: Answers) => Promise<void>;
  anonymous: boolean;
}) {
  const [answers, setAnswers] = useState<Draft>(() => load(storageKey));
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    localStorage.setItem(storageKey, JSON.stringify(answers));
  }, [answers, storageKey]);
  const answered = form.items.filter((i) => questionAnswer(i, answers[i.id] ?? null) != null).length;
  const sections = useMemo(() => {
    const out: { title: string | null; items: Form['items'] }[] = [];
    for (const item of form.items) {
      const last = out.at(-1);
      if (last && last.title === item.section) last.items.push(item);
      else out.push({ title: item.section, items: [item] });
    }
    return out;
  }, [form.items]);

  const set = (id: string, v: QuestionValue) =>
    setAnswers((a) => {
      const next = { ...a };
      if (v === null) delete next[id];
      else next[id] = v;
      return next;
    });

  async function send() {
    if (answered === 0) {
      setError(A.needOne);
      return;
    }
    const payload: Answers = {};
    for (const item of form.items) {
      const a = questionAnswer(item, answers[item.id] ?? null);
      if (a === undefined) {
        setError(A.notNumber(form.items.indexOf(item) + 1));
        return;
      }
      if (a !== null) payload[item.id] = typeof a === 'string' || typeof a === 'number' ? a : [...a];
    }
    setSending(true);
    setError(null);
    try {
      await onSubmit(payload);
      localStorage.removeItem(storageKey);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Не удалось отправить');
    } finally {
      setSending(false);
    }
  }

  return (
    <Stack gap="md">
      <div>
        <Title order={3}>{A.group[form.group]}</Title>
        <Text c="dimmed" size="sm">
          {form.schoolName} · {A.dates(formatDate(form.opensOn), formatDate(form.closesOn))}
        </Text>
      </div>
      <Text size="sm">
        {anonymous ? `${A.anonymous} ` : ''}
        {A.savedHere}
      </Text>
      <Paper pos="sticky" top={0} p="xs" style={{ zIndex: 2 }} withBorder data-testid="answer-progress">
        <Text size="sm" mb={4}>
          {A.progress(answered, form.items.length)}
        </Text>
        <Progress value={(100 * answered) / Math.max(1, form.items.length)} />
      </Paper>
      {sections.map((s) => (
        <Stack key={s.items[0]?.id} gap="lg">
          {s.title && <Divider label={s.title} labelPosition="left" />}
          {s.items.map((item) => (
            <QuestionView
              key={item.id}
              item={item}
              value={answers[item.id] ?? null}
              onChange={(v) => set(item.id, v)}
              index={form.items.indexOf(item) + 1}
              total={form.items.length}
            />
          ))}
        </Stack>
      ))}
      {error && (
        <Alert color="red" data-testid="answer-error">
          {error}
        </Alert>
      )}
      {answered > 0 && answered < form.items.length && (
        <Text size="sm" c="dimmed">
          {A.unanswered(form.items.length - answered)}
        </Text>
      )}
      <Button size="lg" onClick={send} loading={sending} data-testid="answer-submit">
        {A.submit}
      </Button>
    </Stack>
  );
}

/** A whole-screen message: thanks, not yet open, closed, a dead link. */
export function AnswerNotice({
  title,
  text,
  color = 'blue',
}: {
  title: string;
  text: string;
  color?: string;
}) {
  return (
    <Alert color={color} title={title} data-testid="answer-notice">
      {text}
    </Alert>
  );
}
