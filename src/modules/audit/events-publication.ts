import { z } from 'zod';
import { PUBLICATION_KINDS } from '../../db/schema/values.js';

// The history events of publication (issue 15), part of the one closed list in events.ts. The target
// is the publication row (entity type `publication`, unit = the unit whose public page shows it); the
// payload names the published object so that the object's own history can be read from it too.

const published = z.object({
  kind: z.enum(PUBLICATION_KINDS),
  objectId: z.string(),
  version: z.number().int(),
  title: z.string(),
});

export const PUBLICATION_EVENT_PAYLOADS = {
  'publication.published': published.extend({
    showExecution: z.boolean().optional(),
    schoolNames: z.boolean().optional(),
  }),
  'publication.withdrawn': published.extend({ reason: z.string() }),
} as const;
