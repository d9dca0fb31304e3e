import { z } from 'zod';
import { PERIOD_KINDS, RECURRENCES, ROADMAP_KINDS } from '../../../db/schema/roadmaps.js';
import { IMPORT_LEVELS } from '../../roadmaps/import-schemas.js';

// The importer's public result (docs/import-format.md); types.ts derives its types from these.
const deadline = z.object({
  text: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  recurrence: z.enum(RECURRENCES).nullable(),
});
export const importedSubItemView = z.object({
  number: z.string().nullable(),
  level: z.enum(IMPORT_LEVELS).nullable(),
  measure: z.string(),
  description: z.string().nullable(),
  deadline,
  responsible: z.string().nullable(),
  indicator: z.string().nullable(),
});
export const importedItemView = importedSubItemView.extend({ subItems: z.array(importedSubItemView) });
export const importedRoadmapView = z
  .object({
    title: z.string(),
    period: z.string().nullable(),
    approval: z
      .object({
        body: z.string().nullable(),
        orderNumber: z.string().nullable(),
        date: z.string().nullable(),
      })
      .nullable(),
    columns: z.array(z.string()),
    sections: z.array(
      z.object({
        number: z.string().nullable(),
        title: z.string().nullable(),
        items: z.array(importedItemView),
      }),
    ),
    /** What the saving wizard needs besides the documented fields; all of it is a guess the user confirms. */
    meta: z.object({
      kind: z.enum(ROADMAP_KINDS),
      periodKind: z.enum(PERIOD_KINDS).nullable(),
      periodYear: z.number().int().nullable(),
      /** The period was not written in the title or near the table: it was inferred (see warnings). */
      periodGuessed: z.boolean(),
    }),
  })
  .meta({ id: 'ImportedRoadmap' });
export const importWarningView = z.object({ location: z.string(), message: z.string() });
export const roadmapParseView = z
  .object({ roadmaps: z.array(importedRoadmapView), warnings: z.array(importWarningView) })
  .meta({ id: 'RoadmapParseResult' });
export const savedImportView = z.array(
  z.object({
    id: z.uuid(),
    title: z.string(),
    items: z.number().int(),
    /** Saved as an archived record of a past period (not a draft). */
    archived: z.boolean(),
  }),
);
