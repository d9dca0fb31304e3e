import { AlignmentType, Document, Packer, Paragraph, Table, TableLayoutType, TextRun, WidthType } from 'docx';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { dataRow, headerRow } from '../documents/docx-appendix.js';
import { schoolYearLabel } from '../organisation/school-year.js';
import { getRoute } from './get-route.js';
import { ACTIVITY_KIND_LABELS, ACTIVITY_STATUS_LABELS, ROUTE_STATUS_LABELS } from './strings.js';

// «Индивидуальный образовательный маршрут» as a DOCX a school prints and signs: the teacher, the
// diagnostic, the goals and a table of activities (№, цель, действие, вид, срок, ответственный,
// отметка), with places for the signatures. A4 portrait; the table cells are the appendices' own.

const FONT = 'Times New Roman';
const SIZE = 24; // 12 pt
const TABLE_W = 11906 - 1134 - 850;
const WIDTHS = [500, 2000, 2900, 1300, 1000, 1400, 822];

const para = (text: string, opts: { bold?: boolean; center?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { after: opts.after ?? 80 },
    children: [new TextRun({ text, bold: opts.bold, font: FONT, size: SIZE })],
  });
const labelled = (label: string, text: string) =>
  new Paragraph({
    spacing: { after: 80 },
    children: [
      new TextRun({ text: `${label}: `, bold: true, font: FONT, size: SIZE }),
      new TextRun({ text, font: FONT, size: SIZE }),
    ],
  });
const ruDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

type Detail = Awaited<ReturnType<typeof getRoute>>;

export async function routeDocx(r: Detail): Promise<Buffer> {
  const goalText = new Map(r.goals.map((g, i) => [g.id, `${i + 1}. ${g.text}`]));
  const children = [
    para('Индивидуальный образовательный маршрут педагога', { bold: true, center: true }),
    para(schoolYearLabel(r.year), { center: true, after: 240 }),
    labelled('Педагог', r.teacherName),
    labelled('Должность', r.position),
    labelled('Образовательная организация', r.schoolName),
    labelled(
      'Основание',
      r.diagnostic
        ? `${r.diagnostic.name} от ${ruDay(r.diagnostic.conductedOn)}${r.diagnostic.levelName ? `, общий уровень дефицитов: ${r.diagnostic.levelName}` : ''}`
        : 'составлен без диагностики',
    ),
    labelled('Статус', ROUTE_STATUS_LABELS[r.status]),
    para('Цели', { bold: true }),
    ...(r.goals.length ? r.goals.map((g, i) => para(`${i + 1}. ${g.text}`)) : [para('—')]),
    para('План действий', { bold: true, after: 120 }),
    new Table({
      width: { size: TABLE_W, type: WidthType.DXA },
      columnWidths: WIDTHS,
      layout: TableLayoutType.FIXED,
      rows: [
        headerRow(['№', 'Цель', 'Действие', 'Вид', 'Срок', 'Ответственный', 'Отметка'], WIDTHS),
        ...r.activities.map((a, i) =>
          dataRow(
            [
              String(i + 1),
              a.goalId ? (goalText.get(a.goalId) ?? '—') : '—',
              a.courseName ? `${a.title} (${a.courseName})` : a.title,
              ACTIVITY_KIND_LABELS[a.kind],
              a.dueDate ? ruDay(a.dueDate) : '—',
              [a.responsible, a.responsibleUserName].filter(Boolean).join(', ') || '—',
              ACTIVITY_STATUS_LABELS[a.status],
            ],
            WIDTHS,
          ),
        ),
      ],
    }),
    ...(r.result ? [para(''), labelled('Заключение', r.result)] : []),
    para('', { after: 240 }),
    para('Утверждаю: директор ____________________ / ____________________'),
    para(
      r.approvedAt
        ? `Дата утверждения: ${ruDay(r.approvedAt.slice(0, 10))}`
        : 'Дата утверждения: «___» ________ 20__ г.',
    ),
    para('С маршрутом ознакомлен(а): ____________________ / ____________________'),
  ];
  const doc = new Document({
    creator: 'Опора',
    title: `ИОМ: ${r.teacherName}`,
    sections: [
      { properties: { page: { margin: { top: 850, bottom: 850, left: 1134, right: 850 } } }, children },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function exportRouteDocx(db: Db, opts: { actor: Actor; routeId: string }) {
  const r = await getRoute(db, opts);
  return { data: await routeDocx(r), fileName: `ИОМ ${r.teacherName} ${schoolYearLabel(r.year)}.docx` };
}
