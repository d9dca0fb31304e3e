// The history events of notifications (issue 15), part of the one closed list in events.ts.
export const NOTIFICATION_EVENT_PAYLOADS = {} as const;
