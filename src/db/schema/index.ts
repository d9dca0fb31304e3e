export * from './assessment.js';
export * from './audit.js';
export * from './auth.js';
export * from './files.js';
export * from './identification.js';
export * from './jobs.js';
export * from './orgs.js';
export * from './roadmaps.js';
