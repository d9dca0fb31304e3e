import type { ROLES } from '../../db/schema/values.js';
import { ROADMAP_FIELD_LABELS } from '../roadmaps/field-labels.js';
import {
  ITEM_STATUS_LABELS,
  LEVEL_LABELS,
  ROADMAP_KIND_LABELS,
  ROADMAP_STATUS_LABELS,
} from '../roadmaps/types.js';

// Russian names of the fields and payload keys the audit log shows (issue 17 §7): the «Поле» of a
// change and the label of a payload value. A field without a name here shows as it is stored — never
// the whole payload as JSON.

export const FIELD_LABELS: Record<string, string> = {
  // Roadmaps, items: the words of the roadmap pages, and a few more.
  ...ROADMAP_FIELD_LABELS,
  // People and accounts.
  login: 'Логин',
  fullName: 'ФИО',
  email: 'Электронная почта',
  isActive: 'Активна',
  position: 'Должность',
  role: 'Роль',
  ip: 'IP-адрес',
  method: 'Способ входа',
  by: 'Кем',
  provider: 'Поставщик входа',
  subject: 'Внешний идентификатор',
  created: 'Создана',
  added: 'Добавлено',
  removed: 'Удалено',
  changed: 'Изменено',
  fromDirectory: 'Была выдана каталогом LDAP',
  left: 'Осталось',
  count: 'Количество',
  rows: 'Строк',
  filter: 'Отбор',
  counts: 'Количество по таблицам',
  // Common payload keys.
  name: 'Название',
  text: 'Текст',
  fileName: 'Файл',
  format: 'Формат',
  classLabel: 'Класс',
  category: 'Категория',
  year: 'Год',
  reason: 'Причина',
  decision: 'Решение',
  from: 'Было',
  to: 'Стало',
  code: 'Код',
  versionNo: 'Версия',
  version: 'Версия',
  items: 'Мероприятий',
  sections: 'Разделов',
  results: 'Результатов',
  years: 'Годы',
  date: 'Дата',
  topic: 'Тема',
  subjects: 'Предметы',
  conclusion: 'Заключение',
  total: 'Итог',
  schools: 'Школ',
  units: 'Организаций',
  updated: 'Обновлено',
  written: 'Записано',
  replaced: 'Заменено',
  skipped: 'Пропущено',
  score: 'Баллы',
  maxScore: 'Наибольший балл',
  leftOn: 'Дата выбытия',
  excludedOn: 'Дата исключения',
  purgeAfter: 'Удалить после',
  automatic: 'Автоматически',
  archived: 'В архиве',
  identityChanged: 'Изменены ФИО или дата рождения',
  sourceVersion: 'Версия источника',
  // Remembered school names of assessment tables.
  school: 'Школа',
  writtenMunicipality: 'Муниципалитет в файле',
  confirmedBy: 'Подтвердил',
  allOfSchool: 'Все названия школы',
};

const ROLE_NAMES: Record<(typeof ROLES)[number], string> = {
  admin: 'Администратор',
  regional_operator: 'Региональный оператор',
  regional_center: 'Региональный центр',
  municipal_coordinator: 'Муниципальный координатор',
  curator: 'Куратор',
  school_team: 'Управленческая команда ОО',
  expert: 'Эксперт',
  teacher: 'Учитель',
  security_officer: 'Ответственный за информационную безопасность',
};

/** Stored codes shown in words where the field is known to carry them. */
const UNIT_KINDS = {
  region: 'регион',
  municipality: 'муниципалитет',
  school: 'школа',
  institution: 'учреждение',
};
const VALUE_WORDS: Record<string, Record<string, string>> = {
  role: ROLE_NAMES,
  level: { ...LEVEL_LABELS, ...UNIT_KINDS },
  kind: { ...ROADMAP_KIND_LABELS, ...UNIT_KINDS },
  status: { ...ROADMAP_STATUS_LABELS, ...ITEM_STATUS_LABELS },
  from: { ...ROADMAP_STATUS_LABELS, ...ITEM_STATUS_LABELS },
  to: { ...ROADMAP_STATUS_LABELS, ...ITEM_STATUS_LABELS },
  by: { self: 'сам пользователь', admin: 'администратор' },
  method: { password: 'пароль', ldap: 'каталог LDAP' },
  decision: { confirmed: 'подтверждено', returned: 'возвращено', include: 'включить', exclude: 'исключить' },
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

/** One stored value in words: «—» for nothing, «да»/«нет», lists joined, objects as «ключ: значение». */
export function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'да' : 'нет';
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'string') {
    if (field === 'method' && v.startsWith('oidc:')) return `единый вход (${v.slice(5)})`;
    return VALUE_WORDS[field]?.[v] ?? v;
  }
  if (Array.isArray(v)) return v.length === 0 ? '—' : v.map((x) => valueText(field, x)).join(', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const named = o.title ?? o.name ?? o.fullName;
    if (typeof named === 'string') return named;
    return Object.entries(o)
      .filter(([k]) => !isIdKey(k))
      .map(([k, x]) => `${fieldLabel(k)}: ${valueText(k, x)}`)
      .join('; ');
  }
  return String(v);
}

/** Ids mean nothing to a reader; the object column and its link carry what they point to. */
export const isIdKey = (k: string) => /(Id|Ids)$/.test(k) || k === 'id' || k === 'seed';
