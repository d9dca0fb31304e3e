// Russian plural forms of counted words. One function for the server, the console and the browser, so
// that «21 мероприятие», «22 учреждения», «25 дорожных карт» come out right everywhere.

/** The three forms of a counted word: after 1 (21, 101…), after 2–4 (22, 34…), after 5–20 (11, 25…). */
export type PluralForms = readonly [one: string, few: string, many: string];

const rules = new Intl.PluralRules('ru');

/** plural(21, ['мероприятие', 'мероприятия', 'мероприятий']) → 'мероприятие'. */
export function plural(n: number, forms: PluralForms): string {
  switch (rules.select(n)) {
    case 'one':
      return forms[0];
    case 'few':
      return forms[1];
    case 'many':
      return forms[2];
    default:
      // 'other' is only for fractions in Russian («1,5 мероприятия»): the genitive singular, as after 2–4.
      return forms[1];
  }
}

/** countLabel(21, ['мероприятие', 'мероприятия', 'мероприятий']) → '21 мероприятие'; 20000 → '20 000 …'. */
export const countLabel = (n: number, forms: PluralForms): string =>
  `${n.toLocaleString('ru-RU')} ${plural(n, forms)}`;
