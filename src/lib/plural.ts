// Russian counted words: «1 мероприятие», «2 мероприятия», «5 мероприятий», «21 мероприятие».
const rules = new Intl.PluralRules('ru');

/** The form of the word for `n`: forms are [one, few, many] as in «мероприятие / мероприятия / мероприятий». */
export function plural(n: number, forms: [string, string, string]): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    default:
      return forms[2];
  }
}
