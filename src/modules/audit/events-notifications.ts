import { z } from 'zod';
import { change, changes } from './event-shapes.js';

// The history events of notifications (issue 15), part of the one closed list in events.ts.
export const NOTIFICATION_EVENT_PAYLOADS = {
  // Helper «deadlines»: the region's rules of reminders and escalation (the target is the region).
  'escalation_rule.updated': z.object({ changes: z.array(change) }),
  // A user's e-mail choice (mode, kinds at once, his address); the target is the user's settings.
  'notification_settings.updated': changes,
} as const;
