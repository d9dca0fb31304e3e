import { describe, expect, it } from 'vitest';
import { normalizeText, stripMarkup, Vocabulary } from './clean-text.js';
import { columnMeaning, readHeader } from './columns.js';
import { readLevel } from './levels.js';
import { parseNumber, splitLeadingNumber } from './numbering.js';
import { parseRoadmapDocument } from './parse-roadmap-document.js';
import type { ImportedItem, ImportResult } from './types.js';

// Layouts of real roadmaps that the seeds do not show, as text copied from Word.

const parse = (lines: string[]) => parseRoadmapDocument('plan.txt', Buffer.from(lines.join('\n'), 'utf8'));
const items = (r: ImportResult): ImportedItem[] =>
  r.roadmaps.flatMap((m) => m.sections.flatMap((s) => s.items));

describe('text layouts', () => {
  it('a header over two lines, no «№» column, numbers in the measure, a section line without TABs', async () => {
    const r = await parse([
      'Дорожная карта по поддержке ШНОР на 2023-2024 учебный год',
      '',
      'Наименование\tСроки\tОтветственные\tОтметка о',
      'мероприятия\tисполнения\t\tвыполнении',
      '**1. Организационная работа**',
      '1.1. Совещание с директорами\tсентябрь\tУО\t',
      '1.2. Собеседования с руководителями школ\tоктябрь\tУО\tвыполнено',
      'Раздел 2. Работа с педагогами\t\t\t',
      '2.1. Курсы повышения квалификации\tпо графику\tИРО\t',
    ]);
    const [m] = r.roadmaps;
    expect(m?.columns).toEqual([
      'Наименование мероприятия',
      'Сроки исполнения',
      'Ответственные',
      'Отметка о выполнении',
    ]);
    expect(m?.sections.map((s) => [s.number, s.title, s.items.length])).toEqual([
      ['1', 'Организационная работа', 2],
      ['2', 'Работа с педагогами', 1],
    ]);
    expect(items(r).map((i) => [i.number, i.measure, i.deadline.from, i.description])).toEqual([
      ['1.1', 'Совещание с директорами', '2023-09', null],
      ['1.2', 'Собеседования с руководителями школ', '2023-10', 'Отметка о выполнении: выполнено'],
      ['2.1', 'Курсы повышения квалификации', null, null],
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      'Столбец «Отметка о выполнении» не распознан: его текст добавлен к описанию мероприятий',
    );
  });

  it('levels written «Р», «М», «ОО» once for several rows (one cell fewer)', async () => {
    const r = await parse([
      'План мероприятий на 2022-2023 учебный год',
      '№\tУровень управления\tМероприятие\tСроки\tОтветственный',
      '1\tОрганизационное направление\t\t\t',
      '1.1\tР\tПриказ о рабочей группе\tсентябрь 2022\tМинистерство',
      '1.2\tПротоколы рабочей группы\tежеквартально\tМинистерство',
      '1.3\tМ\tМуниципальные планы\tоктябрь 2022\tОМСУ',
      '1.4\tКонсультации школ\tноябрь 2022\tОМСУ',
      '1.5\tОО\tШкольные планы\tноябрь 2022\tОО',
    ]);
    expect(items(r).map((i) => [i.number, i.level, i.measure, i.responsible])).toEqual([
      ['1.1', 'региональный', 'Приказ о рабочей группе', 'Министерство'],
      ['1.2', 'региональный', 'Протоколы рабочей группы', 'Министерство'],
      ['1.3', 'муниципальный', 'Муниципальные планы', 'ОМСУ'],
      ['1.4', 'муниципальный', 'Консультации школ', 'ОМСУ'],
      ['1.5', 'институциональный', 'Школьные планы', 'ОО'],
    ]);
  });

  it('a section with text in the measure only vs an unnumbered item with a deadline', async () => {
    const r = await parse([
      'Дорожная карта на 2023 год',
      'Мероприятие\tСрок\tОтветственный',
      'Организационно-управленческое направление\t\t',
      'Совещание с директорами\tмарт\tУО',
      'Семинар для заместителей\tапрель\tММЦ',
      '<b>Кадровое направление</b>\t\t',
      'Курсы\tпо графику\tИРО',
    ]);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.map((i) => i.measure)])).toEqual([
      ['Организационно-управленческое направление', ['Совещание с директорами', 'Семинар для заместителей']],
      ['Кадровое направление', ['Курсы']],
    ]);
  });

  it('a cell continued on a line without TABs; a signature row ends the table', async () => {
    const r = await parse([
      'Дорожная карта на 2022-2023 учебный год',
      '№\tМероприятие\tСрок\tОтветственный',
      '1\tСовещание с директорами\tмарт 2023\tОтдел',
      'образования администрации',
      '2\tСеминар\tапрель 2023\tММЦ',
      '',
      'Начальник отдела\t\tИ.И. Иванов',
    ]);
    expect(items(r).map((i) => i.responsible)).toEqual(['Отдел образования администрации', 'ММЦ']);
    expect(r.warnings).toContainEqual({
      location: 'строка 4',
      message: 'Строка без ячеек присоединена к пункту 1 (столбец «Ответственный»)',
    });
    expect(r.warnings).toContainEqual({
      location: 'строка 7',
      message:
        'Строка «Начальник отдела И.И. Иванов» принята за подпись: таблица дорожной карты закончена на ней',
    });
  });

  it('a two-line header with a capital in the second line, repeated after a page break', async () => {
    const header = ['№ п/п\tСодержание\tСроки\t', '\tмероприятий\tисполнения\tИсполнители'];
    const r = await parse([
      'Дорожная карта на 2022-2023 учебный год',
      ...header,
      '1\tСовещание\tоктябрь\tУО',
      ...header,
      '2\tСеминар\tноябрь\tММЦ',
    ]);
    expect(r.roadmaps[0]?.columns).toEqual([
      '№ п/п',
      'Содержание мероприятий',
      'Сроки исполнения',
      'Исполнители',
    ]);
    expect(items(r).map((i) => [i.number, i.measure, i.deadline.from, i.responsible])).toEqual([
      ['1', 'Совещание', '2022-10', 'УО'],
      ['2', 'Семинар', '2022-11', 'ММЦ'],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('no period anywhere: guessed from the deadlines, with a warning', async () => {
    const r = await parse([
      'Дорожная карта',
      'Мероприятие\tСрок',
      'Совещание\tноябрь 2022',
      'Семинар\tмарт 2023',
    ]);
    expect(r.roadmaps[0]?.period).toBeNull();
    expect(r.roadmaps[0]?.meta).toMatchObject({
      periodKind: 'school_year',
      periodYear: 2022,
      periodGuessed: true,
    });
    expect(r.warnings.map((w) => w.message)).toContain(
      'Период дорожной карты не указан в названии: принят 2022-2023 учебный год — сроки без года отнесены к нему',
    );
  });
});

describe('pieces', () => {
  it('markup', () => {
    expect(stripMarkup('<b>1. Развитие</b>')).toEqual({ text: '1. Развитие', bold: true, italic: false });
    expect(stripMarkup('**Цели:**').bold).toBe(true);
    expect(stripMarkup('<i>Направление</i>').italic).toBe(true);
    expect(stripMarkup('текст **Задачи:**').bold).toBe(false);
    expect(
      normalizeText(stripMarkup('<ul><li>- один;</li> <li>- два</li></ul> &laquo;x&raquo; <50%').text),
    ).toBe('- один; - два «x» <50%');
    expect(stripMarkup('### Важнейшие целевые индикаторы')).toEqual({
      text: 'Важнейшие целевые индикаторы',
      bold: true,
      italic: false,
    });
  });

  it('hyphenated line ends: joined when the document knows the word', () => {
    const vocab = new Vocabulary();
    vocab.add('профессиональных сообществ; учителей-предметников; образовательных');
    expect(normalizeText('профес-\nсиональных', vocab)).toBe('профессиональных');
    expect(normalizeText('образова-\nтельных', vocab)).toBe('образовательных');
    expect(normalizeText('учителей-\nпредметников', vocab)).toBe('учителей-предметников');
    expect(normalizeText('научно-\nметодический', vocab)).toBe('научно-методический');
    expect(normalizeText('слово\u00adперенос  и\u00a0пробел ( скобка )')).toBe(
      'словоперенос и пробел (скобка)',
    );
  });

  it('hyphenated line ends: a word the document writes only broken is joined by its halves', () => {
    // A word hyphenated by the printer where the document has no other copy of it: the right half ends a
    // longer word written whole, or starts as no word can; a compound's halves are words of their own.
    const text = [
      'Организация взаимопо-\nсещения уроков; посещения семинаров',
      'урок в условиях неодноро-\nдного класса; для одного педагога',
      'организация обществе-\nнного наблюдения',
      'учителей-\nпредметников; учителей школ',
      'школ-\nнаставников; школ перечня',
      'психолого-\nпедагогического сопровождения',
      'педагог-\nпсихолог; нейропсихолог; педагога',
    ];
    const vocab = new Vocabulary();
    for (const t of text) vocab.add(t);
    expect(text.map((t) => normalizeText(t, vocab))).toEqual([
      'Организация взаимопосещения уроков; посещения семинаров',
      'урок в условиях неоднородного класса; для одного педагога',
      'организация общественного наблюдения',
      'учителей-предметников; учителей школ',
      'школ-наставников; школ перечня',
      'психолого-педагогического сопровождения',
      'педагог-психолог; нейропсихолог; педагога',
    ]);
  });

  it('column meanings', () => {
    expect(
      [
        'Мероприятия, меры, управленческие решения',
        'Мероприятие/направление',
        'Наименование мероприятия',
        'Сроки исполнения (месяц, год)',
        'Сроки реализации',
        'Исполнители (ответственные)',
        'Ответственный',
        'Индикативные показатели',
        'Показатель для контроля',
        'Результаты исполнения',
        'Управленческие решения/ожидаемые результаты',
        'Уровень управления',
        'Описание специфики (целевая аудитория)',
        '№ п/п',
        'Примечание',
      ].map(columnMeaning),
    ).toEqual([
      'measure',
      'measure',
      'measure',
      'deadline',
      'deadline',
      'responsible',
      'responsible',
      'indicator',
      'indicator',
      'indicator',
      'indicator',
      'level',
      'description',
      'number',
      null,
    ]);
  });

  it('numbers and levels', () => {
    expect(
      ['1', '1.', '4.1.', '1.1.1', 'II.', 'І', '1)', 'x'].map((t) => parseNumber(t)?.text ?? null),
    ).toEqual(['1', '1', '4.1', '1.1.1', 'II', 'I', '1', null]);
    expect(splitLeadingNumber('1.1. Назначение')).toMatchObject({
      number: { text: '1.1' },
      rest: 'Назначение',
    });
    expect(splitLeadingNumber('5 классов')).toBeNull();
    expect(
      [
        'Р',
        'М',
        'ОО',
        'региональный уровень',
        'Институциональный',
        'Уровень ОО',
        'Муниципальная программа',
      ].map((t) => readLevel(t).level),
    ).toEqual([
      'региональный',
      'муниципальный',
      'институциональный',
      'региональный',
      'институциональный',
      'институциональный',
      null,
    ]);
    expect(readLevel('Региональный, муниципальный')).toEqual({ level: null, several: true });
  });

  it('a header cell merged over «начало | окончание», copied as ONE cell: it widens over the labels below', async () => {
    // Row 1 has 5 cells, the sub-header and the rows 6: «Сроки» stands over both labels; the columns after
    // it shift right (issue 16, held-out set 4: «окончание» was read as the result and the rest moved).
    const r = await parse([
      'Дорожная карта по поддержке ШНОР на 2026-2027 учебный год',
      '',
      '№\tМероприятие\tСроки\tОтветственные\tОжидаемый результат',
      '\t\tначало\tокончание\t\t',
      '1.\tСеминар для учителей математики\tоктябрь 2026\tноябрь 2026\tМетодический центр\tПрограмма семинара',
      '2.\tАнализ диагностических работ\t\tдо 30.12.2026\tУправление образования\tАналитическая справка',
    ]);
    expect(r.roadmaps[0]?.columns).toEqual([
      '№',
      'Мероприятие',
      'Сроки начало',
      'Сроки окончание',
      'Ответственные',
      'Ожидаемый результат',
    ]);
    expect(items(r).map((i) => [i.deadline.text, i.responsible, i.indicator])).toEqual([
      ['октябрь 2026 – ноябрь 2026', 'Методический центр', 'Программа семинара'],
      ['до 30.12.2026', 'Управление образования', 'Аналитическая справка'],
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      'Заголовок «Сроки» занимает одну ячейку, а под ним 2 («начало», «окончание»): он отнесён ко всем им, следующие столбцы сдвинуты вправо — проверьте',
    );
  });
  it('a deadline in «начало | окончание» sub-columns is ONE period «начало – окончание»; two «Срок» columns stay «; »', async () => {
    const r = await parse([
      'План мероприятий на 2026-2027 учебный год',
      '',
      '№\tМероприятие\tСрок исполнения\tСрок исполнения\tИсполнители',
      '\t\tначало\tоконча- ние\t',
      '1.\tСовещание с директорами\tсентябрь 2026\tмай 2027\tУО',
      '2.\tАнализ ВПР\t\tдо 30.12.2026\tММС',
      '3.\tКурсы для учителей\tноябрь 2026\t\tИРО',
    ]);
    expect(items(r).map((i) => [i.deadline.text, i.deadline.from, i.deadline.to, i.responsible])).toEqual([
      ['сентябрь 2026 – май 2027', '2026-09', '2027-05', 'УО'],
      ['до 30.12.2026', null, '2026-12', 'ММС'],
      ['ноябрь 2026', '2026-11', '2026-11', 'ИРО'],
    ]);
    const other = await parse([
      'План мероприятий на 2026-2027 учебный год',
      '',
      '№\tМероприятие\tСрок начала\tСрок отчёта\tИсполнители',
      '1.\tСовещание с директорами\tсентябрь 2026\tмай 2027\tУО',
    ]);
    expect(items(other)[0]?.deadline.text).toBe('сентябрь 2026; май 2027');
    // Held-out set 18: the sub-columns named as a pair of their own, a footnote mark on the spanning header.
    const named = await parse([
      'План мероприятий на 2026-2027 учебный год',
      '',
      'Мероприятия\tСроки реализации1\tСроки реализации1\tИсполнитель',
      '\tСрок начала\tСрок завершения\t',
      '1. Совещание с директорами\tоктябрь 2026\tмай 2027\tУО',
    ]);
    expect(items(named)[0]?.deadline.text).toBe('октябрь 2026 – май 2027');
  });
  // Held-out set 20: a total of the financing column and the footnotes under the table.
  it('a total row and footnote lines under the last measure are neither measures nor its text', async () => {
    const r = await parse([
      'План мероприятий на 2026-2027 учебный год',
      '',
      '№\tМероприятие\tСрок\tИсполнители\tФинансирование, тыс. руб.',
      '1.\tСовещание с директорами\tсентябрь 2026\tУО\t100,5',
      '\tИтого по разделу 1:\t\t\t100,5',
      '2.\tАнализ ВПР\tдо 30.12.2026\tММС*\t758,0',
      '\tВсего по программе, тыс. руб.:\tх\t—\t858,5',
      '* — по согласованию',
    ]);
    expect(items(r).map((i) => [i.measure, i.responsible])).toEqual([
      ['Совещание с директорами', 'УО'],
      ['Анализ ВПР', 'ММС*'],
    ]);
    expect(r.warnings.map((w) => w.message)).toContain(
      'Строка «Всего по программе, тыс. руб.: х — 858,5» — итог или сноска, не мероприятие: пропущена',
    );
  });
  it('«Срок начала | Срок окончания» or a bare «Начало | Окончание» in one header row is one period', async () => {
    for (const [start, end] of [
      ['Срок начала', 'Срок окончания'],
      ['Начало', 'Окончание'],
      ['Дата начала', 'Дата завершения'],
    ]) {
      const r = await parse([
        'План мероприятий на 2026-2027 учебный год',
        '',
        `№\tМероприятие\t${start}\t${end}\tИсполнители`,
        '1.\tСовещание с директорами\tсентябрь 2026\tмай 2027\tУО',
        '2.\tАнализ ВПР\t\tдо 30.12.2026\tММС',
      ]);
      expect(
        items(r).map((i) => [i.deadline.text, i.responsible]),
        start,
      ).toEqual([
        ['сентябрь 2026 – май 2027', 'УО'],
        ['до 30.12.2026', 'ММС'],
      ]);
    }
    // Values at the start and the end of a period are no deadline.
    const values = readHeader(['Мероприятие', 'Срок', 'Значение на начало года', 'Значение на конец года']);
    expect(values?.map((c) => c.meaning)).toEqual(['measure', 'deadline', null, null]);
  });
  it('a header word broken in a narrow cell («Исполни-/тели») still names its column', async () => {
    expect(columnMeaning('Исполни-тели')).toBe('responsible');
    expect(columnMeaning('Исполни- тели')).toBe('responsible');
    const r = await parse([
      'План мероприятий на 2026-2027 учебный год',
      '',
      '№\tМероприятие\tСрок\tИсполни- тели\tРезультат',
      '1.\tСовещание с директорами\tсентябрь 2026\tмуниципальный координатор\tПротокол',
    ]);
    expect(items(r).map((i) => [i.responsible, i.description, i.indicator])).toEqual([
      ['муниципальный координатор', null, 'Протокол'],
    ]);
  });
  it('«Продолжение приложения 1» over a continued table is skipped; «ЛИСТ ОЗНАКОМЛЕНИЯ» and the signature stamp end the table', async () => {
    const r = await parse([
      'План мероприятий на 2026-2027 учебный год',
      '',
      '№\tМероприятие\tСрок\tИсполнители\tРезультат',
      '1\t2\t3\t4\t5',
      'Организационные меры',
      '1.\tСовещание\tсентябрь 2026 г.\tУО\tПротокол',
      'Продолжение приложения 1',
      '1\t2\t3\t4\t5',
      '2.\tСеминар\tоктябрь 2026 г.\tММС\tПрограмма',
      'ЛИСТ ОЗНАКОМЛЕНИЯ',
      'с приказом от 02.09.2026 № 118',
      'Ф.И.О.\tДолжность\tДата ознакомления\tОтметка',
      'Ковригина Л. П.\tучитель\t03.09.2026\t',
      'ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ',
    ]);
    expect(r.roadmaps).toHaveLength(1);
    expect(r.roadmaps[0]?.sections.map((s) => [s.title, s.items.map((i) => i.measure)])).toEqual([
      ['Организационные меры', ['Совещание', 'Семинар']],
    ]);
  });
});

describe('text copied from Word: a caption and a footnote', () => {
  it('«Таблица 1 – …» before the title is not part of it; a footnote mark «¹» after a word is not text', async () => {
    const r = await parse([
      'Таблица 1 – План мероприятий по поддержке ШНОР на 2026/2027 учебный год',
      '№\tМероприятие\tСрок\tОтветственные\tПоказатель',
      '1.\tОбучение команд ШНОР¹ по программе «Управление изменениями»²\tоктябрь 2026 г.\tИРО\tДоля команд не менее 80 %',
      '',
      '¹ ШНОР — школы с низкими результатами обучения.',
    ]);
    expect(r.roadmaps[0]?.title).toBe('План мероприятий по поддержке ШНОР на 2026/2027 учебный год');
    expect(items(r).map((i) => [i.measure, i.indicator])).toEqual([
      ['Обучение команд ШНОР по программе «Управление изменениями»', 'Доля команд не менее 80 %'],
    ]);
  });
});
