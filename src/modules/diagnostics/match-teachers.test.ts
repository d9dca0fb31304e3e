import { describe, expect, it } from 'vitest';
import { oneLetterOff, TeacherMatcher } from './match-teachers.js';
import { blockOfHeader, findResultHeader, parseScore, resultField } from './result-columns.js';

const schools = [
  { id: 's1', name: 'МБОУ «Средняя школа № 1»', shortName: 'Школа 1', code: 'SCH001' },
  { id: 's2', name: 'МБОУ «Средняя школа № 2»', shortName: 'Школа 2', code: 'SCH002' },
];
const t = (id: string, schoolId: string, fullName: string, code: string | null = null) => ({
  id,
  schoolId,
  schoolName: schoolId === 's1' ? 'Школа 1' : 'Школа 2',
  code,
  fullName,
});
const teachers = [
  t('a', 's1', 'Ёлкина Анна Сергеевна', 'T-1'),
  t('b', 's1', 'Сидоров Пётр Ильич', 'T-2'),
  t('c', 's1', 'Сидоров Пётр Ильич', 'T-3'),
  t('d', 's2', 'Кузнецова Ольга Петровна', 'T-1'),
  t('e', 's1', 'Петрова Мария Ивановна'),
];
const m = new TeacherMatcher(teachers, schools);

describe('matching a results row to the staff registry', () => {
  it('finds by code, the school telling equal codes of two schools apart', () => {
    expect(m.match({ code: 't-1', fullName: '', school: 'school 2' })).toMatchObject({ kind: 'doubtful' });
    expect(m.match({ code: 'T-1', fullName: '', school: 'SCH002' })).toEqual({
      kind: 'matched',
      staffId: 'd',
      by: 'code',
    });
    expect(m.match({ code: ' t-2 ', fullName: 'что угодно', school: '' })).toEqual({
      kind: 'matched',
      staffId: 'b',
      by: 'code',
    });
  });

  it('finds by ФИО and school with case, ё/е and spaces normalised', () => {
    expect(
      m.match({ code: '', fullName: '  елкина   АННА сергеевна ', school: 'мбоу «средняя школа № 1»' }),
    ).toEqual({
      kind: 'matched',
      staffId: 'a',
      by: 'name',
    });
    expect(m.match({ code: 'нет такого', fullName: 'Петрова Мария Ивановна', school: 'Школа 1' })).toEqual({
      kind: 'matched',
      staffId: 'e',
      by: 'name',
    });
  });

  it('leaves everything uncertain for a person to decide, with the candidates', () => {
    const several = m.match({ code: '', fullName: 'Сидоров Петр Ильич', school: 'Школа 1' });
    expect(several).toMatchObject({ kind: 'doubtful', reason: 'several' });
    expect(several.kind === 'doubtful' && several.candidates.map((c) => c.staffId)).toEqual(['b', 'c']);
    expect(m.match({ code: '', fullName: 'Петрова Мария Иванова', school: 'Школа 1' })).toMatchObject({
      kind: 'doubtful',
      reason: 'near',
      candidates: [{ staffId: 'e' }],
    });
    expect(m.match({ code: '', fullName: 'Кузнецова Ольга Петровна', school: 'Школа 1' })).toMatchObject({
      kind: 'doubtful',
      reason: 'otherSchool',
      candidates: [{ staffId: 'd', schoolName: 'Школа 2' }],
    });
    expect(m.match({ code: '', fullName: 'Кузнецова Ольга Петровна', school: 'Школа 99' })).toMatchObject({
      kind: 'doubtful',
      reason: 'noSchool',
      candidates: [{ staffId: 'd' }],
    });
    const own = schools[0];
    expect(m.match({ code: '', fullName: 'Петрова Мария Ивановна', school: '' }, own)).toMatchObject({
      kind: 'matched',
      staffId: 'e',
    });
    expect(m.match({ code: '', fullName: 'Никто Никак Никакович', school: 'Школа 1' })).toEqual({
      kind: 'doubtful',
      reason: 'notFound',
      candidates: [],
    });
  });

  it('counts one letter changed, added or dropped — and nothing more — as near', () => {
    expect(oneLetterOff('иванов', 'иванав')).toBe(true);
    expect(oneLetterOff('иванов', 'иванова')).toBe(true);
    expect(oneLetterOff('иванов', 'ивнов')).toBe(true);
    expect(oneLetterOff('иванов', 'иванов')).toBe(false);
    expect(oneLetterOff('иванов', 'ивановна')).toBe(false);
    expect(oneLetterOff('иванов', 'ибанав')).toBe(false);
  });
});

describe('columns of a results file', () => {
  const blocks = [
    { key: 'subject', name: 'Предметный', maxScore: 20 },
    { key: 'psych', name: 'Психолого-педагогический', maxScore: 10 },
  ];
  it('recognises the header variants', () => {
    expect(resultField('Табельный номер')).toBe('code');
    expect(resultField(' Ф.И.О. ')).toBe('fullName');
    expect(resultField('Логин ОО')).toBe('school');
    expect(resultField('ИТОГО')).toBe('total');
    expect(blockOfHeader('Предметный (макс. 20)', blocks)?.key).toBe('subject');
    expect(blockOfHeader('психолого педагогический', blocks)?.key).toBe('psych');
    expect(blockOfHeader('Предметный блок', blocks)?.key).toBe('subject');
    expect(blockOfHeader('Методический', blocks)).toBeNull();
  });

  it('finds the header below a title and names the missing blocks', () => {
    const rows = [
      { row: 1, cells: ['Результаты диагностики'] },
      { row: 2, cells: ['Фамилия', 'Имя', 'Отчество', 'Школа', 'Предметный'] },
    ];
    const h = findResultHeader(rows, blocks);
    expect(h).toMatchObject({
      at: 1,
      index: { surname: 0, name: 1, patronymic: 2, school: 3 },
      blocks: { subject: 4 },
    });
    expect(h?.missing.map((b) => b.key)).toEqual(['psych']);
    expect(findResultHeader([{ row: 1, cells: ['Предметный', 'Итого'] }], blocks)).toBeNull();
  });

  it('reads scores with a comma or a point and refuses the rest', () => {
    expect(parseScore('12,5')).toBe(12.5);
    expect(parseScore(' 7 ')).toBe(7);
    expect(parseScore('семь')).toBeNull();
    expect(parseScore('1e3')).toBeNull();
  });
});
