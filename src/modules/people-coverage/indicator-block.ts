import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { SCHOOL_GROUPS } from '../../db/schema/values.js';
import { type Block, pct } from '../indicators/block.js';
import type { IndicatorDef } from '../indicators/catalogue.js';
import { listInForce, listInForceText } from '../organisation/list-in-force.js';
import { schoolYearLabel, schoolYearPeriod } from '../organisation/school-year.js';
import { schoolSetOf } from './binding-values.js';
import { teacherCounts, teacherCountsSql } from './coverage-sql.js';
import { FIGURE_KEYS, FIGURES, type FigureKey, figureByKey, GROUP_LABELS } from './figures.js';

// Teachers' support coverage as a block of the indicators' catalogue (issue 13 §1 registry): the same
// per-school SQL as the page (coverage-sql.ts), so an indicator, its targets and the page agree.

export const teachersParams = z
  .object({
    figure: z.enum(FIGURE_KEYS, { message: 'Выберите, что считать охватом педагогов' }),
    group: z.enum(SCHOOL_GROUPS, { message: 'Выберите группу школ' }).default('all'),
  })
  .strict();

async function lists(db: Parameters<Block<unknown>['base']>[0], regionId: string, year: number) {
  const [shnorList, riskZoneList] = await Promise.all([
    listInForce(db, { regionId, year, kind: 'shnor' }),
    listInForce(db, { regionId, year, kind: 'riskZone' }),
  ]);
  return { shnorList, riskZoneList };
}

const dataText = (group: keyof typeof GROUP_LABELS, l: Awaited<ReturnType<typeof lists>>) =>
  group === 'all'
    ? 'Реестры педагогов всех школ, диагностики, ИОМ, наставничество и курсы'
    : `Реестры педагогов школ: ${listInForceText(group === 'shnor' ? l.shnorList : l.riskZoneList, GROUP_LABELS[group])}`;

export const teachersBlock: Block<z.output<typeof teachersParams>> = {
  code: 'teachers_support',
  title: 'Охват поддержкой педагогов',
  unit: 'share',
  params: teachersParams,
  async base(db, { regionId, year, params }) {
    const f = figureByKey(params.figure);
    const l = await lists(db, regionId, year);
    const set = schoolSetOf(params.group, regionId, l);
    const source = { data: dataText(params.group, l), rule: f.rule, year: schoolYearLabel(year) };
    if (!set.all && !set.listId) return { schools: null, source };
    const per = teacherCountsSql(set, year, schoolYearPeriod(year));
    const col = (k: string) => sql.raw(k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    return {
      schools: sql`select t.id, t.path, t.${col(f.numerator)} as num, t.${col(f.denominator)} as den from (${per}) t`,
      source,
    };
  },
  async data(db, { regionId, year, params, schoolId }) {
    const l = await lists(db, regionId, year);
    const counts = await teacherCounts(db, {
      unitIds: [schoolId],
      set: schoolSetOf(params.group, regionId, l),
      year,
      period: schoolYearPeriod(year),
    });
    const c = counts.get(schoolId);
    return {
      title: 'Поддержка педагогов школы: числа за долями (без имён)',
      columns: ['Что считается', 'Числитель', 'Знаменатель', 'Доля'],
      rows: c
        ? FIGURES.map((f) => [
            f.label,
            String(c[f.numerator]),
            String(c[f.denominator]),
            pct(c[f.numerator], c[f.denominator]),
          ])
        : [],
      source: {
        data: dataText(params.group, l),
        rule: figureByKey(params.figure).rule,
        year: schoolYearLabel(year),
      },
    };
  },
};

/** The catalogue's indicators of teachers' support: one per figure, over all schools of the unit. */
export const teachersIndicators = (
  cat: (d: Omit<IndicatorDef, 'own' | 'unit'>) => IndicatorDef,
): IndicatorDef[] =>
  FIGURES.map((f) =>
    cat({
      code: f.indicatorCode,
      title: `Педагоги: ${f.label.toLowerCase()}`,
      direction: f.direction,
      definition: `${f.rule}.`,
      block: 'teachers_support',
      params: { figure: f.key as FigureKey, group: 'all' },
    }),
  );
