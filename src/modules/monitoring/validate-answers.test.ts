import { describe, expect, it } from 'vitest';
import { formSchema, type MonitoringForm } from './form.js';
import { MONITORING_TEMPLATES } from './templates.js';
import { ANSWER_MSG, answeredCount, checkAnswers } from './validate-answers.js';

// The one validator of monitoring answers: examples for every field kind, then seeded properties — what is
// in range is kept as it is, what is out of range is refused under its own field, and a stored answer
// passes the validator again unchanged.

const form: MonitoringForm = formSchema.parse({
  sections: [
    {
      id: 's',
      title: 'Раздел',
      fields: [
        { id: 'n', kind: 'number', label: 'Число', required: true, min: 0, max: 100, integer: true },
        { id: 'p', kind: 'percentage', label: 'Доля', required: false, min: 10 },
        {
          id: 'one',
          kind: 'choice',
          label: 'Один',
          options: [
            { value: 'a', label: 'А' },
            { value: 'b', label: 'Б' },
          ],
        },
        {
          id: 'many',
          kind: 'choice',
          label: 'Несколько',
          multiple: true,
          options: [
            { value: 'x', label: 'Икс' },
            { value: 'y', label: 'Игрек' },
            { value: 'z', label: 'Зет' },
          ],
        },
        { id: 't', kind: 'text', label: 'Текст', required: true, maxLength: 10 },
        {
          id: 'tab',
          kind: 'table',
          label: 'Таблица',
          maxRows: 3,
          columns: [
            { id: 'name', kind: 'text', label: 'Название', required: true, maxLength: 20 },
            { id: 'qty', kind: 'number', label: 'Количество', min: 0 },
            { id: 'kind', kind: 'choice', label: 'Вид', options: [{ value: 'k', label: 'К' }] },
          ],
        },
      ],
    },
  ],
});

const issuesOf = (answers: Record<string, unknown>, complete = false) =>
  checkAnswers(form, answers, complete).issues;

describe('checkAnswers: examples', () => {
  it('keeps a complete form, trimmed, and drops empty answers and empty table rows', () => {
    const r = checkAnswers(
      form,
      {
        n: 5,
        p: 12.5,
        one: 'a',
        many: ['y', 'x', 'y'],
        t: '  текст  ',
        tab: [
          { name: 'Физика', qty: 2, kind: 'k' },
          { name: '', qty: null },
        ],
      },
      true,
    );
    expect(r.issues).toEqual([]);
    expect(r.answers).toEqual({
      n: 5,
      p: 12.5,
      one: 'a',
      many: ['y', 'x'],
      t: 'текст',
      tab: [{ name: 'Физика', qty: 2, kind: 'k' }],
    });
    expect(checkAnswers(form, { one: '', many: [], t: '   ', tab: [] }, false)).toEqual({
      answers: {},
      issues: [],
    });
  });

  it('lets a draft be incomplete but never wrong; a submission must be complete', () => {
    expect(issuesOf({ n: 5 })).toEqual([]);
    expect(issuesOf({ n: 5 }, true)).toEqual([{ field: 't', message: ANSWER_MSG.required }]);
    expect(issuesOf({ n: 101 })).toEqual([{ field: 'n', message: 'Не больше 100' }]);
    expect(issuesOf({ n: 1.5 })).toEqual([{ field: 'n', message: ANSWER_MSG.integer }]);
    expect(issuesOf({ n: '5' })).toEqual([{ field: 'n', message: ANSWER_MSG.number }]);
    expect(issuesOf({ p: 100.1 })).toEqual([{ field: 'p', message: ANSWER_MSG.percentage }]);
    expect(issuesOf({ p: 5 })).toEqual([{ field: 'p', message: 'Не меньше 10' }]);
    expect(issuesOf({ one: ['a', 'b'] })).toEqual([{ field: 'one', message: ANSWER_MSG.oneChoice }]);
    expect(issuesOf({ many: ['q'] })).toEqual([{ field: 'many', message: 'Нет варианта ответа «q»' }]);
    expect(issuesOf({ t: 'очень длинный ответ' })).toEqual([
      { field: 't', message: 'Ответ не длиннее 10 символов' },
    ]);
    expect(issuesOf({ zz: 1 })).toEqual([{ field: 'zz', message: 'В форме нет поля zz' }]);
  });

  it('checks table rows cell by cell, the number of rows and unknown columns', () => {
    expect(issuesOf({ n: 1, t: 'а', tab: [{ qty: 1 }] }, true)).toEqual([
      { field: 'tab.0.name', message: 'Строка 1, «Название»: Заполните поле' },
    ]);
    expect(issuesOf({ tab: [{ name: 'а', qty: -1 }] })).toEqual([
      { field: 'tab.0.qty', message: 'Строка 1, «Количество»: Не меньше 0' },
    ]);
    expect(issuesOf({ tab: [{ name: 'а', other: 1 }] })).toEqual([
      { field: 'tab.0.other', message: 'В таблице нет столбца other' },
    ]);
    expect(issuesOf({ tab: Array.from({ length: 4 }, () => ({ name: 'а' })) })).toEqual([
      { field: 'tab', message: 'Строк в таблице — не больше 3' },
    ]);
    expect(issuesOf({ tab: 'строка' })).toEqual([{ field: 'tab', message: ANSWER_MSG.table }]);
  });

  it('counts answered fields', () => {
    expect(answeredCount(form, { n: 1, t: '', tab: [{ name: 'a' }] })).toBe(2);
  });

  it('ships templates that are valid forms', () => {
    for (const t of MONITORING_TEMPLATES)
      if (t.form) expect(formSchema.safeParse(t.form).success, t.code).toBe(true);
  });

  it('refuses a broken form: repeated codes, choice without options, table without columns, min above max', () => {
    const r = formSchema.safeParse({
      sections: [
        {
          id: 's',
          title: 'Р',
          fields: [
            { id: 'a', kind: 'number', label: 'А', min: 5, max: 1 },
            { id: 'a', kind: 'choice', label: 'Б' },
            { id: 'c', kind: 'table', label: 'В' },
          ],
        },
      ],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([
      'Поле «А»: максимум меньше минимума',
      'Код поля a повторяется',
      '«Б»: нужны варианты ответа',
      'Таблица «В»: нужны столбцы',
    ]);
  });
});

/** A small seeded generator (mulberry32): the same cases on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('checkAnswers: properties over 500 seeded answers per kind', () => {
  const N = 500;
  it('number: integers within the bounds are kept; outside, fractional or not numbers are refused', () => {
    const r = rng(1);
    for (let i = 0; i < N; i++) {
      const x = Math.round(r() * 300 - 100);
      const inRange = x >= 0 && x <= 100;
      expect(issuesOf({ n: x }).length === 0, `n=${x}`).toBe(inRange);
      if (inRange) expect(checkAnswers(form, { n: x }, false).answers.n).toBe(x);
      expect(issuesOf({ n: x + 0.5 })).toHaveLength(1);
    }
  });

  it('percentage: a share within its bounds (10…100) is kept, anything else is refused', () => {
    const r = rng(2);
    for (let i = 0; i < N; i++) {
      const x = r() * 140 - 20;
      expect(issuesOf({ p: x }).length === 0, `p=${x}`).toBe(x >= 10 && x <= 100);
    }
  });

  it('choice: any subset of the options is kept without repeats; any unknown value is refused', () => {
    const r = rng(3);
    const all = ['x', 'y', 'z'];
    for (let i = 0; i < N; i++) {
      const picked = Array.from({ length: Math.floor(r() * 6) }, () => all[Math.floor(r() * 3)] ?? 'x');
      const got = checkAnswers(form, { many: picked }, false);
      expect(got.issues).toEqual([]);
      expect(got.answers.many ?? []).toEqual([...new Set(picked)]);
      expect(issuesOf({ many: [...picked, `w${i}`] })).toHaveLength(1);
      const single = ['a', 'b', 'c'][Math.floor(r() * 3)] ?? 'a';
      expect(issuesOf({ one: single }).length).toBe(single === 'c' ? 1 : 0);
    }
  });

  it('text: up to the longest answer is kept trimmed, longer is refused', () => {
    const r = rng(4);
    for (let i = 0; i < N; i++) {
      const len = Math.floor(r() * 16);
      const s = 'ж'.repeat(len);
      expect(issuesOf({ t: ` ${s} ` }).length, `len=${len}`).toBe(len > 10 ? 1 : 0);
    }
  });

  it('table: up to maxRows rows are kept, empty rows dropped; more rows are refused; stored answers pass again', () => {
    const r = rng(5);
    for (let i = 0; i < N; i++) {
      const rows = Array.from({ length: Math.floor(r() * 5) }, () =>
        r() < 0.2 ? { name: '', qty: null } : { name: `строка ${i}`, qty: Math.floor(r() * 10) },
      );
      const got = checkAnswers(form, { tab: rows }, false);
      if (rows.length > 3) {
        expect(got.issues).toHaveLength(1);
        continue;
      }
      expect(got.issues).toEqual([]);
      const kept = rows.filter((row) => row.name !== '');
      expect(got.answers.tab ?? []).toEqual(kept.map((row) => ({ ...row, kind: null })));
      expect(checkAnswers(form, got.answers, false)).toEqual(got);
    }
  });
});
