import { countLabel } from '../../lib/plural.js';
import { byRussian } from '../../lib/sort.js';
import { recommend } from './recommend.js';
import { executionByUnit, listSchoolsOfYear, runCounts } from './report-data.js';
import { pct, REPORT_MSG, REPORT_WORDS, ruDate } from './report-labels.js';
import type { ReportBlock } from './report-model.js';
import type { TemplateBuilder } from './templates.js';

// «Итоги выявления ШНОР»: the approved list of the year inside the scope — how many schools, where, on
// what grounds (low procedures by subject), how many repeat or stagnate, how many the run puts in the
// risk zone; findings with these numbers, recommendations by the rules.

export const identificationTemplate: TemplateBuilder = async (db, { scope, year, progress }) => {
  const data = await listSchoolsOfYear(db, scope, year);
  if (!data) throw new Error(REPORT_MSG.noData);
  await progress(0.3, 'Список ШНОР прочитан');
  const { list, schools } = data;
  const counts = await runCounts(db, scope, list.runId);
  const execution = await executionByUnit(db, scope, year);
  await progress(0.6, 'Данные расчёта и дорожных карт прочитаны');
  const source = {
    data: `утверждённый список ШНОР ${year} года${list.orderNumber ? ` (приказ № ${list.orderNumber}${list.orderDate ? ` от ${ruDate(list.orderDate)}` : ''})` : ''}`,
    rule: 'школы списка в границах справки; повторное попадание и стагнация — признаки расчёта по методике списка',
    year: String(year),
  };
  const byMun = new Map<string, { name: string; n: number; repeat: number; stagnation: number }>();
  for (const s of schools) {
    const g = byMun.get(s.municipalityId) ?? { name: s.municipalityName, n: 0, repeat: 0, stagnation: 0 };
    g.n++;
    if (s.repeat) g.repeat++;
    if (s.stagnation) g.stagnation++;
    byMun.set(s.municipalityId, g);
  }
  const muns = [...byMun.values()].sort(byRussian((g) => g.name));
  const subjects = new Map<string, number>();
  for (const s of schools)
    for (const subject of new Set(s.lowProcedures.map((p) => p.subject)))
      subjects.set(subject, (subjects.get(subject) ?? 0) + 1);
  const subjectRows = [...subjects.entries()].sort((a, b) => b[1] - a[1]);
  const repeat = schools.filter((s) => s.repeat).length;
  const stagnation = schools.filter((s) => s.stagnation).length;
  const top = muns.slice().sort((a, b) => b.n - a.n)[0];
  const findings = [
    `Утверждённый список ШНОР ${year} года: ${countLabel(schools.length, REPORT_WORDS.school)} ` +
      `(${pct(counts.schools ? schools.length / counts.schools : null)} от числа школ с результатами).`,
    ...(top ? [`Больше всего ШНОР — ${top.name}: ${countLabel(top.n, REPORT_WORDS.school)}.`] : []),
    `Вернулись в список после выхода из него (повторное попадание): ${countLabel(repeat, REPORT_WORDS.school)}; ` +
      `в списке несколько лет подряд (стагнация): ${countLabel(stagnation, REPORT_WORDS.school)}.`,
    `В зоне риска снижения результатов по расчёту — ${countLabel(counts.riskZone, REPORT_WORDS.school)}.`,
    ...(subjectRows[0]
      ? [
          `Чаще всего низкие результаты — по предмету «${subjectRows[0][0]}»: ${countLabel(subjectRows[0][1], REPORT_WORDS.school)}.`,
        ]
      : []),
  ];
  const blocks: ReportBlock[] = [
    { type: 'heading', text: 'Состав списка ШНОР', level: 1 },
    {
      type: 'table',
      caption: 'ШНОР по муниципалитетам',
      columns: ['Муниципалитет', 'ШНОР', 'Повторно', 'Стагнация'],
      rows: muns.map((g) => [g.name, String(g.n), String(g.repeat), String(g.stagnation)]),
      source,
    },
    {
      type: 'chart',
      caption: 'Число ШНОР по муниципалитетам',
      spec: {
        kind: 'bar',
        categories: muns.map((g) => g.name),
        series: [
          { name: 'ШНОР', values: muns.map((g) => g.n) },
          { name: 'Повторно', values: muns.map((g) => g.repeat) },
        ],
        valueFormat: 'number',
      },
    },
    { type: 'heading', text: 'Основания: предметы с низкими результатами', level: 1 },
    {
      type: 'table',
      caption: 'Число ШНОР с низкими результатами по предмету',
      columns: ['Предмет', 'ШНОР'],
      rows: subjectRows.map(([subject, n]) => [subject, String(n)]),
      source: { ...source, rule: 'процедуры, по которым результат школы признан низким при выявлении' },
    },
    {
      type: 'table',
      caption: 'Школы списка',
      columns: ['Школа', 'Муниципалитет', 'R', 'Повторно', 'Стагнация'],
      rows: schools.map((s) => [
        s.name,
        s.municipalityName,
        pct(s.r),
        s.repeat ? 'да' : '—',
        s.stagnation ? 'да' : '—',
      ]),
      source: { ...source, rule: 'R — индекс результатов методики opora-default: доля участников без «2»' },
    },
    { type: 'findings', items: findings.map((text, i) => ({ id: `f${i + 1}`, text, source })) },
    { type: 'recommendations', items: recommend({ schools, execution }) },
  ];
  return {
    title: `Итоги выявления школ с низкими образовательными результатами за ${year} год`,
    scope: `${scope.name}, ${year} год`,
    sources: [
      `Результаты оценочных процедур ${year} года, загруженные в систему`,
      `Утверждённый список ШНОР ${year} года и расчёт выявления, по которому он составлен`,
      'Назначения кураторов и пары со школами-наставниками; дорожные карты',
    ],
    blocks,
  };
};
