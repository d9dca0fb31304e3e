// The value lists of the tables' enumerated columns, without drizzle: the request schemas that the
// browser's forms share with the API import them from here.
// The lists are kept in values/, one module per part of the domain; this module stays the one entry point
// that about two hundred importers (the browser's among them) use.

export * from './values/monitoring.js';
export * from './values/openness.js';
export * from './values/organisation.js';
export * from './values/people.js';
export * from './values/risk-profiles.js';
export * from './values/roadmaps.js';
export * from './values/roles-units.js';
export * from './values/school-documents.js';
