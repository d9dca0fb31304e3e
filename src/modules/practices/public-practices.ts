import { z } from 'zod';
import type { Db } from '../../db/client.js';

// What the public site (modules/public-site) shows of the bank of practices: only practices with status
// `published`, under the given unit (its subtree). Foundation slot: the helper «practices» implements
// the query with the bank's filters; the signature and the view are the contract with the public site.

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

export async function publishedPractices(_db: Db, _filter: PublicPracticeFilter): Promise<PublicPractice[]> {
  return [];
}

export async function publishedPractice(_db: Db, _id: string): Promise<PublicPractice | null> {
  return null;
}
