import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { signed } from '../effect/estimate.js';
import type { ReportBlock } from '../reports/report-model.js';
import { getEffect } from './get-effect.js';
import { getPositiveChange } from './positive-change.js';
import type { PositiveChangeView } from './views.js';

// The sections «Позитивные изменения» and «Эффект поддержки» of an analytic report (issue 13 §5): the same
// operations as the pages (same access, same numbers), written as report blocks — headings, paragraphs
// with numbers, tables with their source, charts as ChartSpec and findings. `schoolFacts` is the plain
// per-school shape the recommendation rules of the reports read.

const pct = (v: number | null) =>
  v === null ? '—' : `${(v * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} %`;
const pp = (v: number | null) =>
  v === null
    ? '—'
    : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} п. п.`;

export type SchoolFact = {
  schoolId: string;
  schoolName: string;
  municipalityId: string;
  municipalityName: string;
  /** null: no list of T+1 yet */
  leftList: boolean | null;
  stagnating: boolean | null;
  rChange: number | null;
  /** Share of «2» by subject in T+1 (after) and T (before), 0…1. */
  mark2BySubject: { subject: string; before: number | null; after: number | null }[];
};

/** Per-school facts of year T's ШНОР list in T+1, for the recommendation rules. */
export async function schoolFacts(
  db: Db,
  opts: { actor: Actor; unitId: string; year?: number },
): Promise<SchoolFact[]> {
  const v = await getPositiveChange(db, opts);
  return factsOf(v);
}

export function factsOf(v: PositiveChangeView): SchoolFact[] {
  return v.schools.map((s) => ({
    schoolId: s.school.id,
    schoolName: s.school.name,
    municipalityId: s.municipality.id,
    municipalityName: s.municipality.name,
    leftList: s.leftList,
    stagnating: s.stagnating,
    rChange: s.rChange,
    mark2BySubject: s.subjects,
  }));
}

export async function positiveChangeBlocks(
  db: Db,
  opts: { actor: Actor; unitId: string; year: number },
): Promise<ReportBlock[]> {
  return changeBlocks(await getPositiveChange(db, opts));
}

export function changeBlocks(v: PositiveChangeView): ReportBlock[] {
  const heading: ReportBlock = { type: 'heading', text: 'Позитивные изменения в ШНОР', level: 1 };
  const s = v.summary;
  if (!s || v.year === null || !v.sources) return [heading, { type: 'paragraph', text: v.message ?? '' }];
  const T = v.year;
  const blocks: ReportBlock[] = [
    heading,
    {
      type: 'paragraph',
      text:
        `Школ списка ШНОР ${T} года: ${s.schools}, с результатами за ${T} и ${T + 1} гг. — ${s.withResults}. ` +
        `Среднее R: ${pct(s.meanBefore)} → ${pct(s.meanAfter)} (${pp(s.meanChange)}); R вырос у ${s.improved} из ${s.withResults}. ` +
        `Выход из списка и повторное включение определены по ${v.nextListBasis}.`,
    },
  ];
  const rows = v.units.length > 0 ? v.units : [s];
  blocks.push({
    type: 'table',
    caption: v.units.length > 0 ? 'Позитивные изменения по муниципалитетам' : 'Позитивные изменения',
    columns: [
      'Организация',
      'ШНОР',
      `R ${T}`,
      `R ${T + 1}`,
      'Изменение',
      'Вышли',
      'Снова в списке',
      'Исполнение карт',
    ],
    rows: rows.map((u) => [
      u.unit.name,
      String(u.schools),
      pct(u.meanBefore),
      pct(u.meanAfter),
      pp(u.meanChange),
      u.left === null ? '—' : String(u.left),
      u.stagnating === null ? '—' : String(u.stagnating),
      pct(u.executionShare),
    ]),
    source: v.sources.r,
  });
  if (v.units.length === 0 && v.schools.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Школы',
      columns: ['Школа', `R ${T}`, `R ${T + 1}`, 'Изменение', 'Низких процедур', `Список ${T + 1}`],
      rows: v.schools.map((r) => [
        r.school.name,
        pct(r.rBefore),
        pct(r.rAfter),
        pp(r.rChange),
        `${r.lowBefore ?? '—'} → ${r.lowAfter ?? '—'}`,
        r.leftList === null ? '—' : r.leftList ? 'вышла' : 'снова в списке',
      ]),
      source: v.sources.left,
    });
  }
  if (v.charts.beforeAfter)
    blocks.push({ type: 'chart', caption: 'R до и после по школам', spec: v.charts.beforeAfter });
  if (v.charts.distribution)
    blocks.push({ type: 'chart', caption: 'Распределение изменений R', spec: v.charts.distribution });
  if (v.charts.municipalities)
    blocks.push({
      type: 'chart',
      caption: 'Муниципалитеты: среднее R до и после',
      spec: v.charts.municipalities,
    });
  const findings = [
    {
      id: 'change-r',
      text: `Среднее R школ списка ${T} года изменилось на ${pp(s.meanChange)}.`,
      source: v.sources.r,
    },
  ];
  if (s.left !== null)
    findings.push({
      id: 'change-left',
      text: `Из ${s.schools} ШНОР вышли из списка ${s.left}, снова в списке — ${s.stagnating}.`,
      source: v.sources.left,
    });
  findings.push({
    id: 'change-low',
    text: `Низких процедур у школ списка: ${s.lowBefore} в ${T} году → ${s.lowAfter} в ${T + 1} году.`,
    source: v.sources.low,
  });
  blocks.push({ type: 'findings', items: findings });
  return blocks;
}

export async function effectBlocks(
  db: Db,
  opts: { actor: Actor; unitId: string; year: number },
): Promise<ReportBlock[]> {
  const v = await getEffect(db, opts);
  const heading: ReportBlock = { type: 'heading', text: 'Эффект поддержки', level: 1 };
  const r = v.result;
  if (!r || v.year === null || !v.sources) return [heading, { type: 'paragraph', text: v.message ?? '' }];
  const T = v.year;
  const blocks: ReportBlock[] = [
    heading,
    {
      type: 'paragraph',
      text:
        `Эффект поддержки школ списка ШНОР ${T} года на R ${T + 1} года: ${signed(r.estimate)} ` +
        `(95 % интервал от ${signed(r.ciLow)} до ${signed(r.ciHigh)}); простое «до и после» — ${signed(r.naive)}. ` +
        `Поддержанных школ: ${r.treated}, школ сравнения: ${r.comparison}.`,
    },
    { type: 'paragraph', text: r.explanation },
  ];
  if (v.eventStudy) blocks.push({ type: 'chart', caption: 'Среднее R по годам', spec: v.eventStudy });
  blocks.push({
    type: 'table',
    caption: 'Баланс групп до поддержки (стандартизованная разность средних)',
    columns: ['Показатель', 'Поддержанные', 'Подобранные', 'До подбора', 'После'],
    rows: r.balance.map((b) => [
      b.covariate,
      b.treatedMean.toFixed(3).replace('.', ','),
      b.matchedMean.toFixed(3).replace('.', ','),
      b.smdBefore.toFixed(2).replace('.', ','),
      b.smdAfter.toFixed(2).replace('.', ','),
    ]),
    source: v.sources.balance,
  });
  const estimated = v.municipalities.filter((m) => m.estimate);
  if (estimated.length > 0)
    blocks.push({
      type: 'table',
      caption: 'Эффект по муниципалитетам',
      columns: ['Муниципалитет', 'Поддержанных', 'Эффект', '95 % интервал'],
      rows: estimated.map((m) => [
        m.unit.name,
        String(m.treated),
        signed(m.estimate?.estimate ?? 0),
        `${signed(m.estimate?.ciLow ?? 0)} … ${signed(m.estimate?.ciHigh ?? 0)}`,
      ]),
      source: v.sources.municipality,
    });
  blocks.push({
    type: 'findings',
    items: [
      {
        id: 'effect',
        text: r.significant
          ? `Поддержка изменила R школ списка ${T} года на ${signed(r.estimate)} (интервал не включает ноль).`
          : `По данным ${T}–${T + 1} гг. нельзя утверждать, что поддержка изменила R: оценка ${signed(r.estimate)}, интервал включает ноль.`,
        source: v.sources.effect,
      },
      ...r.notes.map((n, i) => ({ id: `effect-note-${i + 1}`, text: n })),
    ],
  });
  blocks.push({ type: 'heading', text: 'Как считается эффект', level: 2 });
  for (const p of v.methodology) blocks.push({ type: 'paragraph', text: p });
  return blocks;
}
