import type { RespondentGroup } from '../../db/schema/values.js';
import { DEFAULT_RISK_FACTORS } from './default-factors.js';
import { DIRECTOR_ITEMS, TEACHER_ITEMS } from './default-items.js';
import { PARENT_ITEMS, PUPIL_ITEMS } from './default-items-families.js';
import { type Instrument, instrumentSchema } from './instrument.js';

// The system's draft of the risk-profile questionnaires (issue 11 §1): four questionnaires written by us
// for the 12 default factors, every factor asked of at least two groups where that makes sense (the
// share of pupils with ОВЗ is not a pupil's question; in-school professional development is asked of the
// director and the teachers only). A region makes its own version from this draft in the editor; the
// draft itself is never a campaign's instrument until copied (see create-instrument-version.ts).
//
// Keys the rule does not read (docs/data-formats.md): `title`, `questionnaires` (title and introduction
// of each group's questionnaire), `sections` and an item's `section`.

export const DEFAULT_INSTRUMENT_TITLE =
  'Анкеты рискового профиля школы — черновик системы (регион может адаптировать)';

const QUESTIONNAIRES: Record<RespondentGroup, { title: string; intro: string }> = {
  director: {
    title: 'Анкета директора школы',
    intro:
      'Анкета помогает увидеть, какие трудности мешают школе добиваться хороших результатов. Отвечайте о ' +
      'нынешнем учебном годе; если точных данных нет, дайте оценку. Ответы видят куратор школы и ' +
      'муниципальный координатор; по ним строится рисковый профиль школы. Займёт около 20 минут.',
  },
  teacher: {
    title: 'Анкета учителя',
    intro:
      'Ваши ответы помогут школе понять, что мешает учить и учиться, и составить программу помощи. ' +
      'Школа видит только общие итоги по всем учителям, а не ответы отдельного человека. Займёт около 15 минут.',
  },
  pupil: {
    title: 'Анкета ученика',
    intro:
      'Это не контрольная: здесь нет правильных и неправильных ответов. Мы не спрашиваем твоё имя, и никто ' +
      'не узнает, что ответил именно ты. Отвечай честно — так школа поймёт, что можно сделать лучше. ' +
      'Можно пропустить вопрос, если не знаешь ответа.',
  },
  parent: {
    title: 'Анкета для родителей',
    intro:
      'Анкета анонимная: мы не спрашиваем имя ни ваше, ни ребёнка. Ответы помогут школе понять, что ' +
      'мешает детям учиться, и наладить работу с семьями. Если детей в школе несколько, отвечайте об одном ' +
      '(старшем). Займёт около 7 минут.',
  },
};

const SECTIONS: { id: string; group: RespondentGroup; title: string }[] = [
  { id: 'd-equipment', group: 'director', title: 'Оснащение школы' },
  { id: 'd-staff', group: 'director', title: 'Кадры и профессиональное развитие' },
  { id: 'd-teaching', group: 'director', title: 'Учебный процесс и успеваемость' },
  { id: 'd-special', group: 'director', title: 'Язык обучения и ученики с ОВЗ' },
  { id: 'd-climate', group: 'director', title: 'Школьная среда и дисциплина' },
  { id: 'd-parents', group: 'director', title: 'Родители' },
  { id: 't-conditions', group: 'teacher', title: 'Условия работы' },
  { id: 't-growth', group: 'teacher', title: 'Профессиональное развитие' },
  { id: 't-lessons', group: 'teacher', title: 'Уроки и ученики' },
  { id: 't-climate', group: 'teacher', title: 'Атмосфера, дисциплина, родители' },
  { id: 'p-lessons', group: 'pupil', title: 'Про уроки' },
  { id: 'p-school', group: 'pupil', title: 'Про школу и класс' },
  { id: 'p-home', group: 'pupil', title: 'Про дом' },
  { id: 'r-school', group: 'parent', title: 'Школа и учёба ребёнка' },
  { id: 'r-family', group: 'parent', title: 'Семья и школа' },
];

export const DEFAULT_INSTRUMENT: Instrument = instrumentSchema.parse({
  id: 'opora-risk-instrument',
  version: 1,
  title: DEFAULT_INSTRUMENT_TITLE,
  systemDraft: true,
  questionnaires: QUESTIONNAIRES,
  sections: SECTIONS,
  factors: DEFAULT_RISK_FACTORS.map(({ code, name }) => ({ code, name })),
  items: [...DIRECTOR_ITEMS, ...TEACHER_ITEMS, ...PUPIL_ITEMS, ...PARENT_ITEMS],
  rule: {
    id: 'opora-risk-default',
    thresholds: { high: 0.6, medium: 0.4, low: 0.2 },
    minRespondents: { director: 1, teacher: 5, pupil: 5, parent: 5 },
  },
});
