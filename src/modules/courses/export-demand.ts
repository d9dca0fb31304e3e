import type { Db } from '../../db/client.js';
import { loadExcelJs } from '../../lib/exceljs.js';
import type { Actor } from '../access/actor.js';
import { courseDemand, courseDemandSchools } from './demand.js';
import { DEMAND_GROUP_LABELS } from './strings.js';

// The course demand as XLSX: by topic, municipality and group on the first sheet, the schools on the
// second, and what the figures are made of on the third.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function exportDemandXlsx(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number },
): Promise<{ fileName: string; body: Buffer }> {
  const demand = await courseDemand(db, opts);
  const schools = await courseDemandSchools(db, opts);
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  const head = (ws: import('exceljs').Worksheet) => {
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  const byRows = wb.addWorksheet('Запрос на ПК');
  byRows.columns = [
    { header: 'Тема', key: 'topic', width: 40 },
    { header: 'Муниципалитет', key: 'municipality', width: 30 },
    { header: 'Группа школ', key: 'group', width: 16 },
    { header: 'Школ', key: 'schools', width: 8 },
    { header: 'Педагогов по ИОМ', key: 'routes', width: 16 },
    { header: 'Человек по сбору потребностей', key: 'needs', width: 18 },
    { header: 'Всего', key: 'total', width: 10 },
  ];
  for (const r of demand.rows)
    byRows.addRow({
      topic: r.topicName,
      municipality: r.municipalityName,
      group: DEMAND_GROUP_LABELS[r.group],
      schools: r.schools,
      routes: r.fromRoutes,
      needs: r.fromNeeds,
      total: r.total,
    });
  head(byRows);
  const bySchool = wb.addWorksheet('Школы');
  bySchool.columns = [
    { header: 'Муниципалитет', key: 'municipality', width: 30 },
    { header: 'Школа', key: 'school', width: 50 },
    { header: 'Группа школ', key: 'group', width: 16 },
    { header: 'Тема', key: 'topic', width: 40 },
    { header: 'Предметы', key: 'subjects', width: 30 },
    { header: 'Педагогов по ИОМ', key: 'routes', width: 16 },
    { header: 'Человек по сбору потребностей', key: 'needs', width: 18 },
    { header: 'Всего', key: 'total', width: 10 },
  ];
  for (const s of schools)
    bySchool.addRow({
      municipality: s.municipalityName,
      school: s.schoolName,
      group: DEMAND_GROUP_LABELS[s.group],
      topic: s.topicName,
      subjects: s.subjects.join(', '),
      routes: s.fromRoutes,
      needs: s.fromNeeds,
      total: s.total,
    });
  head(bySchool);
  const about = wb.addWorksheet('О запросе');
  about.columns = [{ width: 120 }];
  about.addRow([
    'Педагоги по ИОМ: педагоги, в маршруте которых на этот учебный год есть мероприятие «курс», ещё не закрытое записью на курс.',
  ]);
  about.addRow([
    'Сбор потребностей: число человек из отправленных и принятых ответов мониторингов «Сбор образовательных потребностей».',
  ]);
  about.addRow([`Группы школ: ${demand.base}.`]);
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: 'запрос-на-ПК.xlsx', body };
}
