import { z } from 'zod';

// The history events of saved assessment table mappings (issue 16 §1), part of the one closed list in
// events.ts. The target is the template (entity type `assessment_table_template`, unit = the region).

export const ASSESSMENT_TABLE_EVENT_PAYLOADS = {
  'assessment_table_template.saved': z.object({ name: z.string(), created: z.boolean() }),
  'assessment_table_template.deleted': z.object({ name: z.string() }),
} as const;
