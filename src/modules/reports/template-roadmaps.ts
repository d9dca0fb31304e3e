import { countLabel } from '../../lib/plural.js';
import { ROADMAP_TEXT } from '../roadmaps/strings.js';
import { recommend } from './recommend.js';
import { executionByUnit, listSchoolsOfYear } from './report-data.js';
import { pct, REPORT_WORDS } from './report-labels.js';
import type { ReportBlock } from './report-model.js';
import type { TemplateBuilder } from './templates.js';

// «Исполнение дорожных карт»: per municipality (per school below the region) the measures of the school
// year's approved roadmaps (itemsOfSchoolYear), done, done and confirmed, overdue — the dashboard's rules; recommendations on overdue
// measures and on the coverage of the year's ШНОР.

export const roadmapTemplate: TemplateBuilder = async (db, { scope, year, progress }) => {
  const rows = await executionByUnit(db, scope, year);
  await progress(0.5, 'Исполнение дорожных карт подсчитано');
  const list = await listSchoolsOfYear(db, scope, year);
  const total = rows.reduce(
    (a, r) => ({
      items: a.items + r.items,
      done: a.done + r.done,
      confirmed: a.confirmed + r.confirmed,
      overdue: a.overdue + r.overdue,
    }),
    { items: 0, done: 0, confirmed: 0, overdue: 0 },
  );
  const share = (n: number, d: number) => (d > 0 ? n / d : null);
  const worst = rows.filter((r) => r.items > 0).sort((a, b) => b.overdue / b.items - a.overdue / a.items)[0];
  const source = {
    data: `${ROADMAP_TEXT.itemsOfSchoolYear(year)} — организаций в границах справки`,
    rule: 'выполнено — статус «выполнено»; подтверждено — выполнение подтверждено вышестоящим уровнем; просрочено — срок прошёл, мероприятие не выполнено',
    year: `на ${new Date().toLocaleDateString('ru-RU')}`,
  };
  const findings = [
    `Выполнено ${countLabel(total.done, REPORT_WORDS.measureGen)} из ${total.items} (${pct(share(total.done, total.items))}), ` +
      `из них подтверждено ${pct(share(total.confirmed, total.done))}.`,
    `Просрочено ${countLabel(total.overdue, REPORT_WORDS.measureGen)} (${pct(share(total.overdue, total.items))}).`,
    ...(worst && worst.overdue > 0
      ? [`Наибольшая доля просроченных — ${worst.name}: ${pct(worst.overdue / worst.items)}.`]
      : []),
  ];
  const label = scope.kind === 'region' ? 'Муниципалитет' : 'Школа';
  const blocks: ReportBlock[] = [
    { type: 'heading', text: 'Исполнение мероприятий', level: 1 },
    {
      type: 'table',
      caption: 'Исполнение дорожных карт',
      columns: [label, 'Мероприятий', 'Выполнено', 'Подтверждено', 'Просрочено', 'Доля выполненных'],
      rows: rows.map((r) => [
        r.name,
        String(r.items),
        String(r.done),
        String(r.confirmed),
        String(r.overdue),
        pct(share(r.done, r.items)),
      ]),
      source,
    },
    {
      type: 'chart',
      caption: 'Доля выполненных и просроченных мероприятий',
      spec: {
        kind: 'bar',
        categories: rows.map((r) => r.name),
        series: [
          { name: 'Выполнено', values: rows.map((r) => share(r.done, r.items)) },
          { name: 'Просрочено', values: rows.map((r) => share(r.overdue, r.items)) },
        ],
        valueFormat: 'share',
      },
    },
    { type: 'findings', items: findings.map((text, i) => ({ id: `f${i + 1}`, text, source })) },
    {
      type: 'recommendations',
      items: recommend({ schools: list?.schools ?? [], execution: rows }, ['overdue', 'low_coverage']),
    },
  ];
  return {
    title: `Исполнение дорожных карт, ${year}/${year + 1} учебный год`,
    scope: `${scope.name}, ${year}/${year + 1} учебный год`,
    sources: ['Дорожные карты и их мероприятия в системе', `Утверждённый список ШНОР ${year} года (охват)`],
    blocks,
  };
};
