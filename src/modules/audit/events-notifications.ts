import { z } from 'zod';
import { change } from './event-shapes.js';

// The history events of notifications (issue 15), part of the one closed list in events.ts.
export const NOTIFICATION_EVENT_PAYLOADS = {
  // Helper «deadlines»: the region's rules of reminders and escalation (the target is the region).
  'escalation_rule.updated': z.object({ changes: z.array(change) }),
} as const;
