import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import { byRussian } from '../../lib/sort.js';
import type { levelRefView, staffMemberView } from './views.js';

// Rows of the registry as the views show them, with each teacher's latest deficit level (if diagnosed).

type Level = z.infer<typeof levelRefView>;

/** The level of each teacher's latest diagnostic result, by staff id. */
export async function latestLevels(db: Db, staffIds: string[]): Promise<Map<string, Level>> {
  const out = new Map<string, Level>();
  if (staffIds.length === 0) return out;
  const rows = await db
    .select({
      staffId: diagnosticResults.staffMemberId,
      level: diagnosticResults.level,
      levels: deficitDiagnostics.levels,
      name: deficitDiagnostics.name,
      conductedOn: deficitDiagnostics.conductedOn,
    })
    .from(diagnosticResults)
    .innerJoin(deficitDiagnostics, eq(deficitDiagnostics.id, diagnosticResults.diagnosticId))
    .where(inArray(diagnosticResults.staffMemberId, staffIds))
    .orderBy(desc(deficitDiagnostics.conductedOn), desc(deficitDiagnostics.createdAt));
  for (const r of rows) {
    if (out.has(r.staffId)) continue;
    const l = r.levels.find((x) => x.key === r.level);
    out.set(r.staffId, {
      key: r.level,
      name: l?.name ?? r.level,
      needsRoute: l?.needsRoute ?? false,
      diagnosticName: r.name,
      conductedOn: r.conductedOn,
    });
  }
  return out;
}

/** Registry rows matching `where`, as views, in the order of the query. */
export async function memberViews(
  db: Db,
  where: SQL | undefined,
  opts: { levels?: boolean } = {},
): Promise<z.infer<typeof staffMemberView>[]> {
  const rows = await db
    .select({ m: staffMembers, schoolName: orgUnits.name, login: users.login })
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .leftJoin(users, eq(users.id, staffMembers.userId))
    .where(where ?? and());
  const levels =
    opts.levels === false
      ? new Map()
      : await latestLevels(
          db,
          rows.map((r) => r.m.id),
        );
  const views = rows.map(({ m, schoolName, login }) => ({
    id: m.id,
    schoolId: m.schoolId,
    schoolName,
    code: m.code,
    lastName: m.lastName,
    firstName: m.firstName,
    middleName: m.middleName,
    fullName: [m.lastName, m.firstName, m.middleName].filter(Boolean).join(' '),
    position: m.position,
    subjects: m.subjects,
    grades: m.grades,
    experienceYears: m.experienceYears,
    isYoung: m.isYoung,
    newlyHired: m.newlyHired,
    accountLogin: login,
    leftOn: m.leftOn,
    version: m.version,
    latestLevel: levels.get(m.id) ?? null,
  }));
  return views.sort(byRussian((v) => v.fullName));
}
