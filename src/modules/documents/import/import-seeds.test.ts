import { describe, expect, it } from 'vitest';
import { parseSeed } from './test-documents.js';
import type { ImportedItem, ImportedRoadmap, ImportResult } from './types.js';

// The three real roadmaps of seeds/: every measure in place, every field in its column.

const allItems = (r: ImportedRoadmap): ImportedItem[] => r.sections.flatMap((s) => s.items);
const item = (r: ImportedRoadmap | undefined, number: string, nth = 0): ImportedItem => {
  const found = r ? allItems(r).filter((i) => i.number === number)[nth] : undefined;
  if (!found) throw new Error(`нет пункта ${number}`);
  return found;
};
const roadmap = (result: ImportResult, k: number): ImportedRoadmap => {
  const r = result.roadmaps[k];
  if (!r) throw new Error(`нет дорожной карты ${k}`);
  return r;
};

describe('Пензенский район', async () => {
  const result = await parseSeed('penza-district-2022-2023.txt');
  const r = roadmap(result, 0);

  it('one roadmap, 5 sections, 21 items, title and period', () => {
    expect(result.roadmaps).toHaveLength(1);
    expect(r.sections.map((s) => [s.number, s.items.length])).toEqual([
      ['1', 6],
      ['2', 5],
      ['3', 4],
      ['4', 4],
      ['5', 2],
    ]);
    expect(allItems(r).map((i) => i.number)).toEqual([
      ...['1.1', '1.2', '1.3', '1.4', '1.5', '1.6'],
      ...['2.1', '2.2', '2.3', '2.4', '2.5'],
      ...['3.1', '3.2', '3.3', '3.4'],
      ...['4.1', '4.2', '4.3', '4.4'],
      ...['5.1', '5.2'],
    ]);
    expect(r.title).toBe(
      'Дорожная карта по направлению «Система работы со школами с низкими результатами обучения и/или школами, ' +
        'функционирующими в неблагоприятных социальных условиях» Пензенского района на 2022-2023 учебный год',
    );
    expect(r.period).toBe('2022-2023');
    expect(r.approval).toBeNull();
    expect(r.meta).toEqual({
      kind: 'shnor_support',
      periodKind: 'school_year',
      periodYear: 2022,
      periodGuessed: false,
    });
    expect(r.columns).toEqual([
      '№ п/п',
      'Мероприятия, меры, управленческие решения',
      'Сроки исполнения (месяц, год)',
      'Индикативные показатели',
      'Исполнители (ответственные)',
    ]);
    expect(r.sections[2]?.title).toBe(
      'Организация работы со школами, функционирующими в зоне риска снижения образовательных результатов',
    );
  });

  it('item 1.1 field by field', () => {
    expect(item(r, '1.1')).toEqual({
      number: '1.1',
      level: null,
      measure: 'Назначение муниципального координатора, утверждение состава муниципальной рабочей группы',
      description: null,
      deadline: { text: '14 февраля 2023 г.', from: '2023-02', to: '2023-02', recurrence: null },
      responsible: 'Отдел образования администрации Пензенского района',
      indicator: 'Приказ о назначении координатора и рабочей группы',
      subItems: [],
    });
  });

  it('2.2: the line after a page break joined back into the measure', () => {
    const i = item(r, '2.2');
    expect(i.measure).toBe(
      'Заключение договоров /партнерских соглашений между школами, имеющими низкие образовательные результаты и ' +
        'школами с высокими образовательными результатами (далее – школы - наставники), о сотрудничестве',
    );
    expect(i.deadline).toEqual({
      text: 'Февраль – март 2023 г.',
      from: '2023-02',
      to: '2023-03',
      recurrence: null,
    });
    expect(i.indicator).toBe('Договоры/соглашения о сотрудничестве');
    expect(i.responsible).toBe('Школы – лидеры ОО с низкими образовательными результатами');
    expect(allItems(r).some((x) => x.measure.startsWith('(далее'))).toBe(false);
  });

  it('3.3: split across lines in three columns, each part in its own column', () => {
    const i = item(r, '3.3');
    expect(i.measure).toBe(
      'Организация системы наставничества педагогов школ с низкими образовательными результатами',
    );
    expect(i.indicator).toBe(
      'Приказ о закреплении педагогов –наставников из числа наиболее опытных учителей за учителями показывающими низкие результаты',
    );
    expect(i.responsible).toBe('Образовательные организации с низкими образовательными результатами');
    expect(i.deadline.recurrence).toBe('throughout');
  });

  it('deadlines read in the 2022-2023 school year', () => {
    expect(item(r, '2.4').deadline).toEqual({
      text: 'До января 2023г.',
      from: null,
      to: '2022-12',
      recurrence: null,
    });
    expect(item(r, '2.5').deadline).toEqual({
      text: 'В течении года',
      from: '2022-09',
      to: '2023-08',
      recurrence: 'throughout',
    });
    expect(item(r, '1.4').deadline).toEqual({
      text: 'По графику',
      from: null,
      to: null,
      recurrence: 'on-schedule',
    });
    expect(item(r, '4.1').deadline).toMatchObject({ from: '2023-02', to: '2023-03' });
  });
});

describe('Шаранский район', async () => {
  const result = await parseSeed('sharan-district-2022-2023.txt');
  const r = roadmap(result, 0);

  it('one roadmap, 6 sections, 67 numbered items', () => {
    expect(result.roadmaps).toHaveLength(1);
    expect(r.sections.map((s) => s.items.length)).toEqual([5, 16, 9, 16, 9, 12]);
    expect(allItems(r)).toHaveLength(67);
    expect(allItems(r).every((i) => i.number !== null)).toBe(true);
    expect(r.sections[0]).toMatchObject({
      number: '1',
      title: 'Развитие кадрового потенциала в общеобразовательных организациях',
    });
    expect(
      r.title.startsWith('Дорожная карта поддержки общеобразовательных учреждений с низкими результатами'),
    ).toBe(true);
    expect(r.period).toBe('2022-2023');
    expect(r.columns).toEqual(['№п/п', 'Мероприятия', 'Сроки', 'Ответственные', 'Результаты исполнения']);
  });

  it('numbers written «4.1.» come out as «4.1»', () => {
    expect(r.sections[3]?.items.slice(0, 3).map((i) => i.number)).toEqual(['4.1', '4.2', '4.3']);
    expect(r.sections[4]?.items.map((i) => i.number)).toEqual([
      ...['5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7', '5.8', '5.9'],
    ]);
  });

  it('5.4 keeps its two sub-rows with their own deadlines', () => {
    const i = item(r, '5.4');
    expect(i.deadline).toMatchObject({ text: 'Ноябрь-декабрь', from: '2022-11', to: '2022-12' });
    expect(i.responsible).toBe('МКУ «Отдел образования», ОО, РМО');
    expect(i.subItems).toEqual([
      {
        number: null,
        level: null,
        measure: 'Олимпиада младших школьников по предметам естественно-научного цикла',
        description: null,
        deadline: { text: 'Апрель', from: '2023-04', to: '2023-04', recurrence: null },
        responsible: null,
        indicator: null,
      },
      {
        number: null,
        level: null,
        measure: 'Районные НПК для обучающихся 1-11 классов',
        description: null,
        deadline: { text: 'Март', from: '2023-03', to: '2023-03', recurrence: null },
        responsible: null,
        indicator: null,
      },
    ]);
  });

  it('items with empty cells keep them empty; a second deadline line goes to its item', () => {
    expect(item(r, '4.2')).toMatchObject({ deadline: { text: null }, responsible: null, indicator: null });
    expect(item(r, '4.3').responsible).toBe('МКУ «Отдел образования», ОО');
    expect(item(r, '4.6').deadline).toEqual({
      text: 'Апрель; Январь, июнь',
      from: '2023-01',
      to: '2023-06',
      recurrence: null,
    });
    expect(result.warnings.some((w) => w.location === 'строка 86' && w.message.includes('4.6'))).toBe(true);
  });

  it('deadline wordings in context', () => {
    expect(item(r, '2.3').deadline).toEqual({
      text: 'Ежегодно до 10.09.',
      from: null,
      to: '2022-09',
      recurrence: 'yearly',
    });
    expect(item(r, '1.2').deadline).toEqual({
      text: 'В течение года по плану КПК',
      from: '2022-09',
      to: '2023-08',
      recurrence: 'on-schedule',
    });
    expect(item(r, '6.3').deadline).toEqual({
      text: 'Август 2020г',
      from: '2020-08',
      to: '2020-08',
      recurrence: null,
    });
    expect(item(r, '4.16').deadline).toMatchObject({ text: 'постоянно', recurrence: 'throughout' });
    expect(item(r, '3.2').deadline).toMatchObject({ from: '2022-10', to: '2022-11' });
    expect(item(r, '2.1').deadline).toEqual({
      text: 'При тарификации педагогических кадров',
      from: null,
      to: null,
      recurrence: null,
    });
  });

  it('warns about what it guessed, with the line and the item', () => {
    const messages = result.warnings.map((w) => `${w.location}: ${w.message}`);
    expect(messages).toContain(
      'строка 50, пункт 2.1: Срок «При тарификации педагогических кадров» не распознан: сохранён только текст',
    );
    expect(messages).toContain(
      'строка 114, пункт 6.3: Срок «Август 2020г» вне периода дорожной карты (2022-2023)',
    );
    expect(messages.filter((m) => m.includes('подпункт пункта 5.4'))).toHaveLength(2);
  });
});

describe('Смоленская область', async () => {
  const result = await parseSeed('smolensk-region-2022-2023.txt');

  it('three roadmaps with 3 sections each: 45, 39 and 34 items', () => {
    expect(result.roadmaps).toHaveLength(3);
    expect(result.roadmaps.map((r) => r.sections.map((s) => s.items.length))).toEqual([
      [13, 13, 19],
      [14, 10, 15],
      [10, 8, 16],
    ]);
    expect(result.roadmaps.reduce((n, r) => n + allItems(r).length, 0)).toBe(118);
    for (const r of result.roadmaps) {
      expect(r.sections.map((s) => s.title)).toEqual([
        'Организационно-управленческое направление',
        'Информационно-аналитическое направление',
        'Организационно-методическое направление',
      ]);
      expect(r.period).toBe('2022-2023');
    }
    expect(result.roadmaps.map((r) => r.meta.kind)).toEqual([
      'shnor_support',
      'risk_zone',
      'failure_prevention',
    ]);
  });

  it('the level of management is filled for every item', () => {
    for (const r of result.roadmaps) {
      for (const i of allItems(r)) expect(i.level, `${r.title.slice(0, 30)} ${i.number}`).not.toBeNull();
    }
    const first = roadmap(result, 0);
    expect(['1.1', '1.6', '1.7', '1.9', '1.10', '1.13'].map((n) => item(first, n).level)).toEqual([
      'региональный',
      'региональный',
      'муниципальный',
      'муниципальный',
      'институциональный',
      'институциональный',
    ]);
    // Приложение 3 drops the merged level cell: the rows have one cell fewer.
    expect(item(roadmap(result, 2), '1.2')).toMatchObject({
      level: 'региональный',
      measure:
        'Разработка планов работы ГАУ ДПО «Смоленский областной институт развития образования» (далее - ГАУ ДПО СОИРО) по профилактике учебной неуспешности в ОО в 2022-2023 учебном году',
      description: 'План работы конкретизирует мероприятия региональной «дорожной карты»',
      deadline: { text: 'ноябрь 2022 года', from: '2022-11', to: '2022-11' },
      responsible: 'ГАУ ДПО СОИРО',
      indicator: 'Приказ ГАУ ДПО СОИРО',
    });
  });

  it('approval of each appendix: body, order number as written, date', () => {
    expect(result.roadmaps.map((r) => r.approval)).toEqual([
      {
        body: 'Департамент Смоленской области по образованию и науке',
        orderNumber: '859-07',
        date: '2022-10-18',
      },
      {
        body: 'Департамент Смоленской области по образованию и науке',
        orderNumber: '259-09',
        date: '2022-10-18',
      },
      {
        body: 'Департамент Смоленской области по образованию и науке',
        orderNumber: '859-ОД',
        date: '2022-10-18',
      },
    ]);
    expect(roadmap(result, 0).title).toBe(
      'План мероприятий («дорожная карта») по организации адресной поддержки школ с низкими результатами обучения в Смоленской области в 2022-2023 учебном году',
    );
  });

  it('item 1.1 of appendix 1: continuation rows joined in description and indicator', () => {
    expect(item(roadmap(result, 0), '1.1')).toEqual({
      number: '1.1',
      level: 'региональный',
      measure:
        'Разработка и утверждение Плана мероприятий (региональной дорожной карты) по организации адресной поддержки ШНРО в Смоленской области в 2022-2023 учебном году',
      description:
        'План мероприятий разрабатывается для организации системы работы на региональном, муниципальном и институциональном уровнях с учетом проблем, выявленных по результатам мониторинга 2022 года и планирования контрольных точек',
      deadline: { text: 'октябрь-ноябрь 2022', from: '2022-10', to: '2022-11', recurrence: null },
      responsible: 'Департамент Смоленской области по образованию и науке (далее – Департамент)',
      indicator:
        'Приказ Департамента «Об утверждении плана мероприятий («дорожной карты») по организации адресной поддержки школ с низкими результатами обучения в Смоленской области в 2022-2023 учебном году»',
      subItems: [],
    });
  });

  it('HTML-like markup inside cells is removed', () => {
    const i = item(roadmap(result, 0), '3.4');
    expect(i.measure).toBe(
      'Подготовка методических пособий и адресных рекомендаций: - по деятельности школьных методических объединений (далее – ШМО); - по обеспечению непрерывного профессионального развития педагогов; - по реализации новых ФГОС; - по разбору тем и заданий, вызывающих максимальные затруднения на государственной итоговой аттестации по образовательным программам основного общего и среднего общего образования (далее – ГИА)',
    );
    expect(i.deadline).toEqual({
      text: '1 полугодие 2023',
      from: '2023-01',
      to: '2023-06',
      recurrence: null,
    });
    const all = JSON.stringify(result.roadmaps);
    expect(all).not.toMatch(/<\/?(p|b|i|li|ul)\b|\*\*/);
  });

  it('a broken word and a repeated piece at a page break are joined once', () => {
    expect(item(roadmap(result, 1), '3.2').responsible).toBe(
      'ГАУ ДПО СОИРО (кафедра управления развитием образовательных систем общего и профессионального образования, ЦНППМ), региональный методический актив',
    );
    expect(item(roadmap(result, 1), '3.3').responsible).toBe(
      'ГАУ ДПО СОИРО (кафедра управления развитием образовательных систем общего и профессионального образования, ЦНППМ)',
    );
  });

  it('the duplicated «2.2» of appendix 2: both items kept, with a warning', () => {
    const r = roadmap(result, 1);
    expect(item(r, '2.2', 0).measure).toMatch(/^Мониторинг образовательных результатов/);
    expect(item(r, '2.2', 1).measure).toMatch(/^Анализ результатов мониторинга ресурсных дефицитов/);
    expect(result.warnings).toContainEqual({
      location: 'строка 171, пункт 2.2',
      message: 'Номер пункта 2.2 повторяется (первый — строка 170): сохранены оба пункта',
    });
  });

  it('deadlines: quarters with a month, half years, lists and ranges', () => {
    const [a, b, c] = [roadmap(result, 0), roadmap(result, 1), roadmap(result, 2)];
    expect(item(b, '3.1').deadline).toMatchObject({
      text: '1 квартал (февраль 2023)',
      from: '2023-02',
      to: '2023-02',
    });
    expect(item(c, '3.2').deadline).toMatchObject({
      text: '1 квартал (февраль) 2023',
      from: '2023-02',
      to: '2023-02',
    });
    expect(item(a, '3.19').deadline).toMatchObject({
      text: '2 квартал 2023',
      from: '2023-04',
      to: '2023-06',
    });
    expect(item(a, '1.4').deadline).toMatchObject({
      text: 'декабрь 2022, июль 2023',
      from: '2022-12',
      to: '2023-07',
    });
    expect(item(a, '3.17').deadline).toMatchObject({
      text: 'ноябрь 2022 – май 2023',
      from: '2022-11',
      to: '2023-05',
    });
    expect(item(a, '1.8').deadline).toEqual({
      text: 'ежемесячно',
      from: '2022-09',
      to: '2023-08',
      recurrence: 'monthly',
    });
    expect(item(c, '3.16').deadline).toMatchObject({ text: 'ежеквартально', recurrence: 'quarterly' });
    expect(item(b, '3.15').deadline).toMatchObject({ from: '2023-01', to: '2023-06' });
  });
});
