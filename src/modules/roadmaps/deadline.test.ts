import { describe, expect, it } from 'vitest';
import {
  dueDateOf,
  type ParsedDeadline,
  parseDeadline,
  periodBounds,
  type Recurrence,
  type RoadmapPeriod,
} from './deadline.js';

const SY2022: RoadmapPeriod = { periodKind: 'school_year', periodYear: 2022 };
const CY2023: RoadmapPeriod = { periodKind: 'calendar_year', periodYear: 2023 };

const range = (
  from: string | null,
  to: string | null,
  date: string | null = null,
  recurrence: Recurrence | null = null,
): ParsedDeadline => ({ from, to, date, recurrence, understood: true });
const NOT_UNDERSTOOD: ParsedDeadline = {
  from: null,
  to: null,
  date: null,
  recurrence: null,
  understood: false,
};

describe('parseDeadline in school year 2022/2023', () => {
  it.each<[string, ParsedDeadline]>([
    ['Февраль 2023г.', range('2023-02', '2023-02')],
    ['Февраль – март 2023 г.', range('2023-02', '2023-03')],
    ['октябрь-ноябрь 2022', range('2022-10', '2022-11')],
    ['октябрь — ноябрь  2022 года', range('2022-10', '2022-11')],
    ['1 квартал (февраль) 2023', range('2023-02', '2023-02')],
    ['2 квартал 2023', range('2023-04', '2023-06')],
    ['I квартал 2023', range('2023-01', '2023-03')],
    ['IV квартал 2022', range('2022-10', '2022-12')],
    ['I-II квартал 2023 г.', range('2023-01', '2023-06')],
    ['1-й квартал 2023', range('2023-01', '2023-03')],
    ['1 полугодие 2023', range('2023-01', '2023-06')],
    ['2 полугодие 2022-2023 уч. года', range('2023-01', '2023-08')],
    ['1 полугодие', range('2022-09', '2022-12')],
    ['декабрь 2022, июль 2023', range('2022-12', '2023-07')],
    ['ноябрь 2022 – май 2023', range('2022-11', '2023-05')],
    ['сентябрь – май 2023', range('2022-09', '2023-05')],
    ['май, сентябрь 2023', range('2023-05', '2023-09')],
    ['январь–апрель', range('2023-01', '2023-04')],
    ['сентябрь', range('2022-09', '2022-09')],
    ['В сентябре', range('2022-09', '2022-09')],
    ['Август 2020г', range('2020-08', '2020-08')],
    ['14 февраля 2023 г.', range('2023-02', '2023-02', '2023-02-14')],
    ['28 февраля 2023 г. 10 марта 2023 г.', range('2023-02', '2023-03', '2023-03-10')],
    ['01.10.2022', range('2022-10', '2022-10', '2022-10-01')],
    ['До января 2023г.', range(null, '2022-12')],
    ['до конца декабря 2022', range(null, '2022-12')],
    ['до 15 сентября 2022', range(null, '2022-09', '2022-09-15')],
    ['до 01.09', range(null, '2022-09', '2022-09-01')],
    ['до 01.09.2023', range(null, '2023-09', '2023-09-01')],
    ['Ежегодно до 10.09.', range(null, '2022-09', '2022-09-10', 'yearly')],
    ['ежегодно', range(null, null, null, 'yearly')],
    ['ежемесячно', range(null, null, null, 'monthly')],
    ['Ежеквартально', range(null, null, null, 'quarterly')],
    ['В течение года', range('2022-09', '2023-08', null, 'throughout')],
    ['в течение учебного года', range('2022-09', '2023-08', null, 'throughout')],
    ['в течении года', range('2022-09', '2023-08', null, 'throughout')],
    ['постоянно', range('2022-09', '2023-08', null, 'throughout')],
    ['в течение 2023 года', range('2023-01', '2023-12', null, 'throughout')],
    ['2022-2023 учебный год', range('2022-09', '2023-08')],
    ['По графику', range(null, null, null, 'on-schedule')],
    ['По плану КПК', range(null, null, null, 'on-schedule')],
    ['согласно графику', range(null, null, null, 'on-schedule')],
    ['по отдельному плану', range(null, null, null, 'on-schedule')],
    ['ежемесячно, октябрь 2022 – май 2023', range('2022-10', '2023-05', null, 'monthly')],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text, SY2022)).toEqual(expected);
  });
});

describe('parseDeadline in calendar year 2023', () => {
  it.each<[string, ParsedDeadline]>([
    ['сентябрь', range('2023-09', '2023-09')],
    ['январь–апрель', range('2023-01', '2023-04')],
    ['до 01.09', range(null, '2023-09', '2023-09-01')],
    ['1 полугодие', range('2023-01', '2023-06')],
    ['в течение года', range('2023-01', '2023-12', null, 'throughout')],
    ['2022-2023 гг.', range('2022-01', '2023-12')],
  ])('%s', (text, expected) => {
    expect(parseDeadline(text, CY2023)).toEqual(expected);
  });
});

describe('parseDeadline without a readable deadline', () => {
  it.each<[string | null | undefined]>([
    [null],
    [undefined],
    [''],
    ['   '],
    ['по мере необходимости'],
    ['по согласованию'],
    ['30.02.2023'],
  ])('%s', (text) => {
    expect(parseDeadline(text, SY2022)).toEqual(NOT_UNDERSTOOD);
  });
});

describe('dueDateOf', () => {
  it.each<[string, RoadmapPeriod, string]>([
    ['14 февраля 2023 г.', SY2022, '2023-02-14'],
    ['Февраль 2023г.', SY2022, '2023-02-28'],
    ['до января 2023г.', SY2022, '2022-12-31'],
    ['1 квартал 2024', CY2023, '2024-03-31'],
    ['ежемесячно', SY2022, '2023-08-31'],
    ['в течение года', CY2023, '2023-12-31'],
    ['по мере необходимости', SY2022, '2023-08-31'],
  ])('%s (%o) → %s', (text, period, due) => {
    expect(dueDateOf(parseDeadline(text, period), period)).toBe(due);
  });
});

describe('periodBounds', () => {
  it.each<[RoadmapPeriod, { from: string; to: string }]>([
    [SY2022, { from: '2022-09', to: '2023-08' }],
    [CY2023, { from: '2023-01', to: '2023-12' }],
  ])('%o', (period, bounds) => {
    expect(periodBounds(period)).toEqual(bounds);
  });
});
