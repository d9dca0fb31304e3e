import { and, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { schoolNameConfirmations } from '../../db/schema/assessment-tables.js';
import { users } from '../../db/schema/auth.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { AppError, forbidden, notFound } from '../../lib/errors.js';
import { type AnyActor, isAdmin, isSystem } from '../access/actor.js';
import { regionLevelRegions } from '../access/region-level.js';
import { recordEvents } from '../audit/record-event.js';

// The school names remembered from the import dialog's confirmations (match-schools.ts), listed and
// forgotten by those who confirm them: the regional operator for his region, the administrator for any
// (the rule of the import itself, store-import.ts `loaderRights`). A wrong confirmation would otherwise
// load every next file's results of that name into the wrong school until the school is renamed.

export const schoolNameConfirmationView = z
  .object({
    id: z.uuid(),
    /** The name and municipality as the last confirmed file wrote them. */
    name: z.string(),
    municipality: z.string().nullable(),
    school: z.object({ id: z.uuid(), name: z.string(), municipality: z.string().nullable() }),
    confirmedBy: z.object({ id: z.uuid(), fullName: z.string() }).nullable(),
    confirmedAt: z.string(),
  })
  .meta({ id: 'SchoolNameConfirmation' });
export type SchoolNameConfirmationView = z.infer<typeof schoolNameConfirmationView>;

export const forgetSchoolNamesQuery = z
  .object({
    id: z
      .uuid({ message: 'Неверный идентификатор названия' })
      .optional()
      .meta({ description: 'Одно запомненное название' }),
    schoolId: z
      .uuid({ message: 'Неверный идентификатор школы' })
      .optional()
      .meta({ description: 'Все запомненные названия этой школы' }),
  })
  .refine((q) => (q.id === undefined) !== (q.schoolId === undefined), {
    message: 'Укажите одно: запомненное название (id) или школу (schoolId)',
  });

export const forgetSchoolNamesView = z
  .object({ forgotten: z.number().int() })
  .meta({ id: 'SchoolNamesForgotten' });

/** The regions whose remembered names the actor sees; null: every region. */
function nameRegions(actor: AnyActor): string[] | null {
  if (isSystem(actor) || isAdmin(actor)) return null;
  const regions = regionLevelRegions(actor, ['regional_operator']);
  if (regions.length === 0) {
    throw forbidden('Запомненные названия школ видит и забывает региональный оператор или администратор');
  }
  return regions;
}

const c = schoolNameConfirmations;
const school = alias(orgUnits, 'school');
const municipality = alias(orgUnits, 'municipality');

/** The actor's rows (and, when given, of one region only): the condition every query here carries. */
function inScope(regions: string[] | null, regionId?: string): SQL | undefined {
  return and(
    regions ? inArray(c.regionId, regions) : undefined,
    regionId ? eq(c.regionId, regionId) : undefined,
  );
}

const russian = new Intl.Collator('ru');

export async function listSchoolNameConfirmations(
  db: Db,
  opts: { actor: AnyActor; regionId?: string },
): Promise<SchoolNameConfirmationView[]> {
  const rows = await db
    .select({
      id: c.id,
      name: c.writtenName,
      municipality: c.writtenMunicipality,
      schoolId: school.id,
      schoolName: school.name,
      schoolMunicipality: municipality.name,
      userId: users.id,
      userName: users.fullName,
      confirmedAt: c.confirmedAt,
    })
    .from(c)
    .innerJoin(school, eq(school.id, c.schoolId))
    // The school's municipality: the unit of that kind on its path ("/region/…/municipality/…/school/").
    .leftJoin(
      municipality,
      and(eq(municipality.kind, 'municipality'), like(school.path, sql`${municipality.path} || '%'`)),
    )
    .leftJoin(users, eq(users.id, c.confirmedBy))
    .where(inScope(nameRegions(opts.actor), opts.regionId));
  // Russian order in JS: PostgreSQL 15 of Debian has no "unicode" collation.
  return rows
    .map(
      (r): SchoolNameConfirmationView => ({
        id: r.id,
        name: r.name,
        municipality: r.municipality,
        school: { id: r.schoolId, name: r.schoolName, municipality: r.schoolMunicipality },
        confirmedBy: r.userId ? { id: r.userId, fullName: r.userName ?? '' } : null,
        confirmedAt: r.confirmedAt.toISOString(),
      }),
    )
    .sort(
      (a, b) =>
        russian.compare(a.school.municipality ?? '', b.school.municipality ?? '') ||
        russian.compare(a.school.name, b.school.name) ||
        russian.compare(a.name, b.name),
    );
}

/**
 * Forgets one remembered name (`id`) or every name of one school (`schoolId`), with an event for each.
 * A name or a school outside the actor's regions is not found, as one that never was.
 */
export async function forgetSchoolNames(
  db: Db,
  opts: { actor: AnyActor; id?: string; schoolId?: string },
): Promise<{ forgotten: number }> {
  const regions = nameRegions(opts.actor);
  const { id, schoolId } = opts;
  if ((id === undefined) === (schoolId === undefined)) {
    throw new AppError('INVALID_INPUT', 'Укажите одно: запомненное название или школу');
  }
  return db.transaction(async (tx) => {
    if (schoolId) {
      const [found] = await tx
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(
          and(
            eq(orgUnits.id, schoolId),
            eq(orgUnits.kind, 'school'),
            regions ? or(...regions.map((r) => like(orgUnits.path, `/${r}/%`))) : undefined,
          ),
        );
      if (!found) throw notFound('Школа');
    }
    const gone = await tx
      .delete(c)
      .where(and(inScope(regions), id ? eq(c.id, id) : eq(c.schoolId, schoolId ?? '')))
      .returning({
        id: c.id,
        name: c.writtenName,
        municipality: c.writtenMunicipality,
        schoolId: c.schoolId,
        confirmedBy: c.confirmedBy,
      });
    if (id && gone.length === 0) throw notFound('Запомненное название');
    if (gone.length === 0) return { forgotten: 0 };
    const names = new Map(
      (
        await tx
          .select({ id: orgUnits.id, name: orgUnits.name })
          .from(orgUnits)
          .where(inArray(orgUnits.id, [...new Set(gone.map((g) => g.schoolId))]))
      ).map((s) => [s.id, s.name]),
    );
    const confirmers = gone.flatMap((g) => (g.confirmedBy ? [g.confirmedBy] : []));
    const people = new Map(
      confirmers.length === 0
        ? []
        : (
            await tx
              .select({ id: users.id, fullName: users.fullName })
              .from(users)
              .where(inArray(users.id, [...new Set(confirmers)]))
          ).map((u) => [u.id, u.fullName]),
    );
    await recordEvents(
      tx as unknown as Db,
      opts.actor,
      'school_name_confirmation.forgotten',
      gone.map((g) => ({
        target: { entityType: 'school_name_confirmation', entityId: g.id, orgUnitId: g.schoolId },
        payload: {
          name: g.name,
          writtenMunicipality: g.municipality,
          school: names.get(g.schoolId) ?? '',
          confirmedBy: g.confirmedBy ? (people.get(g.confirmedBy) ?? null) : null,
          allOfSchool: schoolId !== undefined,
        },
      })),
    );
    return { forgotten: gone.length };
  });
}
