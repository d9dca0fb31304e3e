import { countLabel } from '../../lib/plural.js';
import { recommend } from './recommend.js';
import { executionByUnit, listSchoolsOfYear, rByYear } from './report-data.js';
import { pct, REPORT_MSG, REPORT_WORDS } from './report-labels.js';
import type { ReportBlock } from './report-model.js';
import type { TemplateBuilder } from './templates.js';

// «Динамика результатов ШНОР»: R (share of participants without «2», `opora-default`) and the share of
// «2» (1 − R) of the schools of the year's list over every year of the region's data, beside all schools
// of the scope — R as the analysis pages compute it (rByYear). A description, not an estimate of the effect: the list was chosen for
// low results, which rise by themselves (the «Эффект поддержки» template says how much).

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const pp = (d: number) =>
  `${d >= 0 ? '+' : '−'}${(Math.round(Math.abs(d) * 1000) / 10).toLocaleString('ru-RU')} п. п.`;

export const dynamicsTemplate: TemplateBuilder = async (db, { scope, year, progress }) => {
  const data = await listSchoolsOfYear(db, scope, year);
  if (!data) throw new Error(REPORT_MSG.noData);
  const ids = data.schools.map((s) => s.id);
  const series = (await rByYear(db, scope, ids)).map((y) => ({
    year: y.year,
    list: mean([...y.r.values()]),
    all: y.meanAll,
    r: y.r,
  }));
  await progress(0.7, 'Результаты по годам рассчитаны');
  const base = series.find((s) => s.year === year);
  const last = series[series.length - 1];
  const source = {
    data: `результаты оценочных процедур по годам; школы утверждённого списка ШНОР ${year} года`,
    rule: 'R — доля участников без «2» по методике opora-default на загруженных сейчас данных, тот же расчёт, что на страницах «Позитивные изменения» и «Эффект поддержки»; доля «2» = 1 − R; среднее по школам без весов',
    year: series.map((s) => s.year).join(', '),
  };
  const findings: string[] = [];
  if (base?.list != null && last && last.year !== year && last.list != null) {
    const improved = ids.filter((id) => {
      const a = base.r.get(id);
      const b = last.r.get(id);
      return a !== undefined && b !== undefined && b > a;
    }).length;
    findings.push(
      `Средний R школ списка ${year} года: ${pct(base.list)} в ${year} году и ${pct(last.list)} в ${last.year} году (${pp(last.list - base.list)}).`,
      `Результаты выросли у ${countLabel(improved, REPORT_WORDS.schoolGen)} из ${data.schools.length}.`,
    );
    if (base.all != null && last.all != null)
      findings.push(
        `По всем школам средний R изменился с ${pct(base.all)} до ${pct(last.all)} (${pp(last.all - base.all)}). ` +
          'Рост ШНОР нельзя целиком считать эффектом поддержки: школы попали в список из-за необычно низких ' +
          'результатов, которые и без поддержки склонны расти (возврат к среднему); честная оценка — справка «Эффект поддержки».',
      );
  } else if (base?.list != null) {
    findings.push(
      `Средний R школ списка ${year} года — ${pct(base.list)} при ${pct(base.all)} по всем школам; результатов следующего года ещё нет.`,
    );
  }
  const execution = await executionByUnit(db, scope, year);
  const blocks: ReportBlock[] = [
    { type: 'heading', text: 'Результаты школ списка по годам', level: 1 },
    {
      type: 'table',
      caption: 'Средний R и доля «2»',
      columns: ['Год', 'R ШНОР', 'Доля «2» ШНОР', 'R всех школ'],
      rows: series.map((s) => [
        String(s.year),
        pct(s.list),
        pct(s.list === null ? null : 1 - s.list),
        pct(s.all),
      ]),
      source,
    },
    {
      type: 'chart',
      caption: 'Средний R школ списка и всех школ',
      spec: {
        kind: 'line',
        categories: series.map((s) => String(s.year)),
        series: [
          { name: `ШНОР ${year} года`, values: series.map((s) => s.list) },
          { name: 'Все школы', values: series.map((s) => s.all) },
        ],
        valueFormat: 'share',
      },
    },
    {
      type: 'table',
      caption: 'R школ списка по годам',
      columns: ['Школа', ...series.map((s) => String(s.year))],
      rows: data.schools.map((sc) => [sc.name, ...series.map((s) => pct(s.r.get(sc.id)))]),
      source,
    },
    { type: 'findings', items: findings.map((text, i) => ({ id: `f${i + 1}`, text, source })) },
    {
      type: 'recommendations',
      items: recommend({ schools: data.schools, execution }, ['subject_low', 'stagnation']),
    },
  ];
  return {
    title: `Динамика образовательных результатов ШНОР списка ${year} года`,
    scope: `${scope.name}, ${series[0]?.year ?? year}–${last?.year ?? year} годы`,
    sources: [
      'Результаты оценочных процедур, загруженные в систему, по годам',
      `Утверждённый список ШНОР ${year} года`,
    ],
    blocks,
  };
};
