import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { deficitDiagnostics, diagnosticResults, staffMembers } from '../../db/schema/people.js';
import type { DeficitLevel } from '../../db/schema/values.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { staffVisible } from '../access/people-rules.js';
import { fullNameOf } from './import-store.js';
import { levelOfScore, percentOf } from './levels.js';
import type { teacherResultsView } from './views.js';

// A teacher's results over time (issue 14 §1): each diagnostic, per block the percent and the level, and
// the change from the previous result — of the diagnostic this one repeats (`previousId`), else the
// teacher's previous result by date. Read by those who read the school's teachers, and by the teacher
// himself (`staffVisible`); a teacher never reads a colleague's results (404).

type TeacherResults = z.infer<typeof teacherResultsView>;

const levelName = (levels: DeficitLevel[], key: string) => levels.find((l) => l.key === key)?.name ?? key;

async function resultsOf(
  db: Db,
  staff: { id: string; fullName: string; schoolName: string },
): Promise<TeacherResults> {
  const rows = await db
    .select({ r: diagnosticResults, d: deficitDiagnostics })
    .from(diagnosticResults)
    .innerJoin(deficitDiagnostics, eq(deficitDiagnostics.id, diagnosticResults.diagnosticId))
    .where(eq(diagnosticResults.staffMemberId, staff.id));
  rows.sort(
    (a, b) =>
      a.d.conductedOn.localeCompare(b.d.conductedOn) || a.d.createdAt.getTime() - b.d.createdAt.getTime(),
  );
  const byDiagnostic = new Map(rows.map((x) => [x.d.id, x]));
  return {
    staffId: staff.id,
    fullName: staff.fullName,
    schoolName: staff.schoolName,
    results: rows.map(({ r, d }, i) => {
      const prev =
        (d.previousId ? byDiagnostic.get(d.previousId) : undefined) ?? (i > 0 ? rows[i - 1] : undefined);
      return {
        diagnosticId: d.id,
        diagnosticName: d.name,
        conductedOn: d.conductedOn,
        totalPercent: r.totalPercent,
        level: r.level,
        levelName: levelName(d.levels, r.level),
        levels: d.levels,
        blocks: d.blocks.map((b) => {
          const score = r.scores[b.key] ?? 0;
          const percent = percentOf(score, b.maxScore);
          const pb = prev?.d.blocks.find((x) => x.key === b.key);
          const before =
            prev && pb
              ? (() => {
                  const prevScore = prev.r.scores[b.key] ?? 0;
                  const p = percentOf(prevScore, pb.maxScore);
                  const l = levelOfScore(prevScore, pb.maxScore, prev.d.levels);
                  return { percent: p, level: l.key, levelName: l.name };
                })()
              : null;
          const level = r.blockLevels[b.key] ?? levelOfScore(score, b.maxScore, d.levels).key;
          return {
            key: b.key,
            name: b.name,
            score,
            maxScore: b.maxScore,
            percent,
            level,
            levelName: levelName(d.levels, level),
            before,
          };
        }),
        previous: prev
          ? { diagnosticId: prev.d.id, diagnosticName: prev.d.name, totalPercent: prev.r.totalPercent }
          : null,
      };
    }),
  };
}

const staffCols = {
  id: staffMembers.id,
  lastName: staffMembers.lastName,
  firstName: staffMembers.firstName,
  middleName: staffMembers.middleName,
  schoolName: orgUnits.name,
};

export async function getTeacherResults(
  db: Db,
  opts: { actor: Actor; staffId: string },
): Promise<TeacherResults> {
  const [s] = await db
    .select(staffCols)
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(
      and(eq(staffMembers.id, opts.staffId), staffVisible(opts.actor, orgUnits.path, staffMembers.userId)),
    );
  if (!s) throw notFound('Педагог');
  return resultsOf(db, { id: s.id, fullName: fullNameOf(s), schoolName: s.schoolName });
}

/** The actor's own results: every staff record linked to his account (usually one). */
export async function getMyResults(db: Db, opts: { actor: Actor }): Promise<TeacherResults[]> {
  const own = await db
    .select(staffCols)
    .from(staffMembers)
    .innerJoin(orgUnits, eq(orgUnits.id, staffMembers.schoolId))
    .where(eq(staffMembers.userId, opts.actor.userId));
  const out: TeacherResults[] = [];
  for (const s of own)
    out.push(await resultsOf(db, { id: s.id, fullName: fullNameOf(s), schoolName: s.schoolName }));
  return out;
}
