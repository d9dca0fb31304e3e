import { type CountedTable, counted, WORDS } from '../../lib/counted.js';

// The Russian texts of the effect estimate: notes of the result and the command's errors.

export const EFFECT_COUNTED = {
  fewTreated: counted(
    WORDS.school,
    (n) =>
      `Поддержанных школ с R за три года мало (${n}; нужно хотя бы 10): оценка и интервал неустойчивы, выводы делать осторожно.`,
  ),
  fewComparison: counted(
    WORDS.school,
    (n) =>
      `Школ сравнения мало (${n}; нужно хотя бы 30): похожих неподдержанных школ не хватает, интервал может быть занижен.`,
  ),
  droppedTreated: counted(
    WORDS.school,
    (n) => `Не учтены школы из списка поддержки без R хотя бы в одном из трёх лет — ${n}.`,
  ),
  excluded: counted(
    WORDS.school,
    (n) => `Из группы сравнения исключены школы, поддержанные в другие годы (--exclude), — ${n}.`,
  ),
  unknownTreated: counted(WORDS.school, (n) => `Нет в пакете данных — ${n} из файла поддержанных школ`),
} satisfies CountedTable;

export const EFFECT_TEXT = {
  method: (m: number, b: number, seed: number) =>
    `разность разностей: сопоставление с ближайшими ${m} неподдержанными школами (с возвращением) ` +
    `по R(T−1), R(T) со сжатием к среднему кластера и ИСБШ(T), с поправкой на оставшиеся различия ` +
    `линейной регрессией (bias-corrected matching, Abadie–Imbens); 95 % интервал — бутстрэп по школам ` +
    `(${b} повторов, зерно ${seed})`,
  naiveVsEffect: (naive: string, effect: string) =>
    `Простое сравнение «до и после» (${naive}) завышает эффект: в список попадают школы с необычно низким R, ` +
    `а необычно низкий результат на следующий год сам по себе поднимается (регрессия к среднему). ` +
    `Похожие школы без поддержки за тот же год тоже поднялись; эффект — на сколько поддержанные поднялись сверх них (${effect}).`,
  naiveBelowEffect: (naive: string, effect: string) =>
    `Простое сравнение «до и после» (${naive}) ниже оценки эффекта (${effect}): похожие школы без поддержки ` +
    `за тот же год изменились хуже, чем поддержанные.`,
  notSignificant: 'Интервал включает ноль: по этим данным нельзя утверждать, что поддержка изменила R.',
  shrinkage:
    'R малых школ перед сравнением сжат к среднему их кластера по числу участников (эмпирический Байес); ' +
    'изменение R — без сжатия.',
  noYear: (year: number, have: number[]) =>
    `В пакете нет результатов за ${year} год (${have.length > 0 ? `есть: ${have.join(', ')}` : 'в results.csv нет строк'})`,
  noTreated: 'Ни у одной школы из списка поддержки нет R за все три года (T−1, T, T+1): оценивать нечего.',
  noComparison: (need: number) =>
    `Неподдержанных школ с R за все три года меньше ${need}: сравнивать не с чем.`,
} as const;
