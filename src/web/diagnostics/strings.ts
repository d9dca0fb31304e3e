// Russian words of the diagnostics pages (issue 14 §1).

export const D = {
  title: 'Диагностика профессиональных дефицитов',
  empty: 'Диагностик пока нет.',
  create: 'Новая диагностика',
  repeat: 'Повторная диагностика',
  scale: 'Шкала уровней',
  upload: 'Загрузить результаты (XLSX, CSV)',
  uploadHint:
    'Столбцы: Код или Табельный номер; ФИО (или Фамилия, Имя, Отчество); ОО (код, логин или название школы); по столбцу на каждый блок (заголовок — название блока); Итого — по желанию.',
  export: 'Выгрузить XLSX',
  review: 'Проверка сопоставлений',
  apply: 'Применить',
  cancel: 'Отменить загрузку',
  skip: 'Пропустить строку',
  distribution: 'Распределение по уровням',
  teachers: 'Педагоги',
  imports: 'Загрузки',
  noResults: 'Результатов пока нет.',
  myResults: 'Мои результаты диагностик',
  noMyResults: 'Результатов диагностик пока нет.',
  change: 'Изменение',
  comparedWith: 'Сравнение с диагностикой',
  save: 'Сохранить',
} as const;

export const IMPORT_STATUS_LABELS = {
  review: 'ждёт проверки',
  applied: 'применена',
  cancelled: 'отменена',
} as const;

export const DOUBT_TEXT = {
  several: 'Несколько педагогов с таким ФИО в школе',
  near: 'ФИО совпадает не полностью (одна буква)',
  noSchool: 'Школа не найдена',
  otherSchool: 'Педагог найден только в другой школе',
  notFound: 'Педагог не найден в реестре',
} as const;

export const MATCH_TEXT = {
  code: 'по коду',
  name: 'по ФИО и школе',
  review: 'выбран при проверке',
  manual: 'вручную',
} as const;

/** Colours of the default level keys; other keys get grey. */
export const LEVEL_COLORS: Record<string, string> = {
  critical: 'red',
  high: 'orange',
  lowered: 'yellow',
  basic: 'green',
};
export const levelColor = (key: string) => LEVEL_COLORS[key] ?? 'gray';
