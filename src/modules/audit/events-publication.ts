// The history events of publication (issue 15), part of the one closed list in events.ts.
export const PUBLICATION_EVENT_PAYLOADS = {} as const;
