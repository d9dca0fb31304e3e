import type { TableField } from '../modules/assessment-data/tables/mapping.js';

// The Russian names of the fields of an assessment table's mapping: the choices of the mapping step in the
// browser and the field names in the recogniser's messages — one list, so they never differ.

export const TABLE_FIELD_LABELS: Record<TableField, string> = {
  school_code: 'Код ОО',
  school_login: 'Логин ОО',
  school_name: 'Наименование ОО',
  municipality: 'Муниципалитет',
  year: 'Год',
  assessment: 'Процедура (ВПР, ОГЭ…)',
  subject: 'Предмет',
  grade: 'Класс',
  participants: 'Количество участников',
  mark2: 'Отметка «2» (число)',
  mark3: 'Отметка «3» (число)',
  mark4: 'Отметка «4» (число)',
  mark5: 'Отметка «5» (число)',
  pct2: '% «2»',
  pct3: '% «3»',
  pct4: '% «4»',
  pct5: '% «5»',
  below_min: 'Не преодолели минимальный порог (число)',
  pct_below_min: '% не преодолевших порог',
  average: 'Средний балл (не загружается)',
  lowered: 'Понизили (число)',
  confirmed: 'Подтвердили (число)',
  raised: 'Повысили (число)',
  pct_lowered: '% понизивших',
  pct_confirmed: '% подтвердивших',
  pct_raised: '% повысивших',
  ignore: '— не загружать —',
};
