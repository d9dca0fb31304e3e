import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { practiceFiles, practices } from '../../db/schema/practices.js';
import type { EducationLevel } from '../../db/schema/values.js';
import { filterConditions } from './list-practices.js';
import { type PracticeRow, selectPractices, summariesOf } from './practice-rows.js';

// What the public site (modules/public-site) shows of the bank of practices: only practices with status
// `published`, under the given unit (its subtree), with the bank's filters. The signature and the view are the
// contract with the public site.

export const publicPracticeView = z.object({
  id: z.string(),
  title: z.string(),
  authorUnitId: z.string(),
  authorName: z.string(),
  municipalityName: z.string().nullable(),
  year: z.number().int(),
  problem: z.string(),
  actions: z.string(),
  results: z.string(),
  figures: z.array(
    z.object({
      label: z.string(),
      before: z.number().nullable(),
      after: z.number().nullable(),
      unit: z.string(),
    }),
  ),
  riskFactors: z.array(z.object({ key: z.string(), title: z.string() })),
  subjects: z.array(z.string()),
  levels: z.array(z.string()),
  contact: z.string(),
  /** materials: the public download path of each file */
  materials: z.array(z.object({ title: z.string(), href: z.string() })),
  publishedAt: z.string(),
});
export type PublicPractice = z.infer<typeof publicPracticeView>;

export type PublicPracticeFilter = {
  /** the unit whose public page lists them: its own and its subtree's practices */
  unitPath: string;
  riskFactor?: string;
  subject?: string;
  level?: string;
  q?: string;
};

export async function publishedPractices(db: Db, filter: PublicPracticeFilter): Promise<PublicPractice[]> {
  const where = [
    eq(practices.status, 'published'),
    like(orgUnits.path, `${filter.unitPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
    ...filterConditions({
      riskFactor: filter.riskFactor,
      subject: filter.subject,
      level: filter.level as EducationLevel | undefined,
      q: filter.q,
    }),
  ];
  return publicViews(db, await selectPractices(db, and(...where)));
}

export async function publishedPractice(db: Db, id: string): Promise<PublicPractice | null> {
  if (!UUID.test(id)) return null;
  const rows = await selectPractices(db, and(eq(practices.id, id), eq(practices.status, 'published')));
  return (await publicViews(db, rows))[0] ?? null;
}

/** A material of a published practice (the public site serves its body), or null. */
export async function publishedPracticeFile(db: Db, practiceId: string, practiceFileId: string) {
  if (!UUID.test(practiceId) || !UUID.test(practiceFileId)) return null;
  const [row] = await db
    .select({ file: files, title: practiceFiles.title })
    .from(practiceFiles)
    .innerJoin(practices, eq(practices.id, practiceFiles.practiceId))
    .innerJoin(files, eq(files.id, practiceFiles.fileId))
    .where(
      and(
        eq(practiceFiles.id, practiceFileId),
        eq(practiceFiles.practiceId, practiceId),
        eq(practices.status, 'published'),
      ),
    );
  return row ?? null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function publicViews(db: Db, rows: PracticeRow[]): Promise<PublicPractice[]> {
  if (rows.length === 0) return [];
  const summaries = await summariesOf(db, rows, []);
  const materials = await db
    .select({ id: practiceFiles.id, practiceId: practiceFiles.practiceId, title: practiceFiles.title })
    .from(practiceFiles)
    .where(
      inArray(
        practiceFiles.practiceId,
        rows.map((r) => r.practice.id),
      ),
    )
    .orderBy(asc(practiceFiles.createdAt), asc(practiceFiles.id));
  return rows.map((r, i) => {
    const s = summaries[i];
    const p = r.practice;
    return {
      id: p.id,
      title: p.title,
      authorUnitId: p.authorUnitId,
      authorName: r.authorName,
      municipalityName: s?.municipalityName ?? null,
      year: p.year,
      problem: p.problem,
      actions: p.actions,
      results: p.results,
      figures: p.figures,
      riskFactors: s?.riskFactors ?? [],
      subjects: p.subjects,
      levels: p.levels,
      contact: p.contact,
      materials: materials
        .filter((m) => m.practiceId === p.id)
        .map((m) => ({ title: m.title, href: `/public/practices/${p.id}/files/${m.id}` })),
      publishedAt: (p.publishedAt ?? p.updatedAt).toISOString(),
    };
  });
}
