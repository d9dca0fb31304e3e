import { describe, expect, it } from 'vitest';
import { OVERDUE_SHARE, recommend, SUBJECT_LOW_SHARE } from './recommend.js';
import type { ListSchool } from './report-data.js';

// The table of recommendation rules over hand-made facts: each rule fires at its threshold and not
// below it, names its addressee, and says in its reason the figure that triggered it.

const school = (id: string, m: string, extra: Partial<ListSchool> = {}): ListSchool => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  name: `Школа ${id}`,
  municipalityId: `m-${m}`,
  municipalityName: `Район ${m}`,
  r: 0.7,
  stagnation: false,
  repeat: false,
  lowProcedures: [],
  curator: true,
  mentor: true,
  ...extra,
});
const low = (subject: string, lowShare: number) => ({ assessment: 'ВПР', subject, grade: 5, lowShare });

describe('recommendation rules', () => {
  it('proposes one methodological association per municipality, for the subject most schools fail in', () => {
    const recs = recommend({
      schools: [
        school('1', 'А', { lowProcedures: [low('Математика', SUBJECT_LOW_SHARE), low('Физика', 0.5)] }),
        school('2', 'А', { lowProcedures: [low('Математика', 0.45)] }),
        school('3', 'Б', { lowProcedures: [low('Математика', SUBJECT_LOW_SHARE - 0.01)] }),
      ],
      execution: [],
    });
    expect(recs.map((r) => [r.rule, r.unitName])).toEqual([['subject_low', 'Район А']]);
    expect(recs[0]?.text).toContain('«Математика»');
    expect(recs[0]?.reason).toBe(
      'Доля «2» по предмету «Математика» не ниже 30 % — 2 школы (наибольшая 45 %).',
    );
  });

  it('sends stagnating schools to a comprehensive inspection by their municipality', () => {
    const recs = recommend({
      schools: [school('1', 'А', { stagnation: true, r: 0.55 }), school('2', 'А')],
      execution: [],
    });
    expect(recs.map((r) => [r.rule, r.unitName])).toEqual([['stagnation', 'Район А']]);
    expect(recs[0]?.text).toContain('Школа 1');
    expect(recs[0]?.text).not.toContain('Школа 2');
    expect(recs[0]?.reason).toContain('Школа 1 55 %');
  });

  it('reviews a roadmap from 10 % of its measures overdue', () => {
    const unit = (id: string, items: number, overdue: number) => ({
      id,
      name: id,
      items,
      done: 0,
      confirmed: 0,
      overdue,
    });
    const recs = recommend({
      schools: [],
      execution: [unit('А', 10, 1), unit('Б', 11, 1), unit('В', 0, 0)],
    });
    expect(OVERDUE_SHARE).toBe(0.1);
    expect(recs.map((r) => [r.rule, r.unitName, r.reason])).toEqual([
      ['overdue', 'А', 'Просрочено 1 мероприятие из 10 (10 %).'],
    ]);
  });

  it('asks for curators and mentor schools where a ШНОР has none', () => {
    const recs = recommend({
      schools: [school('1', 'А', { curator: false }), school('2', 'А'), school('3', 'Б')],
      execution: [],
    });
    expect(recs.map((r) => [r.rule, r.unitName, r.reason])).toEqual([
      ['low_coverage', 'Район А', 'Без куратора — 1 школа, без школы-наставника — 0 школ из 2.'],
    ]);
  });

  it('runs only the rules asked for and numbers the proposals', () => {
    const facts = { schools: [school('1', 'А', { stagnation: true, curator: false })], execution: [] };
    expect(recommend(facts, ['low_coverage']).map((r) => [r.id, r.rule])).toEqual([['r1', 'low_coverage']]);
    expect(recommend(facts).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('keeps a reason to one line however many schools a rule names (a reason is limited to 2000 characters)', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      school(String(i), 'А', {
        name: `Муниципальное бюджетное общеобразовательное учреждение № ${i}`,
        stagnation: true,
        curator: false,
        againOnList: true,
      } as Partial<ListSchool>),
    );
    const recs = recommend({ schools: many, execution: [] });
    expect(recs.map((r) => r.rule)).toEqual(['stagnation', 'again_on_list', 'low_coverage']);
    for (const r of recs) expect(r.reason.length).toBeLessThan(1000);
    expect(recs[0]?.reason).toContain('и ещё 35');
  });
});
