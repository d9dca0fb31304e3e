import { describe, expect, it } from 'vitest';
import { parseNumberAnswer } from './answer.js';
import { type Instrument, instrumentSchema, ruleOf } from './instrument.js';
import { orderedJson, profilesDocument } from './profile-json.js';
import { readResponses } from './read-responses.js';

// Every clause of issue 11 §3 on hand-computed files: the reader and the rule together, as the CLI runs them.

const HEADER = 'school_id,group,respondent_id,item_id,answer';
const opts = (...risks: number[]) => risks.map((risk, i) => ({ value: `o${i}`, risk }));

function instrument(extra: Partial<Record<string, unknown>> = {}): Instrument {
  return instrumentSchema.parse({
    id: 'hand',
    version: 3,
    factors: [
      { code: 'F', name: 'Первый' },
      { code: 'G', name: 'Второй' },
    ],
    items: [
      { id: 'd1', group: 'director', factor: 'F', type: 'single', options: opts(0, 0.5, 1) },
      { id: 't1', group: 'teacher', factor: 'F', type: 'multi', weight: 2, options: opts(0.1, 0.7, 0.3) },
      { id: 'p1', group: 'pupil', factor: 'G', type: 'scale', options: opts(0, 0.25, 0.75, 1) },
      { id: 'r1', group: 'parent', factor: 'G', type: 'number', riskIf: { op: '>=', value: 2 } },
      { id: 'r2', group: 'parent', factor: 'G', type: 'number', weight: 3, riskIf: { op: '<=', value: 1.5 } },
    ],
    ...extra,
  });
}

async function profiles(ins: Instrument, lines: string[]) {
  const r = await readResponses(ins, [HEADER, ...lines].join('\n'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.profiles;
}
async function errors(ins: Instrument, text: string) {
  const r = await readResponses(ins, text);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}
const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('opora-risk-default through the responses file', () => {
  it('counts distinct respondents who answered; small and empty groups are left out', async () => {
    const [p] = await profiles(instrument(), [
      'S,director,d,d1,o2',
      ...many(5, (i) => `S,teacher,t${i},t1,o0`),
      ...many(4, (i) => `S,pupil,p${i},p1,o3`), // 4 < 5
      'S,pupil,p9,p1,', // an empty answer: p9 does not count
    ]);
    expect(p?.groups).toEqual({ director: 1, teacher: 5, pupil: 4, parent: 0 });
    expect(p?.excludedGroups).toEqual(['pupil', 'parent']);
    // F = (1·1 + 2·0.1)/3 = 0.4 → medium; G: the only groups are left out → nodata
    expect(p?.factors[0]?.score).toBeCloseTo(0.4, 12);
    expect(p?.factors[0]?.level).toBe('medium');
    expect(p?.factors[1]).toMatchObject({ score: null, level: 'nodata' });
  });

  it('multi takes the largest chosen risk; no option chosen is no answer', async () => {
    const [p] = await profiles(instrument(), [
      'S,teacher,a,t1,o0;o1', // 0.7
      'S,teacher,b,t1,o2;o0', // 0.3
      'S,teacher,c,t1,"o2;o1;o0"', // 0.7
      'S,teacher,d,t1,o0', // 0.1
      'S,teacher,e,t1,;', // nothing chosen: not a respondent
      'S,teacher,f,t1,o2', // 0.3
      'S,director,x,d1,o0',
    ]);
    expect(p?.groups.teacher).toBe(5);
    const t1 = p?.factors[0]?.items.find((i) => i.itemId === 't1');
    expect(t1?.score).toBeCloseTo((0.7 + 0.3 + 0.7 + 0.1 + 0.3) / 5, 12);
    expect(t1?.respondents).toBe(5);
    // F = (0·1 + 2·0.42)/3 = 0.28 → low
    expect(p?.factors[0]?.score).toBeCloseTo(0.84 / 3, 12);
    expect(p?.factors[0]?.level).toBe('low');
  });

  it('number items: riskIf >= and <= including the boundary, decimal comma quoted or not', async () => {
    const [p] = await profiles(instrument(), [
      'S,parent,a,r1,2', // 2 >= 2 → 1
      'S,parent,b,r1,"1,999"', // 0
      'S,parent,c,r1,3.5', // 1
      'S,parent,d,r1,0', // 0
      'S,parent,e,r1,10', // 1
      'S,parent,a,r2,"1,5"', // 1.5 <= 1.5 → 1
      'S,parent,b,r2,1,6', // unquoted decimal comma: 1.6 → 0
      'S,parent,c,r2,-1', // 1
      'S,parent,d,r2,', // no answer
    ]);
    expect(p?.groups.parent).toBe(5);
    const [r1, r2] = p?.factors[1]?.items ?? [];
    expect(r1).toMatchObject({ itemId: 'r1', respondents: 5 });
    expect(r1?.score).toBeCloseTo(3 / 5, 12);
    expect(r2).toMatchObject({ itemId: 'r2', respondents: 3 });
    expect(r2?.score).toBeCloseTo(2 / 3, 12);
    // G: pupil item p1 (weight 1) has no score; r1 (1), r2 (3): scored weight 4 of 5 → defined
    expect(p?.factors[1]?.score).toBeCloseTo((0.6 + 3 * (2 / 3)) / 4, 12);
    expect(p?.factors[1]?.level).toBe('high');
  });

  it('a factor is defined at exactly half of its weight, nodata below half even with items scored', async () => {
    // G has weights p1 1, r1 1, r2 3 (total 5). Pupils give p1 and r1 … parents give only r1 → 2 of 5.
    const ins = instrument({
      items: [
        ...instrument().items,
        { id: 'p2', group: 'pupil', factor: 'G', type: 'single', weight: 0.5, options: opts(1) },
      ],
    }); // total G = 5.5; half = 2.75
    const below = await profiles(ins, [
      ...many(5, (i) => `S,pupil,p${i},p1,o3`), // weight 1
      ...many(5, (i) => `S,parent,r${i},r1,5`), // weight 1 → 2 < 2.75
    ]);
    expect(below[0]?.factors[1]).toMatchObject({ score: null, level: 'nodata' });
    expect(below[0]?.factors[1]?.items).toHaveLength(2); // the items with a score are still told
    const half = await profiles(
      instrumentSchema.parse({
        ...ins,
        items: ins.items.map((i) => (i.id === 'p2' ? { ...i, weight: 1 } : i)),
      }),
      [
        ...many(5, (i) => `S,pupil,p${i},p1,o3`), // 1
        ...many(5, (i) => `S,pupil,p${i},p2,o0`), // 1 (risk 1)
        ...many(5, (i) => `S,parent,r${i},r1,0`), // 1 (risk 0) → 3 of 6: exactly half
      ],
    );
    expect(half[0]?.factors[1]?.score).toBeCloseTo(2 / 3, 12);
    expect(half[0]?.factors[1]?.level).toBe('high');
  });

  it('levels: a score exactly at each threshold, or 1e-10 below, reaches it; 1e-8 below does not', async () => {
    const risks = [0.6, 0.6 - 1e-10, 0.6 - 1e-8, 0.4, 0.4 - 1e-10, 0.2, 0.2 - 1e-10, 0.2 - 1e-8, 0];
    const ins = instrumentSchema.parse({
      id: 'th',
      version: 1,
      factors: [{ code: 'F', name: 'F' }],
      items: [{ id: 'd', group: 'director', factor: 'F', type: 'single', options: opts(...risks) }],
    });
    const ps = await profiles(
      ins,
      risks.map((_, i) => `S${i},director,x,d,o${i}`),
    );
    expect(ps.map((p) => p.factors[0]?.level)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'medium',
      'low',
      'low',
      'none',
      'none',
    ]);
    // a mean that lands on the threshold: 3 of 5 teachers at risk 1 = 0.6
    const t = instrumentSchema.parse({
      ...ins,
      items: [{ id: 't', group: 'teacher', factor: 'F', type: 'scale', options: opts(0, 1) }],
    });
    const [m] = await profiles(
      t,
      many(5, (i) => `S,teacher,t${i},t,o${i < 3 ? 1 : 0}`),
    );
    expect(m?.factors[0]).toMatchObject({ level: 'high' });
    expect(m?.factors[0]?.score).toBeCloseTo(0.6, 12);
  });

  it('rule parameters come from the file; missing ones are the defaults (minRespondents partly given)', async () => {
    const ins = instrument({
      rule: {
        id: 'opora-risk-default',
        thresholds: { high: 0.9, medium: 0.5, low: 0.05 },
        minRespondents: { pupil: 2 },
      },
    });
    expect(ruleOf(ins).minRespondents).toEqual({ director: 1, teacher: 5, pupil: 2, parent: 5 });
    const [p] = await profiles(ins, [
      'S,director,d,d1,o2', // F: d1 = 1 (weight 1 of 3) → nodata without teachers
      ...many(2, (i) => `S,pupil,p${i},p1,o2`), // 0.75, 2 pupils now count
      ...many(4, (i) => `S,teacher,t${i},t1,o1`), // 4 < default 5
    ]);
    expect(p?.excludedGroups).toEqual(['teacher', 'parent']);
    expect(p?.factors[0]).toMatchObject({ score: null, level: 'nodata' });
    // G: p1 alone is weight 1 of 5 → nodata; give parents r2 (weight 3)
    const [q] = await profiles(ins, [
      ...many(2, (i) => `S,pupil,p${i},p1,o2`),
      ...many(5, (i) => `S,parent,r${i},r2,2`), // 0
    ]);
    expect(q?.factors[1]?.score).toBeCloseTo(0.75 / 4, 12); // 0.1875: ≥ 0.05 → low (default would be none)
    expect(q?.factors[1]?.level).toBe('low');
    const [d] = await profiles(instrument(), [
      ...many(5, (i) => `S,pupil,p${i},p1,o2`),
      ...many(5, (i) => `S,parent,r${i},r2,2`),
    ]);
    expect(d?.factors[1]?.level).toBe('none'); // defaults: 0.1875 < 0.2
  });

  it('schools in the order of first appearance, every school with a row, output keys in instrument order', async () => {
    const ins = instrumentSchema.parse({
      id: 'ord',
      version: 1,
      factors: ['2', '10', '1', 'b', 'a'].map((code) => ({ code, name: code })),
      items: ['2', '10', '1', 'b', 'a'].map((f) => ({
        id: `i${f}`,
        group: 'director',
        factor: f,
        type: 'single',
        options: opts(1),
      })),
    });
    const ps = await profiles(ins, ['Z,director,x,i2,', 'A,director,x,i10,o0', 'Z,director,y,i1,o0']);
    expect(ps.map((p) => p.schoolId)).toEqual(['Z', 'A']);
    const json = orderedJson(profilesDocument(ins, ruleOf(ins), ps));
    expect(json.match(/"(?:2|10|1|b|a)":\{/g)).toEqual(
      Array(2).fill(['"2":{', '"10":{', '"1":{', '"b":{', '"a":{']).flat(),
    );
    expect(JSON.parse(json).schools[0]).toMatchObject({
      groups: { director: 1 },
      excludedGroups: ['teacher', 'pupil', 'parent'],
    });
  });

  it('reads a BOM, CRLF, quoted fields and blank lines', async () => {
    const text = `\uFEFF${HEADER}\r\n"S 1",director,"r,1",d1,"o1"\r\n\r\nS 1,director,r2,d1, o2 \r\n`;
    const r = await readResponses(instrument(), new TextEncoder().encode(text));
    expect(r.ok && r.profiles[0]?.groups.director).toBe(2);
    expect(r.ok && r.profiles[0]?.factors[0]?.items[0]?.score).toBeCloseTo(0.75, 12);
  });
});

describe('a bad responses file: errors with row numbers, nothing computed', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown group', 'S,principal,x,d1,o0', /неизвестная группа «principal»/],
    ['unknown item', 'S,director,x,zz,o0', /нет вопроса «zz»/],
    ['item of another group', 'S,teacher,x,d1,o0', /из анкеты группы director/],
    ['unknown option', 'S,director,x,d1,o9', /нет варианта ответа «o9»/],
    ['unknown option of multi', 'S,teacher,x,t1,o0;o7', /нет варианта ответа «o7»/],
    ['not a number', 'S,parent,x,r1,два', /«два» — не число/],
    ['two values for single', 'S,director,x,d1,o0;o1', /допускает один ответ/],
    ['two values for scale', 'S,pupil,x,p1,o0;o1', /допускает один ответ/],
    ['too few columns', 'S,director,x', /3 столбца вместо 5/],
    ['empty respondent', 'S,director,,d1,o0', /не заполнено: respondent_id/],
  ];
  for (const [name, line, message] of cases) {
    it(name, async () => {
      const errs = await errors(instrument(), [HEADER, 'S,director,ok,d1,o0', line].join('\n'));
      expect(errs).toHaveLength(1);
      expect(errs[0]?.row).toBe(3);
      expect(errs[0]?.message).toMatch(message);
    });
  }

  it('duplicate (school, group, respondent, item), even with an empty answer, names the first row', async () => {
    const errs = await errors(
      instrument(),
      [HEADER, 'S,director,x,d1,', '', 'S,director,x,d1,o1', 'T,director,x,d1,o1'].join('\n'),
    );
    expect(errs).toEqual([{ row: 4, message: expect.stringMatching(/уже в строке 2/) }]);
  });

  it('bad header: one error, rows are not checked', async () => {
    expect(await errors(instrument(), 'school,group,respondent,item,answer\nS,x,y,z,w')).toEqual([
      { row: 1, message: expect.stringMatching(/заголовок должен быть/) },
    ]);
    expect(await errors(instrument(), 'school_id;group;respondent_id;item_id;answer\n')).toHaveLength(1);
    expect(await errors(instrument(), '')).toEqual([{ row: 1, message: expect.stringMatching(/файл пуст/) }]);
  });

  it('an unclosed quote is an error in Russian', async () => {
    const errs = await errors(instrument(), `${HEADER}\nS,director,x,d1,"o0\nS,director,y,d1,o1\n`);
    expect(errs).toEqual([
      { row: expect.any(Number), message: 'не удалось прочитать CSV: кавычка не закрыта до конца файла' },
    ]);
  });

  it('every bad row is reported', async () => {
    const errs = await errors(
      instrument(),
      [HEADER, 'S,x,1,d1,o0', 'S,director,1,d1,o0', 'S,director,2,d1,bad'].join('\n'),
    );
    expect(errs.map((e) => e.row)).toEqual([2, 4]);
  });

  it('numbers: comma or point, digit groups with spaces; nothing else', () => {
    expect(parseNumberAnswer('3,5')).toBe(3.5);
    expect(parseNumberAnswer('-0.25')).toBe(-0.25);
    expect(parseNumberAnswer('1 200')).toBe(1200);
    for (const bad of ['', '1,2,3', '1.2.3', 'Infinity', 'NaN', '0x10', '5%', '1e999']) {
      expect(parseNumberAnswer(bad)).toBeNull();
    }
  });
});

describe('the documented example (docs/examples)', () => {
  it('explains each level by its items and each left-out group by its numbers', async () => {
    const { readFile } = await import('node:fs/promises');
    const dir = new URL('../../../docs/examples/', import.meta.url);
    const ins = instrumentSchema.parse(
      JSON.parse(await readFile(new URL('risk-instrument.json', dir), 'utf8')),
    );
    const r = await readResponses(ins, await readFile(new URL('risk-responses.csv', dir)));
    if (!r.ok) throw new Error('the example is bad');
    const doc = JSON.parse(orderedJson(profilesDocument(ins, ruleOf(ins), r.profiles, true)));
    const [s501] = doc.schools;
    expect(s501.excludedWhy).toEqual([
      { group: 'parent', respondents: 2, minRespondents: 3, text: 'родители: 2 ответа из минимума 3' },
    ]);
    expect(s501.factors['9'].items).toEqual([
      expect.objectContaining({
        itemId: 't-reasons',
        group: 'teacher',
        weight: 2,
        score: 0.5,
        respondents: 2,
      }),
      expect.objectContaining({ itemId: 'p-like', group: 'pupil', weight: 1, respondents: 3 }),
    ]);
    expect(s501.factors['12']).toMatchObject({ score: 0.75, level: 'high', items: [{ itemId: 'p-noise' }] });
    // without --explain the document is exactly the issue's
    const plain = JSON.parse(orderedJson(profilesDocument(ins, ruleOf(ins), r.profiles)));
    expect(Object.keys(plain.schools[0])).toEqual(['schoolId', 'groups', 'excludedGroups', 'factors']);
    expect(Object.keys(plain.schools[0].factors['9'])).toEqual(['score', 'level']);
  });
});
