import type { MonitoringForm } from '../monitoring/form.js';
import { COURSE_FORMAT_LABELS, COURSE_TOPICS, NEED_CATEGORIES } from './strings.js';

// The form of «Сбор образовательных потребностей педагогов и управленческих команд» (issue 14 §1;
// Зиминское ГМО 25, Шаранский р-н 1.1): a template of the monitoring engine (monitoring/templates.ts).
// The course demand (demand.ts) reads the table `needs` of the submitted and accepted answers.

export const NEEDS_FIELD = 'needs';

export const NEEDS_FORM: MonitoringForm = {
  sections: [
    {
      id: 'courses',
      title: 'Потребность в повышении квалификации',
      fields: [
        {
          id: NEEDS_FIELD,
          kind: 'table',
          label: 'Темы курсов, которые нужны школе',
          hint: 'Одна строка — одна тема для одной категории работников',
          required: false,
          maxRows: 40,
          columns: [
            {
              id: 'topic',
              kind: 'choice',
              label: 'Тема',
              required: true,
              options: COURSE_TOPICS.map((t) => ({ value: t.key, label: t.name })),
            },
            {
              id: 'category',
              kind: 'choice',
              label: 'Категория',
              required: true,
              options: NEED_CATEGORIES.map((c) => ({ value: c.value, label: c.label })),
            },
            { id: 'subject', kind: 'text', label: 'Предмет', maxLength: 100 },
            { id: 'people', kind: 'number', label: 'Число человек', min: 1, max: 500, required: true },
            {
              id: 'format',
              kind: 'choice',
              label: 'Желаемый формат',
              options: Object.entries(COURSE_FORMAT_LABELS).map(([value, label]) => ({ value, label })),
            },
          ],
        },
      ],
    },
    {
      id: 'help',
      title: 'Консультации и помощь',
      fields: [
        {
          id: 'consultations',
          kind: 'text',
          label: 'По каким вопросам нужны консультации',
          required: false,
          maxLength: 2000,
        },
        {
          id: 'helpKinds',
          kind: 'choice',
          label: 'Какая помощь нужна',
          required: false,
          multiple: true,
          options: [
            { value: 'mentoring', label: 'Наставничество' },
            { value: 'methodist', label: 'Выезд методиста' },
            { value: 'network', label: 'Сетевое взаимодействие со школой-наставником' },
            { value: 'materials', label: 'Методические материалы' },
          ],
        },
        { id: 'comment', kind: 'text', label: 'Комментарий школы', required: false, maxLength: 2000 },
      ],
    },
  ],
};
