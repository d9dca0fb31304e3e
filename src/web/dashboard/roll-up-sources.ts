import type { FigureSource } from '../../modules/reports/report-model.js';

// «Откуда эта цифра» of the roll-up's columns (issue 13 §1): the rules of dashboard-sql.ts `readRollUp`
// in words. The figures are of today, not of a year: the roadmaps in force and the drafts.

const data = 'Утверждённые и черновые дорожные карты организации и всех организаций ниже неё';
const today = 'на сегодня';

export const ROLL_UP_SOURCES: Record<'roadmaps' | 'items' | 'done' | 'overdue' | 'tasks', FigureSource> = {
  roadmaps: { data, rule: 'Число таких дорожных карт (архивные не считаются)', year: today },
  items: { data, rule: 'Все мероприятия этих дорожных карт', year: today },
  done: {
    data,
    rule: 'Доля мероприятий со статусом «выполнено» среди всех мероприятий этих карт',
    year: today,
  },
  overdue: {
    data: 'Утверждённые дорожные карты организации и организаций ниже неё',
    rule: 'Мероприятия утверждённых карт, срок которых прошёл, а статус — запланировано, в работе или перенесено',
    year: today,
  },
  tasks: {
    data: 'Мероприятия утверждённых карт вышестоящего уровня, адресованные самой организации',
    rule: 'Выполненные задачи (сама задача или связанное мероприятие своей карты) из всех адресованных',
    year: today,
  },
};
