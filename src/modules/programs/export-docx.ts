import { AlignmentType, Document, Packer, Paragraph, Table, TableLayoutType, TextRun, WidthType } from 'docx';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { dataRow, headerRow } from '../documents/docx-appendix.js';
import { formatRuDate } from '../documents/export-roadmap-docx.js';
import { type DocumentContent, documentContentSchema } from './content.js';
import { loadDocumentAccess } from './document-access.js';

// The document in the shape a school files it: a title page (school, «УТВЕРЖДЕНО приказом …», title,
// year), then the sections, the goal and tasks, and the tables of indicators and measures. A4 portrait.

const FONT = 'Times New Roman';
const SIZE = 24; // 12 pt
const TABLE_W = 11906 - 1134 - 850;

const p = (
  text: string,
  o: {
    bold?: boolean;
    center?: boolean;
    size?: number;
    right?: boolean;
    before?: number;
    after?: number;
    pageBreak?: boolean;
  } = {},
) =>
  new Paragraph({
    alignment: o.center ? AlignmentType.CENTER : o.right ? AlignmentType.RIGHT : AlignmentType.BOTH,
    spacing: { before: o.before ?? 0, after: o.after ?? 120 },
    pageBreakBefore: o.pageBreak,
    children: [new TextRun({ text, bold: o.bold, font: FONT, size: o.size ?? SIZE })],
  });
const heading = (text: string) => p(text, { bold: true, center: true, before: 240, after: 160, size: 28 });
const table = (widths: number[], headers: string[], rows: string[][]) =>
  new Table({
    width: { size: TABLE_W, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [headerRow(headers, widths), ...rows.map((r) => dataRow(r, widths))],
  });
const cols = (...parts: number[]) => parts.map((x) => Math.round((TABLE_W * x) / 100));

function body(c: DocumentContent, publicCopy: boolean) {
  const out: (Paragraph | Table)[] = [];
  for (const s of c.sections) {
    out.push(heading(s.title));
    for (const line of s.text.split('\n')) out.push(p(line));
  }
  if (c.goal) out.push(heading('Цель'), p(c.goal));
  if (c.tasks.length) {
    out.push(heading('Задачи'));
    for (const [i, t] of c.tasks.entries()) out.push(p(`${i + 1}. ${t.text}`));
  }
  if (c.indicators.length) {
    out.push(heading('Целевые показатели'));
    out.push(
      table(
        cols(6, 34, 15, 15, 12, 18),
        ['№', 'Показатель', 'Базовое значение', 'Целевое значение', 'Срок', 'Способ измерения'],
        c.indicators.map((x, i) => [String(i + 1), x.name, x.baseValue, x.targetValue, x.date, x.method]),
      ),
    );
  }
  if (c.measures.length) {
    const taskNo = new Map(c.tasks.map((t, i) => [t.key, String(i + 1)]));
    out.push(heading('План мероприятий'));
    out.push(
      table(
        cols(5, 7, 30, 12, 15, 14, 17),
        ['№', 'Задача', 'Мероприятие', 'Срок', 'Ответственный', 'Участники', 'Ожидаемый результат'],
        c.measures.map((m, i) => [
          String(i + 1),
          taskNo.get(m.taskKey) ?? '',
          m.measure,
          m.deadline,
          m.responsible,
          m.participants,
          m.expectedResult,
        ]),
      ),
    );
  }
  if (c.responsible.length) {
    out.push(heading('Ответственные за реализацию'));
    // The public copy (issue 15 §1) names positions and roles only: no person's name leaves the system.
    out.push(
      publicCopy
        ? table(
            cols(6, 47, 47),
            ['№', 'Должность', 'Роль в программе'],
            c.responsible.map((r, i) => [String(i + 1), r.position, r.role]),
          )
        : table(
            cols(6, 34, 30, 30),
            ['№', 'ФИО', 'Должность', 'Роль в программе'],
            c.responsible.map((r, i) => [String(i + 1), r.name, r.position, r.role]),
          ),
    );
  }
  if (c.partners.length) {
    out.push(heading('Партнёры'));
    out.push(
      table(
        cols(6, 44, 50),
        ['№', 'Партнёр', 'Вклад'],
        c.partners.map((r, i) => [String(i + 1), r.name, r.contribution]),
      ),
    );
  }
  return out;
}

/** Access: whoever sees the document. */
export async function exportDocumentDocx(
  db: Db,
  opts: { actor: Actor; documentId: string; publicCopy?: boolean },
): Promise<{ fileName: string; data: Buffer }> {
  const { doc, school } = await loadDocumentAccess(db, opts.actor, opts.documentId);
  const content = documentContentSchema.parse(doc.content);
  const approval = doc.orderNumber
    ? ['УТВЕРЖДЕНО', `приказом № ${doc.orderNumber}`, `от ${formatRuDate(doc.orderDate)}`]
    : ['ПРОЕКТ', `версия ${doc.versionNo}`];
  const titlePage = [
    p(school.name, { center: true, bold: true, after: 1200 }),
    ...approval.map((line) => p(line, { right: true, after: 0 })),
    p('', { after: 2400 }),
    p(doc.title.toUpperCase(), { center: true, bold: true, size: 32, after: 240 }),
    p(`на ${doc.year}/${doc.year + 1} учебный год`, { center: true, size: 28, after: 4800 }),
    p(String(doc.year), { center: true }),
  ];
  const file = new Document({
    creator: 'Опора',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 850 },
          },
        },
        children: [...titlePage, p('', { pageBreak: true }), ...body(content, opts.publicCopy ?? false)],
      },
    ],
  });
  const data = await Packer.toBuffer(file);
  const safe = doc.title
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .trim()
    .slice(0, 80);
  return { fileName: `${safe} ${doc.year}.docx`, data };
}
