import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cp1251, workbook, YEAR } from '../../../../tests/helpers/assessment-tables.js';
import { FIELD_LABELS, fieldOfHeader, normaliseHeader, VOCABULARY } from './header-vocabulary.js';
import { readAssessmentTableInThread } from './index.js';
import { TABLE_FIELDS, type TableMapping } from './mapping.js';
import { buildTableTemplate } from './templates.js';
import { parseProcedure } from './wide-groups.js';

const read = (name: string, data: Uint8Array, mapping: TableMapping | null = null) =>
  readAssessmentTableInThread(name, data, mapping);

describe('header vocabulary', () => {
  it('recognises every example header of the vocabulary (the docs list them) as its field', () => {
    const wrong = VOCABULARY.flatMap((v) =>
      v.examples.map((e) => ({ e, field: fieldOfHeader(normaliseHeader(e)), want: v.field })),
    ).filter((x) => x.field !== x.want);
    expect(wrong).toEqual([]);
    expect(VOCABULARY.every((v) => fieldOfHeader(normaliseHeader(v.label)) === v.field)).toBe(true);
  });

  it('is listed in docs/data-formats.md as it is in the code, and every listed header is recognised', () => {
    const docs = readFileSync(new URL('../../../../docs/data-formats.md', import.meta.url), 'utf8');
    const table = /<!-- vocabulary[^>]*-->\n([\s\S]*?)\n<!-- \/vocabulary -->/.exec(docs)?.[1] ?? '';
    const rows = table
      .split('\n')
      .slice(2)
      .map((line) => line.split(' | ').map((c) => c.replace(/^\| | \|$/g, '')));
    const listed = rows.map(([field, label, explanation, examples]) => ({
      field: field?.replace(/`/g, ''),
      label,
      explanation,
      examples: [...(examples ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''),
    }));
    expect(listed).toEqual(VOCABULARY);
    for (const v of listed) {
      for (const e of v.examples) expect([e, fieldOfHeader(normaliseHeader(e))]).toEqual([e, v.field]);
    }
  });

  it('tells a procedure from group and title texts', () => {
    expect(parseProcedure('ВПР. Математика. 5 класс')).toMatchObject({
      assessment: 'ВПР',
      subject: 'математика',
      grade: 5,
    });
    expect(parseProcedure('Математика 5 кл.')).toMatchObject({
      assessment: null,
      subject: 'математика',
      grade: 5,
    });
    expect(parseProcedure('ОГЭ математика')).toMatchObject({
      assessment: 'ОГЭ',
      subject: 'математика',
      grade: 9,
    });
    expect(parseProcedure('Результаты ЕГЭ по математике (профиль) в 2025 году')).toMatchObject({
      assessment: 'ЕГЭ',
      subject: 'математика (профильный уровень)',
      grade: 11,
      year: 2025,
    });
    expect(parseProcedure('по русскому языку, 9 кл.')).toMatchObject({ subject: 'русский язык', grade: 9 });
    expect(parseProcedure('Русский язык 4 кл. — % «2»')).toMatchObject({
      subject: 'русский язык',
      grade: 4,
      rest: '% 2',
    });
    expect(parseProcedure('Результаты ВПР 2025 года, 5 класс')).toMatchObject({
      assessment: 'ВПР',
      year: 2025,
      grade: 5,
      subject: null,
    });
    expect(parseProcedure('2024/2025 учебный год')).toMatchObject({ year: 2025 });
  });

  it('does not take a lone «Код МО» or «Средний балл» for a school or a mark', () => {
    expect(fieldOfHeader(normaliseHeader('Код МО'))).toBe('ignore');
    expect(fieldOfHeader(normaliseHeader('Средний балл'))).toBe('average');
    expect(fieldOfHeader(normaliseHeader('Качество знаний, %'))).toBe('ignore');
    expect(fieldOfHeader(normaliseHeader('Баллы'))).toBeNull();
  });
});

const LONG_HEAD = ['Код ОО', 'Предмет', 'Класс', 'Участников', '2', '3', '4', '5'];

describe('the recogniser', () => {
  it('gives the same signature to files of the same shape and another to another shape', async () => {
    const a = await read(
      'a.xlsx',
      await workbook('ВПР', [LONG_HEAD, ['K1', 'математика', 5, 20, 1, 5, 10, 4]]),
    );
    const b = await read(
      'b.xlsx',
      await workbook('ВПР', [
        ['КОД ОО', 'предмет', 'класс', 'участников', '2', '3', '4', '5'],
        ['K9', 'русский язык', 6, 30, 2, 8, 10, 10],
        ['K8', 'история', 6, 3, 0, 1, 1, 1],
      ]),
    );
    const other = await read(
      'c.xlsx',
      await workbook('ВПР', [
        [...LONG_HEAD, 'Средний балл'],
        ['K1', 'математика', 5, 20, 1, 5, 10, 4, 3.9],
      ]),
    );
    const sheet = await read(
      'd.xlsx',
      await workbook('ОГЭ', [LONG_HEAD, ['K1', 'математика', 5, 20, 1, 5, 10, 4]]),
    );
    expect(a.analysis.signature).toBe(b.analysis.signature);
    expect(other.analysis.signature).not.toBe(a.analysis.signature);
    expect(sheet.analysis.signature).not.toBe(a.analysis.signature);
    const lower = await read(
      'e.xlsx',
      await workbook('ВПР', [['Результаты'], LONG_HEAD, ['K1', 'математика', 5, 20, 1, 5, 10, 4]]),
    );
    expect(lower.analysis.mapping.headerRows).toEqual([2]);
    expect(lower.analysis.signature).not.toBe(a.analysis.signature);
  });

  it('is not sure when the year and the assessment are missing, and a user mapping completes them', async () => {
    const data = await workbook('Лист1', [
      ['Код ОО', 'Предмет', 'Класс', 'Всего', '2', '3', '4', '5'],
      ['K1', 'математика', 5, 20, 1, 5, 10, 4],
    ]);
    const first = await read('x.xlsx', data);
    expect(first.analysis.sure).toBe(false);
    expect(first.analysis.doubts).toEqual([
      'Не найден столбец с числом участников',
      'Год не указан ни в столбце, ни в заголовке над таблицей: укажите его',
      'Не указана процедура: нет ни столбца, ни заголовка над таблицей',
      'Столбец «Всего» не распознан и пропущен',
    ]);
    expect(first.conversion.results).toEqual([]);
    expect(first.conversion.errors.map((e) => e.message)).toEqual([
      'Не указано число участников',
      'Не указан год: ни в файле, ни в сопоставлении столбцов',
    ]);
    const mapping: TableMapping = {
      ...first.analysis.mapping,
      columns: first.analysis.mapping.columns.map((c) =>
        c.column === 4 ? { ...c, field: 'participants' } : c,
      ),
      fixed: { ...first.analysis.mapping.fixed, assessment: 'ВПР', year: YEAR },
    };
    const second = await read('x.xlsx', data, mapping);
    expect(second.conversion.errors).toEqual([]);
    expect(second.conversion.results).toEqual([
      {
        row: 2,
        school: { code: 'K1', login: null, name: null, municipality: null },
        year: YEAR,
        assessment: 'ВПР',
        subject: 'математика',
        grade: 5,
        participants: 20,
        mark2: 1,
        mark3: 5,
        mark4: 10,
        mark5: 4,
      },
    ]);
    // The analysis stays the recogniser's own, so the mapping step shows what it proposed.
    expect(second.analysis.signature).toBe(first.analysis.signature);
    expect(second.analysis.sure).toBe(false);
  });

  it('picks the sheet that looks like results and says which', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Пояснения').addRow(['Отчёт выгружен из ФИС ОКО']);
    const ws = wb.addWorksheet('ВПР 2025, 5 класс');
    ws.addRow([
      'Логин',
      'ВПР Математика 5 кл — участников',
      'ВПР Математика 5 кл — «2»',
      'ВПР Математика 5 кл — «3»',
      'ВПР Математика 5 кл — «4»',
      'ВПР Математика 5 кл — «5»',
    ]);
    ws.addRow(['sch1', 20, 1, 5, 10, 4]);
    const out = await read('book.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(out.analysis.sheets).toEqual([
      { name: 'Пояснения', rows: 1 },
      { name: 'ВПР 2025, 5 класс', rows: 2 },
    ]);
    expect(out.analysis.mapping.sheet).toBe('ВПР 2025, 5 класс');
    expect(out.analysis.mapping.fixed.year).toBe(2025);
    expect(out.conversion.results).toMatchObject([
      { school: { login: 'sch1' }, assessment: 'ВПР', subject: 'математика', grade: 5, mark2: 1, mark5: 4 },
    ]);
    await expect(
      read('book.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), { ...out.analysis.mapping, sheet: 'Нет' }),
    ).rejects.toThrow('В книге нет листа «Нет»');
  });

  it('an exam without marks: «Не преодолели минимальный порог» in percent becomes «2», the other marks unknown', async () => {
    const csv = [
      `ОГЭ ${YEAR}`,
      ';;ОГЭ математика;;ОГЭ русский язык;',
      'Код ОО;Наименование ОО;Участники;Не преодолели минимальный порог, %;Участники;Не преодолели минимальный порог, %',
      'K1;Школа 1;40;12,5;40;0',
      'K2;Школа 2;;;10;10,0',
    ].join('\n');
    const out = await read('огэ.csv', cp1251(csv));
    // ОГЭ is the 9th grade's: the groups need no grade.
    expect(out.analysis.doubts).toEqual([]);
    expect(out.analysis.mapping.groups).toEqual([
      { assessment: 'ОГЭ', subject: 'математика', grade: 9 },
      { assessment: 'ОГЭ', subject: 'русский язык', grade: 9 },
    ]);
    const fixed = out;
    expect(fixed.conversion.errors).toEqual([]);
    expect(
      fixed.conversion.results.map((r) => [
        r.school.code,
        r.subject,
        r.grade,
        r.participants,
        r.mark2,
        r.mark3,
        r.mark4,
        r.mark5,
      ]),
    ).toEqual([
      ['K1', 'математика', 9, 40, 5, null, null, null],
      ['K1', 'русский язык', 9, 40, 0, null, null, null],
      ['K2', 'русский язык', 9, 10, 1, null, null, null],
    ]);
  });
});

describe('XLSX templates', () => {
  for (const layout of ['long', 'wide'] as const) {
    it(`the ${layout} template is recognised as sure, its example row is skipped, it explains every column`, async () => {
      const data = await buildTableTemplate(layout);
      const out = await read(`шаблон-${layout}.xlsx`, data);
      expect(out.analysis.doubts).toEqual([]);
      expect(out.analysis.sure).toBe(true);
      expect(out.analysis.mapping.layout).toBe(layout);
      expect(out.analysis.mapping.sheet).toBe('Результаты');
      expect(out.conversion.results).toEqual([]);
      expect(out.conversion.errors).toEqual([]);
      expect(out.conversion.notes).toMatchObject([
        {
          row: layout === 'long' ? 2 : 3,
          column: null,
          message: 'Строка пропущена: строка-пример шаблона («ПРИМЕР, удалите эту строку: МБОУ «СОШ № 1»»)',
        },
      ]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
      const help = wb.getWorksheet('Пояснения');
      const explained = new Set<string>();
      help?.eachRow((r) => {
        explained.add(String(r.getCell(1).value ?? ''));
      });
      const headers = wb.getWorksheet('Результаты')?.getRow(layout === 'long' ? 1 : 2).values as unknown[];
      for (const h of headers.filter((x) => typeof x === 'string')) expect(explained).toContain(h);
      expect(wb.getWorksheet('Результаты')?.views[0]).toMatchObject({ state: 'frozen' });
    });
  }
});

describe('headers as regions write them', () => {
  const cases: [string, string | null][] = [
    ['Кол-во\nучастников', 'participants'],
    ['Количество участников, чел.', 'participants'],
    ['Выполняли работу', 'participants'],
    ['Доля обучающихся, получивших "2", %', 'pct2'],
    ['Получили отметку "3" (чел.)', 'mark3'],
    ['Отметка 4, % от общего числа участников', 'pct4'],
    ['"5" (%)', 'pct5'],
    ['Понизили (Отметка < Отметка по журналу) %', 'pct_lowered'],
    ['Не набрали минимального балла', 'below_min'],
    ['Средний тестовый балл', 'average'],
    ['Количество стобалльников', 'ignore'],
    ['Успеваемость, %', 'ignore'],
    ['Наименование МО', 'municipality'],
    ['Наименование МСУ', 'municipality'],
    ['Код МСУ', 'ignore'],
    ['Идентификатор ОО', 'school_code'],
    ['Наименование образовательной организации', 'school_name'],
    ['Наименование предмета', 'subject'],
    ['Наименование оценочной процедуры', 'assessment'],
    ['Учебный год', 'year'],
    ['Год проведения', 'year'],
    ['Класс (параллель)', 'grade'],
    ['№ п/п', 'ignore'],
    ['Кол-во ОО', 'ignore'],
    ['Баллы', null],
  ];
  it.each(cases)('«%s» → %s', (header, field) => {
    expect(fieldOfHeader(normaliseHeader(header))).toBe(field);
  });

  it('a three-row header: the grade above the subjects above the fields', async () => {
    const rows = [
      ['Код ОО', '5 класс', null, null, null, null, null, null, null, null, null],
      ['Код ОО', 'Математика', null, null, null, null, 'История', null, null, null, null],
      ['Код ОО', 'Участников', '2', '3', '4', '5', 'Участников', '2', '3', '4', '5'],
      ['K1', 20, 1, 5, 10, 4, 10, 0, 5, 5, 0],
    ];
    const merges = ['A1:A3', 'B1:K1', 'B2:F2', 'G2:K2'];
    const out = await read('впр.xlsx', await workbook(`ВПР ${YEAR}`, rows, merges));
    expect(out.analysis.doubts).toEqual([]);
    expect(out.analysis.mapping.headerRows).toEqual([1, 2, 3]);
    expect(
      out.conversion.results.map((r) => [r.assessment, r.subject, r.grade, r.year, r.participants, r.mark5]),
    ).toEqual([
      ['ВПР', 'математика', 5, YEAR, 20, 4],
      ['ВПР', 'история', 5, YEAR, 10, 0],
    ]);
  });

  it('doubts two columns of one field (groups without a header) and labels every field in Russian', async () => {
    const rows = [
      ['Код ОО', 'Участников', '2', '3', '4', '5', 'Участников', '2', '3', '4', '5'],
      ['K1', 20, 1, 5, 10, 4, 10, 0, 5, 5, 0],
    ];
    const out = await read(`впр-${YEAR}-5.xlsx`, await workbook('ВПР математика 5 класс', rows));
    expect(out.analysis.doubts).toContain(
      'Столбцы «Участников» и «Участников» распознаны как одно поле «Количество участников»: читается первый',
    );
    expect(out.analysis.sure).toBe(false);
    expect(Object.keys(FIELD_LABELS).sort()).toEqual([...TABLE_FIELDS].sort());
  });

  it('title rows of a label and its value right above the header', async () => {
    const rows = [
      ['Процедура:', 'ВПР'],
      ['Предмет:', 'Математика'],
      ['Учебный год:', '2024/2025'],
      ['Класс:', '5 класс'],
      ['Логин', 'Наименование ОО', 'Участников', '2', '3', '4', '5'],
      ['sch1', 'Школа 1', 20, 1, 5, 10, 4],
    ];
    const out = await read('впр.xlsx', await workbook('Лист1', rows));
    expect(out.analysis.mapping.headerRows).toEqual([5]);
    expect(out.analysis.mapping.fixed).toEqual({
      assessment: 'ВПР',
      subject: 'математика',
      grade: 5,
      year: 2025,
    });
    expect(out.analysis.doubts).toEqual([]);
    expect(out.conversion.results).toHaveLength(1);
  });

  it('a long table naming the whole procedure in one cell', async () => {
    const rows = [
      ['Логин', 'Процедура', 'Участников', '2', '3', '4', '5'],
      ['sch1', 'ВПР Математика 5 класс', 20, 1, 5, 10, 4],
      ['sch1', 'ВПР Русский язык 6 кл.', 10, 0, 5, 5, 0],
    ];
    const out = await read('впр.xlsx', await workbook(`${YEAR}`, rows));
    expect(out.analysis.doubts).toEqual([]);
    expect(out.conversion.results.map((r) => [r.assessment, r.subject, r.grade, r.year])).toEqual([
      ['ВПР', 'математика', 5, YEAR],
      ['ВПР', 'русский язык', 6, YEAR],
    ]);
  });
});
