import type { MonitoringKind } from '../../db/schema/values.js';
import { NEEDS_FORM } from '../courses/needs-form.js';
import { NEEDS_TEMPLATE } from '../courses/strings.js';
import type { MonitoringForm } from './form.js';

// The standard monitorings a region or a municipality starts from (issue 13 §2): two forms for what the
// system does not know (resource deficits — Смоленская обл., план 2, п. 2.8; prevention of academic
// failure), the computed interim monitoring of roadmap execution (June and September) and the computed
// monitoring of positive change (г. Пенза).

export type MonitoringTemplate = {
  code: string;
  kind: MonitoringKind;
  title: string;
  description: string;
  /** months of the school year the monitoring is usually held in (6 — June, 9 — September) */
  months: number[];
  form: MonitoringForm | null;
};

const yesNo = [
  { value: 'yes', label: 'Да' },
  { value: 'no', label: 'Нет' },
];

const RESOURCE_DEFICITS: MonitoringForm = {
  sections: [
    {
      id: 'staff',
      title: 'Кадровое обеспечение',
      fields: [
        {
          id: 'teachers',
          kind: 'number',
          label: 'Педагогических работников, всего',
          required: true,
          min: 0,
          max: 1000,
          integer: true,
        },
        {
          id: 'vacancies',
          kind: 'number',
          label: 'Вакансий педагогов на начало учебного года',
          required: true,
          min: 0,
          max: 200,
          integer: true,
        },
        {
          id: 'firstCategory',
          kind: 'percentage',
          label: 'Доля педагогов с первой и высшей категорией, %',
          required: true,
        },
        {
          id: 'retirement',
          kind: 'percentage',
          label: 'Доля педагогов пенсионного возраста, %',
          required: false,
        },
        {
          id: 'deficitSubjects',
          kind: 'choice',
          label: 'Предметы, по которым не хватает учителей',
          required: false,
          multiple: true,
          options: [
            { value: 'math', label: 'Математика' },
            { value: 'russian', label: 'Русский язык' },
            { value: 'foreign', label: 'Иностранный язык' },
            { value: 'physics', label: 'Физика' },
            { value: 'chemistry', label: 'Химия' },
            { value: 'primary', label: 'Начальные классы' },
          ],
        },
        {
          id: 'vacancyList',
          kind: 'table',
          label: 'Вакансии по предметам',
          hint: 'Одна строка — одна вакансия',
          required: false,
          maxRows: 20,
          columns: [
            { id: 'subject', kind: 'text', label: 'Предмет', maxLength: 100, required: true },
            { id: 'hours', kind: 'number', label: 'Часов в неделю', min: 0, max: 60, required: true },
            {
              id: 'covered',
              kind: 'choice',
              label: 'Как закрыта',
              options: [
                { value: 'combined', label: 'Совместительство' },
                { value: 'overload', label: 'Перегрузка учителей' },
                { value: 'none', label: 'Не закрыта' },
              ],
            },
          ],
        },
      ],
    },
    {
      id: 'equipment',
      title: 'Материально-техническое оснащение',
      fields: [
        {
          id: 'computers',
          kind: 'number',
          label: 'Компьютеров, доступных обучающимся',
          required: true,
          min: 0,
          max: 5000,
          integer: true,
        },
        {
          id: 'equippedRooms',
          kind: 'percentage',
          label: 'Доля кабинетов с современным оборудованием, %',
          required: true,
        },
        {
          id: 'internet',
          kind: 'choice',
          label: 'Скорость доступа в интернет',
          required: true,
          options: [
            { value: 'none', label: 'Нет доступа' },
            { value: 'slow', label: 'Менее 50 Мбит/с' },
            { value: 'fast', label: '50 Мбит/с и более' },
          ],
        },
        {
          id: 'equipmentNeeds',
          kind: 'text',
          label: 'Чего не хватает в первую очередь',
          required: false,
          maxLength: 1000,
        },
      ],
    },
    {
      id: 'methods',
      title: 'Методическое сопровождение',
      fields: [
        {
          id: 'methodist',
          kind: 'choice',
          label: 'Есть заместитель или методист, ведущий методическую работу',
          required: true,
          options: yesNo,
        },
        {
          id: 'supportNeeds',
          kind: 'choice',
          label: 'Какая поддержка нужна',
          required: false,
          multiple: true,
          options: [
            { value: 'courses', label: 'Курсы повышения квалификации' },
            { value: 'mentoring', label: 'Наставничество' },
            { value: 'network', label: 'Сетевое взаимодействие со школой-наставником' },
            { value: 'materials', label: 'Методические материалы' },
          ],
        },
        { id: 'comment', kind: 'text', label: 'Комментарий школы', required: false, maxLength: 2000 },
      ],
    },
  ],
};

const FAILURE_PREVENTION: MonitoringForm = {
  sections: [
    {
      id: 'pupils',
      title: 'Обучающиеся с рисками учебной неуспешности',
      fields: [
        {
          id: 'pupilsTotal',
          kind: 'number',
          label: 'Обучающихся, всего',
          required: true,
          min: 0,
          max: 5000,
          integer: true,
        },
        {
          id: 'failing',
          kind: 'number',
          label: 'Неуспевающих по итогам четверти',
          required: true,
          min: 0,
          max: 5000,
          integer: true,
        },
        {
          id: 'weak',
          kind: 'number',
          label: 'Слабоуспевающих',
          required: true,
          min: 0,
          max: 5000,
          integer: true,
        },
        {
          id: 'causes',
          kind: 'choice',
          label: 'Основные причины неуспешности',
          required: true,
          multiple: true,
          options: [
            { value: 'pedagogical', label: 'Педагогические' },
            { value: 'social', label: 'Социально-бытовые' },
            { value: 'physiological', label: 'Физиологические' },
            { value: 'psychological', label: 'Психологические' },
          ],
        },
      ],
    },
    {
      id: 'measures',
      title: 'Меры профилактики',
      fields: [
        {
          id: 'routes',
          kind: 'percentage',
          label: 'Доля неуспевающих с индивидуальной образовательной траекторией, %',
          required: true,
        },
        {
          id: 'measureList',
          kind: 'table',
          label: 'Проведённые мероприятия',
          required: false,
          maxRows: 30,
          columns: [
            { id: 'title', kind: 'text', label: 'Мероприятие', maxLength: 300, required: true },
            { id: 'participants', kind: 'number', label: 'Участников', min: 0, max: 5000 },
          ],
        },
      ],
    },
  ],
};

export const MONITORING_TEMPLATES: MonitoringTemplate[] = [
  {
    code: 'roadmap_execution',
    kind: 'roadmap_execution',
    title: 'Промежуточный мониторинг реализации дорожных карт',
    description:
      'Исполнение мероприятий дорожных карт участников на дату мониторинга: выполнено в срок, просрочено, подтверждено доказательствами',
    months: [6, 9],
    form: null,
  },
  {
    code: 'positive_change',
    kind: 'positive_change',
    title: 'Мониторинг наступления позитивных изменений',
    description:
      'ШНОР утверждённого списка года начала учебного года и изменение их результатов к следующему году: R, низкие процедуры, выход из списка, исполнение карт школ (по данным системы)',
    months: [6, 9],
    form: null,
  },
  {
    code: 'indicators',
    kind: 'indicators',
    title: 'Мониторинг показателей',
    description:
      'Выбранные показатели каталога и свои показатели региона по каждому участнику, с целями и оценкой (по данным системы)',
    months: [6, 12],
    form: null,
  },
  {
    code: 'resource_deficits',
    kind: 'form',
    title: 'Мониторинг ресурсных дефицитов',
    description: 'Кадровое обеспечение, оснащение, методическое сопровождение школ (форма для заполнения)',
    months: [10],
    form: RESOURCE_DEFICITS,
  },
  {
    code: 'failure_prevention',
    kind: 'form',
    title: 'Профилактика учебной неуспешности',
    description:
      'Неуспевающие и слабоуспевающие обучающиеся, причины и меры профилактики (форма для заполнения)',
    months: [12, 5],
    form: FAILURE_PREVENTION,
  },
  // Helper «courses» (issue 14 §1): its answers make the course demand with the routes' course activities.
  {
    code: NEEDS_TEMPLATE,
    kind: 'form',
    title: 'Сбор образовательных потребностей педагогов и управленческих команд',
    description:
      'Темы курсов по категориям (управленческая команда, учителя), предметы, число человек и формат; консультации и помощь (форма для заполнения; ответы входят в запрос на ПК)',
    months: [5, 9],
    form: NEEDS_FORM,
  },
];

export const templateByCode = (code: string) => MONITORING_TEMPLATES.find((t) => t.code === code);
