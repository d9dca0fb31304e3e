import { formatRuDate } from '../documents/export-roadmap-docx.js';
import type { DocumentContent } from '../programs/content.js';
import type { DocumentSnapshot } from './snapshot.js';

// A school document's parts in the order of its DOCX (programs/export-docx.ts). The table of people
// responsible keeps their positions and roles but not their names: a public page carries no person's
// name (the measures' «Ответственный» column is the document's executors' column, as in an appendix).

type Part = DocumentSnapshot['parts'][number];

export function documentParts(c: DocumentContent): Part[] {
  const parts: Part[] = c.sections.map((s) => ({
    heading: s.title,
    blocks: s.text
      .split('\n')
      .filter((l) => l.trim())
      .map((text) => ({ kind: 'paragraph' as const, text })),
  }));
  if (c.goal) parts.push({ heading: 'Цель', blocks: [{ kind: 'paragraph', text: c.goal }] });
  if (c.tasks.length)
    parts.push({
      heading: 'Задачи',
      blocks: c.tasks.map((t, i) => ({ kind: 'paragraph' as const, text: `${i + 1}. ${t.text}` })),
    });
  if (c.indicators.length)
    parts.push({
      heading: 'Целевые показатели',
      blocks: [
        {
          kind: 'table',
          header: ['№', 'Показатель', 'Базовое значение', 'Целевое значение', 'Срок', 'Способ измерения'],
          rows: c.indicators.map((x, i) => [
            String(i + 1),
            x.name,
            x.baseValue,
            x.targetValue,
            x.date,
            x.method,
          ]),
        },
      ],
    });
  if (c.measures.length) {
    const taskNo = new Map(c.tasks.map((t, i) => [t.key, String(i + 1)]));
    parts.push({
      heading: 'План мероприятий',
      blocks: [
        {
          kind: 'table',
          header: ['№', 'Задача', 'Мероприятие', 'Срок', 'Ответственный', 'Участники', 'Ожидаемый результат'],
          rows: c.measures.map((m, i) => [
            String(i + 1),
            taskNo.get(m.taskKey) ?? '',
            m.measure,
            m.deadline,
            m.responsible,
            m.participants,
            m.expectedResult,
          ]),
        },
      ],
    });
  }
  if (c.responsible.length)
    parts.push({
      heading: 'Ответственные за реализацию',
      blocks: [
        {
          kind: 'table',
          header: ['№', 'Должность', 'Роль в программе'],
          rows: c.responsible.map((r, i) => [String(i + 1), r.position, r.role]),
        },
      ],
    });
  if (c.partners.length)
    parts.push({
      heading: 'Партнёры',
      blocks: [
        {
          kind: 'table',
          header: ['№', 'Партнёр', 'Вклад'],
          rows: c.partners.map((r, i) => [String(i + 1), r.name, r.contribution]),
        },
      ],
    });
  return parts;
}

/** «УТВЕРЖДЕНО приказом № … от …», as the document's title page says it. */
export const documentApproval = (order: { number: string; date: string } | null) =>
  order ? ['УТВЕРЖДЕНО', `приказом № ${order.number}`, `от ${order.date}`] : [];

export const orderOf = (number: string | null, date: string | null) =>
  number ? { number, date: formatRuDate(date) } : null;
