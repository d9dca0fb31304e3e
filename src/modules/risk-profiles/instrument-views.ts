import { z } from 'zod';
import { CAMPAIGN_STATUSES, INSTRUMENT_STATUSES } from '../../db/schema/values.js';
import { instrumentSchema } from './instrument.js';

// Response shapes of questionnaires and risk factors (the API declares them; the operations return them).

const int = z.number().int();
const userRef = z.object({ id: z.uuid(), fullName: z.string() });
const groupCounts = z.object({ director: int, teacher: int, pupil: int, parent: int });

export const instrumentDocumentView = instrumentSchema.meta({ id: 'RiskInstrumentDocument' });

export const instrumentSummaryView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    versionNo: int,
    title: z.string(),
    status: z.enum(INSTRUMENT_STATUSES),
    /** optimistic concurrency of the draft */
    version: int,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: userRef.nullable(),
    items: groupCounts,
    /** campaigns using it that the actor can see */
    usedBy: z.array(
      z.object({ id: z.uuid(), title: z.string(), year: int, status: z.enum(CAMPAIGN_STATUSES) }),
    ),
  })
  .meta({ id: 'RiskInstrumentSummary' });

export const instrumentView = instrumentSummaryView
  .extend({ document: instrumentDocumentView })
  .meta({ id: 'RiskInstrument' });

export const systemDraftView = z
  .object({ title: z.string(), items: groupCounts, document: instrumentDocumentView })
  .meta({ id: 'RiskInstrumentSystemDraft' });

export const riskFactorView = z.object({ code: z.string(), name: z.string(), description: z.string() });

export const riskFactorsView = z
  .object({
    year: int,
    /** false: the region has no list of its own for the year, these are the system's defaults */
    own: z.boolean(),
    /** the list's version to send back with a save; 0 for the defaults */
    version: int,
    factors: z.array(riskFactorView),
    /** codes used by frozen instruments of the year's campaigns: they cannot be removed */
    lockedCodes: z.array(z.string()),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'RiskFactors' });

export type InstrumentSummaryView = z.infer<typeof instrumentSummaryView>;
export type InstrumentView = z.infer<typeof instrumentView>;
export type RiskFactorsView = z.infer<typeof riskFactorsView>;
