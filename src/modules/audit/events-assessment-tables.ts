import { z } from 'zod';

// The history events of saved assessment table mappings (issue 16 §1), part of the one closed list in
// events.ts. The target is the template (entity type `assessment_table_template`, unit = the region), or
// a remembered school name (`school_name_confirmation`, unit = the school it was matched to).

export const ASSESSMENT_TABLE_EVENT_PAYLOADS = {
  'assessment_table_template.saved': z.object({ name: z.string(), created: z.boolean() }),
  'assessment_table_template.deleted': z.object({ name: z.string() }),
  /** A name remembered from a confirmation is forgotten: the next file naming the school so asks again. */
  'school_name_confirmation.forgotten': z.object({
    /** The name and municipality as the file wrote them. */
    name: z.string(),
    writtenMunicipality: z.string().nullable(),
    school: z.string(),
    confirmedBy: z.string().nullable(),
    /** Forgotten with every other name of the school at once. */
    allOfSchool: z.boolean(),
  }),
} as const;
