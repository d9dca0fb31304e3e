import { AlignmentType, Document, Packer, Paragraph, Table, TableLayoutType, TextRun, WidthType } from 'docx';
import type { Db } from '../../db/client.js';
import { forbidden } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { dataRow, headerRow } from '../documents/docx-appendix.js';
import { getMeeting } from './get-meeting.js';
import { MEETING_KIND_LABELS, ruDay } from './meeting-labels.js';
import type { MeetingDetail } from './meeting-views.js';

// «Протокол заседания …» as a DOCX (issue 12 §5): number, date, body, chair, present and invited,
// agenda, the protocol's text and the table of decisions (№, решение, ответственный, срок). The table's
// cells are the appendices' (docx-appendix.ts); the page is A4 portrait.

const FONT = 'Times New Roman';
const SIZE = 26; // 13 pt
const TABLE_W = 11906 - 1134 - 850;
const WIDTHS = [600, 5322, 2500, 1500];

const para = (text: string, opts: { bold?: boolean; center?: boolean; after?: number } = {}) =>
  new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
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

export function protocolTitle(m: MeetingDetail): string {
  const what = {
    body_meeting: 'заседания',
    interview: 'собеседования',
    curator_visit: 'выезда куратора',
    review: 'рассмотрения результатов мониторинга и анализа',
  }[m.kind];
  return `Протокол ${what}${m.protocolNumber ? ` № ${m.protocolNumber}` : ''}`;
}

export async function protocolDocx(m: MeetingDetail): Promise<Buffer> {
  const present = m.participants.filter((p) => p.attended && p.isMember);
  const invited = m.participants.filter((p) => p.attended && !p.isMember);
  const absent = m.participants.filter((p) => !p.attended);
  const person = (p: MeetingDetail['participants'][number]) =>
    p.position ? `${p.fullName} — ${p.position}` : p.fullName;
  const children = [
    para(protocolTitle(m), { bold: true, center: true }),
    para(m.body ? m.body.name : [MEETING_KIND_LABELS[m.kind], m.school?.name].filter(Boolean).join(': '), {
      center: true,
    }),
    para(m.title, { center: true, after: 240 }),
    labelled('Дата', ruDay(m.date)),
    labelled('Организация', m.unitName),
    ...(m.chair ? [labelled('Председатель', m.chair)] : []),
    labelled('Присутствовали', present.length ? present.map(person).join('; ') : '—'),
    ...(invited.length ? [labelled('Приглашённые', invited.map(person).join('; '))] : []),
    ...(absent.length ? [labelled('Отсутствовали', absent.map(person).join('; '))] : []),
    para('Повестка', { bold: true }),
    ...(m.agenda ?? '—').split('\n').map((l) => para(l)),
    para('Ход заседания', { bold: true }),
    ...(m.protocol ?? '—').split('\n').map((l) => para(l)),
    para('Решения', { bold: true, after: 120 }),
    new Table({
      width: { size: TABLE_W, type: WidthType.DXA },
      columnWidths: WIDTHS,
      layout: TableLayoutType.FIXED,
      rows: [
        headerRow(['№', 'Решение', 'Ответственный', 'Срок'], WIDTHS),
        ...m.decisions.map((d, i) =>
          dataRow([String(i + 1), d.text, d.responsibleName, d.dueDate ? ruDay(d.dueDate) : '—'], WIDTHS),
        ),
      ],
    }),
  ];
  const doc = new Document({
    creator: 'Опора',
    title: protocolTitle(m),
    sections: [
      { properties: { page: { margin: { top: 850, bottom: 850, left: 1134, right: 850 } } }, children },
    ],
  });
  return Packer.toBuffer(doc);
}

/** Access: whoever reads the whole meeting (a responsible side only is refused: the protocol is not his). */
export async function exportProtocolDocx(db: Db, opts: { actor: Actor; meetingId: string; today: string }) {
  const m = await getMeeting(db, opts);
  if (m.access !== 'full') throw forbidden('Протокол читают участники и ведущие заседания');
  return { data: await protocolDocx(m), fileName: `${protocolTitle(m)} от ${ruDay(m.date)}.docx` };
}
