import { describe, expect, it } from 'vitest';
import { EffectInputError } from './estimate.js';
import { parseSchoolList } from './read-list.js';

describe('the list of supported schools', () => {
  it('reads the school_id column with a BOM, CRLF, quotes, other columns and blank lines', () => {
    const text = '\uFEFFname;school_id\r\n"Школа 1";"S000001"\r\n\r\nШкола 2;S000002\r\n;S000001\r\n';
    expect([...parseSchoolList(text, 'Файл')]).toEqual(['S000001', 'S000002']);
    expect([...parseSchoolList('school_id\nA\nB', 'Файл')]).toEqual(['A', 'B']);
  });

  it('refuses a file without the header or with an empty id', () => {
    expect(() => parseSchoolList('id\nA\n', 'Файл x.csv')).toThrow(/Файл x.csv: нужен заголовок school_id/);
    expect(() => parseSchoolList('school_id,name\n,Школа\n', 'Файл x.csv')).toThrow(EffectInputError);
    expect(() => parseSchoolList('school_id,name\n,Школа\n', 'Файл x.csv')).toThrow(/строка 2: пустой/);
  });
});
