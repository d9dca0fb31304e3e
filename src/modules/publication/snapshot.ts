import { z } from 'zod';
import type { PublicationKind } from '../../db/schema/values.js';

// The content of a publication as it was published (publications.snapshot), one schema per kind. The
// publishing operations (publish-*.ts) build it from the approved object; the public site renders only
// this — so the public page never reads a live table of drafts. Names of people are never put here,
// except what the approved document itself says in its executors' column (an order's appendix).

/** The order that approved the object, as the public page cites it. */
const order = z.object({ number: z.string(), date: z.string() }).nullable();

export const roadmapSnapshot = z.object({
  unitName: z.string(),
  /** «Учебный год 2025/26», «2025 год» */
  periodLabel: z.string(),
  levelLabel: z.string(),
  approvedOrder: order,
  approvedAt: z.string().nullable(),
  sections: z.array(
    z.object({
      title: z.string(),
      items: z.array(
        z.object({
          /** the live item, for its execution status when the owner shows it */
          itemId: z.string(),
          number: z.string(),
          title: z.string(),
          deadline: z.string(),
          executors: z.string(),
          indicator: z.string(),
          result: z.string(),
        }),
      ),
    }),
  ),
});
export type RoadmapSnapshot = z.infer<typeof roadmapSnapshot>;

/** A document's text: headed parts of paragraphs and tables (programs, concepts, analytic reports). */
const block = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text: z.string() }),
  z.object({
    kind: z.literal('table'),
    caption: z.string().optional(),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
]);
export const documentSnapshot = z.object({
  unitName: z.string(),
  /** «Антирисковая программа», «Аналитическая справка» */
  kindLabel: z.string(),
  year: z.number().int(),
  approvedOrder: order,
  parts: z.array(z.object({ heading: z.string(), blocks: z.array(block) })),
});
export type DocumentSnapshot = z.infer<typeof documentSnapshot>;

/**
 * An approved identification list as the region publishes it: by default only counts per
 * municipality; school names only when the region chose to publish them (options.schoolNames).
 */
export const listSnapshot = z.object({
  unitName: z.string(),
  /** «ШНОР», «ШНСУ», «Зона риска», «Резильентные школы» */
  listLabel: z.string(),
  year: z.number().int(),
  approvedOrder: order,
  total: z.number().int(),
  municipalities: z.array(z.object({ unitId: z.string(), name: z.string(), count: z.number().int() })),
  /** only when options.schoolNames: names of schools, never anything about pupils or staff */
  schools: z.array(z.object({ name: z.string(), municipality: z.string() })).nullable(),
});
export type ListSnapshot = z.infer<typeof listSnapshot>;

export const SNAPSHOT_SCHEMAS = {
  roadmap: roadmapSnapshot,
  school_document: documentSnapshot,
  analytic_report: documentSnapshot,
  identification_list: listSnapshot,
} as const satisfies Record<PublicationKind, z.ZodType>;

export type SnapshotOf<K extends PublicationKind> = z.infer<(typeof SNAPSHOT_SCHEMAS)[K]>;

export const publicationOptions = z.object({
  /** roadmap: show the live execution status of its measures on the public page */
  showExecution: z.boolean().optional(),
  /** identification list: publish the names of the schools, not only counts */
  schoolNames: z.boolean().optional(),
});
export type PublicationOptions = z.infer<typeof publicationOptions>;
