import { z } from 'zod';

// Payload shapes shared by the history events of every area (events.ts, events-people.ts).
export const change = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });
export const changes = z.object({ changes: z.array(change) });
export const named = z.object({ title: z.string() });
