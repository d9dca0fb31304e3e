import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { parsedInstrument, validateAnswers } from './validate-answers.js';

// Answers against a frozen instrument: every item type, empty answers dropped, unknowns refused in Russian.

const instrument = parsedInstrument(
  'test-instrument',
  {
    id: 't',
    version: 1,
    factors: [{ code: 'f1', name: 'Фактор' }],
    items: [
      {
        id: 's',
        group: 'pupil',
        factor: 'f1',
        type: 'single',
        options: [
          { value: 'a', risk: 0 },
          { value: 'b', risk: 1 },
        ],
      },
      {
        id: 'm',
        group: 'pupil',
        factor: 'f1',
        type: 'multi',
        options: [
          { value: 'x', risk: 0 },
          { value: 'y', risk: 1 },
        ],
      },
      { id: 'n', group: 'pupil', factor: 'f1', type: 'number', riskIf: { op: '>=', value: 3 } },
      { id: 'd', group: 'director', factor: 'f1', type: 'scale', options: [{ value: '1', risk: 0 }] },
    ],
  },
  true,
);

const refused = (answers: Record<string, string | string[] | number>) => {
  try {
    validateAnswers(instrument, 'pupil', answers);
    return null;
  } catch (e) {
    return e instanceof AppError ? `${e.code}: ${e.message}` : String(e);
  }
};

describe('validateAnswers', () => {
  it('keeps answers of every type and drops empty ones', () => {
    expect(validateAnswers(instrument, 'pupil', { s: 'b', m: ['y', 'x', 'y'], n: 0 })).toEqual({
      s: 'b',
      m: ['y', 'x'],
      n: 0,
    });
    expect(validateAnswers(instrument, 'pupil', { s: '', m: [], n: 4 })).toEqual({ n: 4 });
  });

  it('refuses unknown items, other groups, unknown options and wrong shapes', () => {
    expect(refused({ zz: 'a' })).toBe('INVALID_INPUT: В анкете нет вопроса zz');
    expect(refused({ d: '1' })).toBe('INVALID_INPUT: В анкете нет вопроса d');
    expect(refused({ s: 'c' })).toBe('INVALID_INPUT: Вопрос s: нет варианта ответа «c»');
    expect(refused({ m: ['x', 'q'] })).toBe('INVALID_INPUT: Вопрос m: нет варианта ответа «q»');
    expect(refused({ s: ['a', 'b'] })).toBe('INVALID_INPUT: Вопрос s: неверный ответ');
    expect(refused({ n: '3' })).toBe('INVALID_INPUT: Вопрос n: неверный ответ');
    expect(refused({ s: 3 })).toBe('INVALID_INPUT: Вопрос s: неверный ответ');
  });

  it('refuses a questionnaire with nothing answered', () => {
    expect(refused({})).toBe('INVALID_INPUT: Ответьте хотя бы на один вопрос');
    expect(refused({ s: '', m: [] })).toBe('INVALID_INPUT: Ответьте хотя бы на один вопрос');
  });
  it('keeps a draft questionnaire out of memory: a later read sees its edits; a frozen one is parsed once', () => {
    const doc = (text: string) => ({
      id: 'c',
      version: 1,
      factors: [{ code: 'f', name: 'Ф' }],
      items: [
        { id: 'q', group: 'pupil', factor: 'f', type: 'single', text, options: [{ value: 'a', risk: 0 }] },
      ],
    });
    const textOf = (p: ReturnType<typeof parsedInstrument>) => p.byId.get('q')?.text;
    expect(textOf(parsedInstrument('cache-test', doc('черновик'), false))).toBe('черновик');
    expect(textOf(parsedInstrument('cache-test', doc('правка'), false))).toBe('правка');
    expect(textOf(parsedInstrument('cache-test', doc('заморожено'), true))).toBe('заморожено');
    // Frozen: the same id is never parsed again (its document cannot change any more).
    expect(textOf(parsedInstrument('cache-test', doc('другое'), true))).toBe('заморожено');
    // A draft read never takes the cached copy either.
    expect(textOf(parsedInstrument('cache-test', doc('снова черновик'), false))).toBe('снова черновик');
  });
});
