// Russian counted words: one form each for 1, 2–4 and 5+ (21 файл, 22 файла, 25 файлов).
const rules = new Intl.PluralRules('ru');

/** The form of the word for `n`: plural(3, ['мероприятие', 'мероприятия', 'мероприятий']) → «мероприятия». */
export function plural(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const rule = rules.select(n);
  return rule === 'one' ? forms[0] : rule === 'few' ? forms[1] : forms[2];
}
