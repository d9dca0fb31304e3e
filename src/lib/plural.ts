// Russian counted words: «1 мероприятие», «2 мероприятия», «5 мероприятий» (and 21, 22, 25 …).
// One copy for the whole system (the lead keeps one when merging).

const rules = new Intl.PluralRules('ru');

/** The form of the word for n: forms are [one, few, many], e.g. ['мероприятие', 'мероприятия', 'мероприятий']. */
export function plural(n: number, forms: [string, string, string]): string {
  const r = rules.select(n);
  return r === 'one' ? forms[0] : r === 'few' ? forms[1] : forms[2];
}
