import { describe, expect, it } from 'vitest';
import type { RoadmapPeriod } from '../../roadmaps/deadline.js';
import { readDeadline } from './deadline.js';
import type { ImportedDeadline } from './types.js';

// Deadline wordings of real roadmaps, read in the context of a 2022-2023 school year.

const SY2022: RoadmapPeriod = { periodKind: 'school_year', periodYear: 2022 };
const CY2023: RoadmapPeriod = { periodKind: 'calendar_year', periodYear: 2023 };

const d = (
  text: string,
  from: string | null,
  to: string | null,
  recurrence: ImportedDeadline['recurrence'] = null,
): ImportedDeadline => ({ text, from, to, recurrence });

describe('deadlines in a 2022-2023 school year roadmap', () => {
  it.each<[string, ImportedDeadline]>([
    ['Февраль 2023г.', d('Февраль 2023г.', '2023-02', '2023-02')],
    ['Февраль – март 2023 г.', d('Февраль – март 2023 г.', '2023-02', '2023-03')],
    ['октябрь-ноябрь 2022', d('октябрь-ноябрь 2022', '2022-10', '2022-11')],
    ['1 квартал (февраль) 2023', d('1 квартал (февраль) 2023', '2023-02', '2023-02')],
    ['2 квартал 2023', d('2 квартал 2023', '2023-04', '2023-06')],
    ['1 полугодие 2023', d('1 полугодие 2023', '2023-01', '2023-06')],
    ['декабрь 2022, июль 2023', d('декабрь 2022, июль 2023', '2022-12', '2023-07')],
    ['ноябрь 2022 – май 2023', d('ноябрь 2022 – май 2023', '2022-11', '2023-05')],
    ['Ежегодно до 10.09.', d('Ежегодно до 10.09.', null, '2022-09', 'yearly')],
    ['До января 2023г.', d('До января 2023г.', null, '2022-12')],
    ['14 февраля 2023 г.', d('14 февраля 2023 г.', '2023-02', '2023-02')],
    ['Август 2020г', d('Август 2020г', '2020-08', '2020-08')],
    ['В течение года', d('В течение года', '2022-09', '2023-08', 'throughout')],
    ['ежемесячно', d('ежемесячно', '2022-09', '2023-08', 'monthly')],
    ['ежеквартально', d('ежеквартально', '2022-09', '2023-08', 'quarterly')],
    ['По графику', d('По графику', null, null, 'on-schedule')],
    ['По плану КПК', d('По плану КПК', null, null, 'on-schedule')],
    ['постоянно', d('постоянно', '2022-09', '2023-08', 'throughout')],
    ['В течение года по плану КПК', d('В течение года по плану КПК', '2022-09', '2023-08', 'on-schedule')],
    ['Сентябрь, в течение года', d('Сентябрь, в течение года', '2022-09', '2023-08', 'throughout')],
    ['Август-сентябрь', d('Август-сентябрь', '2023-08', '2023-09')],
    ['Июнь-сентябрь', d('Июнь-сентябрь', '2023-06', '2023-09')],
    ['Сентябрь–октябрь', d('Сентябрь–октябрь', '2022-09', '2022-10')],
    ['Январь, март, июнь, ноябрь,', d('Январь, март, июнь, ноябрь,', '2022-11', '2023-06')],
    // School terms: I September–October, II November–December, III January–March, IV April–May; a term
    // named without its number recurs every term.
    ['II четверть', d('II четверть', '2022-11', '2022-12')],
    ['III четверть 2022-2023 уч. года', d('III четверть 2022-2023 уч. года', '2023-01', '2023-03')],
    ['I-II четверть', d('I-II четверть', '2022-09', '2022-12')],
    ['1 раз в четверть', d('1 раз в четверть', '2022-09', '2023-08', 'quarterly')],
    ['по итогам четверти', d('по итогам четверти', '2022-09', '2023-08', 'quarterly')],
    ['четвертый квартал 2022', d('четвертый квартал 2022', '2022-10', '2022-12')],
  ])('%s', (text, expected) => {
    expect(readDeadline(text, SY2022, true).deadline).toEqual(expected);
  });

  it('keeps the text and warns when nothing can be read', () => {
    expect(readDeadline('По результатам ГИА', SY2022, true)).toEqual({
      deadline: d('По результатам ГИА', null, null),
      notes: ['Срок «По результатам ГИА» не распознан: сохранён только текст'],
    });
  });

  it('warns about deadlines outside the period, only when the period was written', () => {
    expect(readDeadline('Август 2020г', SY2022, true).notes).toEqual([
      'Срок «Август 2020г» вне периода дорожной карты (2022-2023)',
    ]);
    expect(readDeadline('Май 2022г, ноябрь 2022г', SY2022, true).notes).toEqual([
      'Срок «Май 2022г, ноябрь 2022г» выходит за период дорожной карты (2022-2023)',
    ]);
    expect(readDeadline('Август 2020г', SY2022, false).notes).toEqual([]);
  });

  it('tells how a range across the turn of the school year was read', () => {
    expect(readDeadline('Август-сентябрь', SY2022, true).notes).toEqual([
      'Срок «Август-сентябрь» понят как 2023-08 – 2023-09',
    ]);
  });

  it('an empty cell has no deadline', () => {
    expect(readDeadline('  ', SY2022, true)).toEqual({
      deadline: { text: null, from: null, to: null, recurrence: null },
      notes: [],
    });
    expect(readDeadline(null, SY2022, true).deadline).toEqual({
      text: null,
      from: null,
      to: null,
      recurrence: null,
    });
  });

  it('a calendar year resolves months into that year', () => {
    expect(readDeadline('сентябрь', CY2023, true).deadline).toMatchObject({ from: '2023-09', to: '2023-09' });
    expect(readDeadline('ежемесячно', CY2023, true).deadline).toMatchObject({
      from: '2023-01',
      to: '2023-12',
    });
  });
});
