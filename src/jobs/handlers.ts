import { runIdentificationJob } from '../modules/identification/run-identification.js';
import type { JobHandlers } from './runner.js';

/** Every kind of background job the system runs. */
export const JOB_HANDLERS: JobHandlers = {
  'identification.run': runIdentificationJob,
};
