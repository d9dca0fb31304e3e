import { asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practices } from '../../db/schema/practices.js';
import { riskFactors } from '../../db/schema/risk-reference.js';
import { EDUCATION_LEVELS, type EducationLevel } from '../../db/schema/values.js';
import { DEFAULT_RISK_FACTORS } from '../risk-profiles/default-factors.js';
import type { PracticeSummary } from './views.js';

// Reading practices with their author, the author's municipality and the titles of their risk factors:
// one query shape for the bank's list, the card, «Похожие школы» and the public site. Callers add the
// access condition (practiceVisible) or the public one (status = 'published').

export const parentUnit = alias(orgUnits, 'practice_parent');

export const practiceColumns = {
  practice: practices,
  authorPath: orgUnits.path,
  authorName: orgUnits.name,
  authorKind: orgUnits.kind,
  parentId: parentUnit.id,
  parentName: parentUnit.name,
  parentKind: parentUnit.kind,
};

export type PracticeRow = {
  practice: typeof practices.$inferSelect;
  authorPath: string;
  authorName: string;
  authorKind: string;
  parentId: string | null;
  parentName: string | null;
  parentKind: string | null;
};

export async function selectPractices(db: Db, where: SQL | undefined): Promise<PracticeRow[]> {
  return db
    .select(practiceColumns)
    .from(practices)
    .innerJoin(orgUnits, eq(orgUnits.id, practices.authorUnitId))
    .leftJoin(parentUnit, eq(parentUnit.id, orgUnits.parentId))
    .where(where)
    .orderBy(sql`${practices.publishedAt} desc nulls last`, desc(practices.updatedAt), asc(practices.id));
}

/** «%text%» for ILIKE with the pattern characters of the text escaped. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The text search of the bank: title, problem, actions, results — case-insensitive on both engines. */
export function textMatches(q: string): SQL {
  const like = likePattern(q);
  return sql`(${practices.title} ilike ${like} or ${practices.problem} ilike ${like} or ${practices.actions} ilike ${like} or ${practices.results} ilike ${like})`;
}

/** Titles of risk factor codes: the region's own lists (the latest year wins), else the system's defaults. */
export async function factorTitles(db: Db, regionIds: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>(DEFAULT_RISK_FACTORS.map((f) => [f.code, f.name]));
  if (regionIds.length === 0) return titles;
  const rows = await db
    .select({ code: riskFactors.code, name: riskFactors.name })
    .from(riskFactors)
    .where(inArray(riskFactors.regionId, [...new Set(regionIds)]))
    .orderBy(asc(riskFactors.year));
  for (const r of rows) titles.set(r.code, r.name);
  return titles;
}

const isLevel = (l: string): l is EducationLevel => (EDUCATION_LEVELS as readonly string[]).includes(l);

export const regionIdOf = (path: string) => path.split('/')[1] ?? '';

export function summaryOf(
  r: PracticeRow,
  titles: Map<string, string>,
  ownPaths: readonly string[],
): PracticeSummary {
  const p = r.practice;
  const isSchool = r.authorKind === 'school';
  return {
    id: p.id,
    title: p.title,
    authorUnitId: p.authorUnitId,
    authorName: r.authorName,
    authorKind: isSchool ? 'school' : 'municipality',
    municipalityId: isSchool ? (r.parentKind === 'municipality' ? r.parentId : null) : p.authorUnitId,
    municipalityName: isSchool ? (r.parentKind === 'municipality' ? r.parentName : null) : r.authorName,
    year: p.year,
    status: p.status,
    problem: p.problem,
    figures: p.figures,
    riskFactors: p.riskFactors.map((key) => ({ key, title: titles.get(key) ?? key })),
    subjects: p.subjects,
    levels: p.levels.filter(isLevel),
    submittedAt: p.submittedAt?.toISOString() ?? null,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    own: ownPaths.includes(r.authorPath),
  };
}

/** Summaries of rows with their factor titles read once. */
export async function summariesOf(db: Db, rows: PracticeRow[], ownPaths: readonly string[]) {
  const titles = await factorTitles(
    db,
    rows.map((r) => regionIdOf(r.authorPath)),
  );
  return rows.map((r) => summaryOf(r, titles, ownPaths));
}
