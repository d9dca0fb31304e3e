import type { BulkLoader } from '../modules/assessment-data/store.js';
import { identificationJob } from '../modules/identification/run-identification.js';
import { REPORT_JOB, reportJob } from '../modules/reports/generate-report.js';
import { PROFILE_COMPUTE_JOB, profileComputeJob } from '../modules/risk-profiles/compute-job.js';
import type { JobHandlers } from './runner.js';

/**
 * Every kind of background job the system runs. `bulk`: the fast loader of the opened database
 * (`bulkLoader(database)`), for jobs that write many rows.
 */
export function jobHandlers(bulk?: BulkLoader): JobHandlers {
  return {
    'identification.run': identificationJob(bulk),
    [PROFILE_COMPUTE_JOB]: profileComputeJob(bulk),
    [REPORT_JOB]: reportJob,
  };
}
