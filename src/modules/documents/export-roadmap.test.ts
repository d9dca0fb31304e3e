import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertToPdf, libreOffice } from '../../../tests/helpers/libreoffice.js';
import type { ItemView, RoadmapDetail, SectionView } from '../roadmaps/types.js';
import { roadmapToDocx } from './export-roadmap-docx.js';
import { ROADMAP_SHEET_NAME, roadmapToXlsx } from './export-roadmap-xlsx.js';

const unit = (id: string, name: string) => ({ id, name, kind: 'municipality' });

function item(sectionId: string, position: number, patch: Partial<ItemView>): ItemView {
  return {
    id: `${sectionId}-${position}`,
    sectionId,
    parentItemId: null,
    position,
    number: null,
    level: null,
    measure: '',
    description: null,
    deadlineText: null,
    periodFrom: null,
    periodTo: null,
    recurrence: null,
    dueDate: null,
    responsibleUnits: [],
    responsibleText: null,
    participants: null,
    indicator: null,
    targetComparator: null,
    targetValue: null,
    targetUnit: null,
    actualValue: null,
    evidenceKind: null,
    targetCoverage: false,
    proofWaiver: null,
    status: 'planned',
    coverageBinding: null,
    actualComputedAt: null,
    statusComment: null,
    overdue: false,
    confirmation: null,
    confirmationComment: null,
    confirmationSeen: null,
    evidenceCount: 0,
    commentCount: 0,
    rollUp: null,
    sourceItemId: null,
    version: 1,
    updatedAt: '2023-02-01T10:00:00Z',
    ...patch,
  };
}

const omsu = unit('u1', 'Отдел образования администрации Пензенского района');
const s1: SectionView = {
  id: 's1',
  position: 1,
  number: '1',
  title: 'Организационное сопровождение',
  version: 1,
  items: [
    item('s1', 1, {
      number: '1.1',
      level: 'municipal',
      measure: 'Назначение муниципального координатора, утверждение состава муниципальной рабочей группы',
      deadlineText: '14 февраля 2023 г.',
      dueDate: '2023-02-14',
      responsibleUnits: [omsu],
      indicator: 'Приказ о назначении координатора и рабочей группы',
      status: 'done',
      confirmation: 'confirmed',
    }),
    item('s1', 2, {
      measure: 'Собеседование с руководителями общеобразовательных организаций ШНОР',
      periodFrom: '2023-02-01',
      periodTo: '2023-02-28',
      dueDate: '2023-02-28',
      responsibleUnits: [omsu],
      responsibleText: 'муниципальный координатор',
      participants: 'Руководители ОО кластера ШНОР',
      indicator: 'Протоколы собеседований',
      status: 'in_progress',
      overdue: true,
    }),
    item('s1', 3, {
      measure: 'Проведение заседаний муниципальной рабочей группы по организации работы со школами',
      deadlineText: 'По графику',
      recurrence: 'on-schedule',
      responsibleUnits: [omsu],
      indicator: 'Протоколы заседаний',
      targetComparator: 'gte',
      targetValue: 2,
      targetUnit: 'встреч',
      actualValue: 1,
    }),
  ],
};
const s2: SectionView = {
  id: 's2',
  position: 2,
  number: '2',
  title: 'Информационно-аналитическое направление',
  version: 1,
  items: [
    item('s2', 1, {
      measure: 'Мониторинг по выявлению ШНОР',
      deadlineText: 'октябрь–ноябрь 2022',
      responsibleText: 'ГАУ ДПО СОИРО (центр экспертизы)',
      indicator: 'Информационная справка по итогам мониторинга',
    }),
    item('s2', 2, {
      measure: 'Анализ результатов мониторинга по определению динамики образовательных результатов',
      deadlineText: 'июль 2023',
      dueDate: '2023-07-31',
      responsibleUnits: [omsu],
      description: 'По итогам формируется аналитическая справка',
      indicator: 'Аналитическая справка',
    }),
    item('s2', 3, {
      measure: 'Вебинар «Результаты мониторинга по выявлению ШНОР»',
      deadlineText: 'декабрь 2022',
      responsibleText: 'ЦНППМ',
      indicator: 'Информационное письмо, программа вебинара',
      status: 'cancelled',
    }),
  ],
};

const roadmap: RoadmapDetail = {
  id: 'r1',
  title: 'Дорожная карта по направлению «Система работы со школами с низкими результатами обучения»',
  kind: 'shnor_support',
  periodKind: 'school_year',
  periodYear: 2022,
  periodLabel: '2022/2023 учебный год',
  status: 'approved',
  orgUnit: unit('u0', 'Пензенский район'),
  approvalBody: 'отдела образования администрации Пензенского района',
  orderNumber: '45-од',
  orderDate: '2023-02-14',
  orderFileId: null,
  isDemo: false,
  executionImported: false,
  version: 1,
  updatedAt: '2023-02-14T12:00:00Z',
  progress: {
    planned: 3,
    in_progress: 1,
    done: 1,
    not_done: 0,
    postponed: 0,
    cancelled: 1,
    total: 6,
    overdue: 1,
  },
  sections: [s1, s2],
  permissions: { canManage: true, canConfirm: true },
};
const measures = [s1, s2].flatMap((s) => s.items.map((i) => i.measure));

// docx escapes quotes/« » are kept, but & < > would be entities; our fixture has none.
const xmlText = (s: string) => s.replace(/"/g, '&quot;');

describe('roadmap export', () => {
  it('builds a landscape DOCX with a repeating header and every measure', async () => {
    const buf = await roadmapToDocx(roadmap);
    const zip = await JSZip.loadAsync(buf);
    const xml = await zip.file('word/document.xml')?.async('string');
    expect(xml).toBeDefined();
    const doc = xml ?? '';
    expect(doc).toContain(xmlText(roadmap.title));
    for (const m of measures) expect(doc).toContain(xmlText(m));
    expect(doc).toContain('w:orient="landscape"');
    expect(doc).toContain('w:tblHeader');
    expect(doc).toContain('Приложение к приказу отдела образования администрации Пензенского района');
    expect(doc).toContain('от 14.02.2023 № 45-од');
    expect(doc).toContain('Уровень управления');
    expect(doc).toContain('не менее 2 встреч');
    expect(doc).toContain('в работе, просрочено');
    expect(doc).toContain('1. Организационное сопровождение');
    expect(doc).toContain(`w:gridSpan w:val="8"`);
  });

  it('marks a draft roadmap as a project', async () => {
    const buf = await roadmapToDocx({ ...roadmap, status: 'draft' });
    const xml = (await (await JSZip.loadAsync(buf)).file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('>Проект<');
    expect(xml).not.toContain('Приложение к приказу');
  });

  it('builds an XLSX with measures in place and merged section rows', async () => {
    const buf = await roadmapToXlsx(roadmap);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(ROADMAP_SHEET_NAME);
    expect(ws).toBeDefined();
    if (!ws) return;
    expect(ws.getCell('A1').value).toBe(roadmap.title);
    const header = ws.getRow(6).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['№ п/п', 'Мероприятие', 'Уровень управления']);
    expect(header).toContain('Крайний срок');
    // Row 7: section 1; rows 8–10: its items; row 11: section 2; rows 12–14.
    expect(ws.getCell('A7').value).toBe('1. Организационное сопровождение');
    expect(ws.getCell('B7').isMerged).toBe(true);
    expect(ws.getCell('B7').master.address).toBe('A7');
    expect(ws.getCell('A11').value).toBe('2. Информационно-аналитическое направление');
    expect([8, 9, 10, 12, 13, 14].map((r) => ws.getCell(r, 2).value)).toEqual(measures);
    expect(ws.getCell('A8').value).toBe('1.1');
    expect(ws.getCell('A9').value).toBe('1.2');
    expect(ws.getCell('C8').value).toBe('муниципальный');
    const dueCol = header.indexOf('Крайний срок');
    const due = ws.getCell(8, dueCol).value;
    expect(due).toBeInstanceOf(Date);
    expect((due as Date).toISOString().slice(0, 10)).toBe('2023-02-14');
    expect(ws.getCell(10, header.indexOf('Плановое значение')).value).toBe(2);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    expect(ws.pageSetup.orientation).toBe('landscape');
  });

  it.skipIf(!libreOffice)(
    'converts both documents to PDF with LibreOffice',
    async () => {
      const pdfs = convertToPdf([
        { name: 'roadmap-word.docx', data: await roadmapToDocx(roadmap) },
        { name: 'roadmap-excel.xlsx', data: await roadmapToXlsx(roadmap) },
      ]);
      for (const pdf of pdfs) expect(pdf?.subarray(0, 4).toString()).toBe('%PDF');
    },
    180_000,
  );
});
