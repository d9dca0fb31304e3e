import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { recordEvent } from '../audit/record-event.js';
import { keptPupil } from './access.js';
import { pupilDossier, readsOf } from './card.js';
import { CATEGORY_NAMES, causeName, EXCLUSION_NAMES, MEASURE_NAMES, STATUS_NAMES } from './reference.js';

// Everything the system holds about one pupil, for a parent's request (152-ФЗ, ст. 14): the record,
// the measures, the results at checkpoints and the reads of his card — as JSON and as DOCX. Only the
// school's team exports; the export itself is recorded (without the name).

export async function pupilExportData(db: Db, opts: { actor: Actor; id: string; format: 'docx' | 'json' }) {
  const row = await keptPupil(db, opts.actor, opts.id);
  await recordEvent(
    db,
    opts.actor,
    'pupil.exported',
    { entityType: 'pupil_record', entityId: row.r.id, orgUnitId: row.r.schoolId },
    { schoolId: row.r.schoolId, format: opts.format },
  );
  const dossier = await pupilDossier(db, row);
  const reads = (await readsOf(db, [row.r.id])).map((x) => ({
    at: x.at.toISOString(),
    actorName: x.actorName,
  }));
  return { ...dossier, reads, exportedAt: new Date().toISOString() };
}

type ExportData = Awaited<ReturnType<typeof pupilExportData>>;

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });
const ru = (iso: string | null) => (iso ? iso.slice(0, 10).split('-').reverse().join('.') : '—');

function grid(head: string[], rows: string[][]) {
  const line = (cells: string[], bold = false) =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: [p(c, bold)] })) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [line(head, true), ...rows.map((r) => line(r))],
  });
}

export async function pupilExportDocx(d: ExportData): Promise<Buffer> {
  const body = [
    new Paragraph({
      text: 'Сведения об обучающемся, содержащиеся в системе «Опора»',
      heading: HeadingLevel.HEADING_1,
    }),
    p(
      `Выгрузка по запросу родителя (законного представителя) от ${ru(d.exportedAt)}. Школа: ${d.school.name}.`,
    ),
    h('Запись реестра'),
    grid(
      ['Сведение', 'Значение'],
      [
        ['ФИО', d.name],
        ['Дата рождения', ru(d.birthDate)],
        ['Учебный год', `${d.year}/${d.year + 1}`],
        ['Класс', d.classLabel],
        ['Категория', CATEGORY_NAMES[d.category]],
        ['Предметы', d.subjects.join(', ') || '—'],
        ['Причины', d.causes.map(causeName).join('; ') || '—'],
        ['ОВЗ', d.ovz ? 'да' : 'нет'],
        ['Не владеет русским языком на уровне, достаточном для обучения', d.limitedRussian ? 'да' : 'нет'],
        ['Учителя', d.teachers.map((t) => t.name).join(', ') || '—'],
        ['Включён в реестр', ru(d.includedOn)],
        [
          'Исключён из реестра',
          d.excludedOn ? `${ru(d.excludedOn)}: ${EXCLUSION_NAMES[d.exclusionReason ?? 'other']}` : '—',
        ],
        ['Запись будет удалена', ru(d.purgeAfter)],
      ],
    ),
    h('Меры поддержки'),
    d.measures.length
      ? grid(
          ['Мера', 'Содержание', 'Сроки', 'Ответственный', 'Партнёр'],
          d.measures.map((m) => [
            MEASURE_NAMES[m.kind],
            m.topic,
            `${ru(m.startsOn)} — ${ru(m.endsOn)}`,
            m.responsibleName ?? '—',
            m.partner ?? '—',
          ]),
        )
      : p('Нет'),
    h('Контрольные точки'),
    d.results.length
      ? grid(
          ['Точка', 'Состояние', 'Отметки', 'Диагностические работы'],
          d.results.map((x) => [
            d.checkpoints.find((c) => c.key === x.checkpointKey)?.name ?? x.checkpointKey,
            STATUS_NAMES[x.status],
            Object.entries(x.marks)
              .map(([s, m]) => `${s}: ${m}`)
              .join(', '),
            x.diagnostics ?? '—',
          ]),
        )
      : p('Нет'),
    h('Кто открывал карточку'),
    d.reads.length
      ? grid(
          ['Когда', 'Кто'],
          d.reads.map((x) => [x.at.replace('T', ' ').slice(0, 16), x.actorName ?? '—']),
        )
      : p('Никто'),
  ];
  return Packer.toBuffer(new Document({ sections: [{ children: body }] }));
}
