import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import type { SchoolGroup } from '../../db/schema/values.js';
import { forbidden } from '../../lib/errors.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { staffReader } from '../access/people-rules.js';
import { bandOf, type StoredTarget, targetFor } from '../indicators/band.js';
import { loadTargets } from '../indicators/compute-indicator.js';
import { widestUnitId } from '../indicators/indicators-overview.js';
import type { UnitRef } from '../organisation/body-access.js';
import { readableChildren, readableUnitOfRegion } from '../organisation/get-coverage.js';
import { listInForce, listInForceText } from '../organisation/list-in-force.js';
import { currentSchoolYear, schoolYearLabel, schoolYearPeriod } from '../organisation/school-year.js';
import { schoolSetOf } from './binding-values.js';
import { emptyCounts, type TeacherCounts, teacherCounts } from './coverage-sql.js';
import { FIGURES, GROUP_LABELS, sharePercent } from './figures.js';
import type { PeopleCoverageView, PeopleUnitView } from './views.js';

// Teachers' support coverage of a unit and of each unit directly below it (issue 14 §1): the page, the
// API and the XLSX. Readers are the roles that read teachers' data (people-rules `staffReader`): a unit
// they do not see does not exist (404); one they see through another role (an expert, a teacher) is
// not theirs (403). Each figure is coloured against the target of its catalogue indicator (bandOf).

const ref = (u: UnitRef) => ({ id: u.id, name: u.name, kind: u.kind });

function unitView(u: UnitRef, c: TeacherCounts, year: number, targets: StoredTarget[]): PeopleUnitView {
  return {
    unit: ref(u),
    teachers: c.teachers,
    schools: c.schools,
    figures: FIGURES.map((f) => {
      const n = c[f.numerator];
      const d = c[f.denominator];
      const t = targetFor(targets, f.indicatorCode, u, year);
      return {
        key: f.key,
        numerator: n,
        denominator: d,
        share: sharePercent(n, d),
        band: bandOf(d > 0 ? n / d : null, t, f.direction),
        target: t ? { target: t.target, warn: t.warn } : null,
      };
    }),
  };
}

export async function getPeopleCoverage(
  db: Db,
  opts: { actor: Actor; unitId?: string; year?: number; group?: SchoolGroup },
): Promise<PeopleCoverageView> {
  const reader = staffReader(opts.actor);
  const widest = () => widestUnitId(db, reader.assignments.length ? reader : opts.actor);
  const unit = await readableUnitOfRegion(db, opts.actor, opts.unitId ?? (await widest()));
  const [mine] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, unit.id), pathReadable(reader, orgUnits.path) as SQL));
  if (!mine)
    throw forbidden('Охват поддержки педагогов доступен ролям, которые ведут или читают данные педагогов');
  const year = opts.year ?? currentSchoolYear();
  const group = opts.group ?? 'all';
  const children = await readableChildren(db, reader, unit.id);
  const [shnorList, riskZoneList] = await Promise.all([
    listInForce(db, { regionId: unit.regionId, year, kind: 'shnor' }),
    listInForce(db, { regionId: unit.regionId, year, kind: 'riskZone' }),
  ]);
  const set = { ...schoolSetOf(group, unit.regionId, { shnorList, riskZoneList }), within: unit.path };
  const all = [unit, ...children];
  const counts = await teacherCounts(db, {
    unitIds: all.map((u) => u.id),
    set,
    year,
    period: schoolYearPeriod(year),
  });
  const targets = await loadTargets(db, unit.regionId, { year, actor: opts.actor });
  const view = (u: UnitRef) => unitView(u, counts.get(u.id) ?? emptyCounts(), year, targets);
  const groupText =
    group === 'all'
      ? 'Все школы'
      : listInForceText(group === 'shnor' ? shnorList : riskZoneList, GROUP_LABELS[group]);
  const parent = unit.parentId
    ? await db
        .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
        .from(orgUnits)
        .where(and(eq(orgUnits.id, unit.parentId), pathReadable(reader, orgUnits.path) as SQL))
    : [];
  const now = currentSchoolYear();
  return {
    year,
    yearLabel: schoolYearLabel(year),
    years: Array.from({ length: 5 }, (_, i) => now - 3 + i),
    group,
    groupText,
    definitions: FIGURES.map((f) => ({
      key: f.key,
      label: f.label,
      indicatorCode: f.indicatorCode,
      direction: f.direction,
      source: {
        data: `Реестры педагогов, диагностики, ИОМ, наставничество и курсы; ${groupText}`,
        rule: f.rule,
        year: schoolYearLabel(year),
      },
    })),
    unit: view(unit),
    parent: parent[0] ?? null,
    children: children.map(view),
  };
}
