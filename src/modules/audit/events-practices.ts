// The history events of practices (issue 15), part of the one closed list in events.ts.
export const PRACTICE_EVENT_PAYLOADS = {} as const;
