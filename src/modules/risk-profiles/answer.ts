import type { InstrumentItem } from './instrument.js';
import type { Answer } from './score-profile.js';

// One answer to one item, from text (a cell of the responses file, a field of the answering page) to
// what the rule scores. No Node or database imports: the browser checks answers with it too.

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** "3,5", "3.5", "1 200" → a number; null when it is not one. */
export function parseNumberAnswer(text: string): number | null {
  // Russian spreadsheets write a decimal comma and group digits with (non-breaking) spaces.
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * The answer of one row checked against its item: undefined for an empty answer (no answer, for every
 * type), or the error's text.
 */
export function readAnswer(item: InstrumentItem, text: string): { answer?: Answer; error?: string } {
  if (item.type === 'number') {
    if (text === '') return {};
    const n = parseNumberAnswer(text);
    return n === null ? { error: `вопрос ${item.id}: «${text}» — не число` } : { answer: n };
  }
  const values = text
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (values.length === 0) return {};
  if (values.length > 1 && item.type !== 'multi') {
    return { error: `вопрос ${item.id} допускает один ответ, а указано ${values.length}: «${text}»` };
  }
  const unknown = values.filter((v) => !item.options?.some((o) => o.value === v));
  if (unknown.length > 0) {
    const known = (item.options ?? []).map((o) => o.value).join(', ');
    return {
      error: `вопрос ${item.id}: нет варианта ответа ${unknown.map((v) => `«${v}»`).join(', ')} (есть: ${known})`,
    };
  }
  return { answer: item.type === 'multi' ? values : (values[0] as string) };
}
