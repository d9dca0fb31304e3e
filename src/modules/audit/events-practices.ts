import { z } from 'zod';
import { changes } from './event-shapes.js';

// The history events of practices (issue 15), part of the one closed list in events.ts. The target is
// the practice; its org unit is the author's unit.
export const PRACTICE_EVENT_PAYLOADS = {
  'practice.created': z.object({ title: z.string(), authorUnitId: z.string() }),
  'practice.updated': changes,
  'practice.submitted': z.object({ title: z.string(), resubmitted: z.boolean() }),
  'practice.reviewed': z.object({
    decision: z.string(),
    comment: z.string(),
    score: z.number(),
    maxScore: z.number(),
    reviewerUnitId: z.string(),
  }),
  'practice.published': z.object({ title: z.string() }),
  'practice.withdrawn': z.object({ title: z.string(), reason: z.string() }),
  'practice.file_attached': z.object({
    practiceFileId: z.string(),
    fileId: z.string(),
    fileName: z.string(),
  }),
  'practice.file_removed': z.object({ practiceFileId: z.string(), fileId: z.string(), fileName: z.string() }),
} as const;
