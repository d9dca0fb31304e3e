import type { BulkLoader } from '../modules/assessment-data/store.js';
import type { FileStorage } from '../modules/files/storage.js';
import { identificationJob } from '../modules/identification/run-identification.js';
import { REGION_EXPORT_JOB, regionExportJob } from '../modules/region-export/export-jobs.js';
import { REPORT_JOB, reportJob } from '../modules/reports/generate-report.js';
import { PROFILE_COMPUTE_JOB, profileComputeJob } from '../modules/risk-profiles/compute-job.js';
import type { JobHandlers } from './runner.js';

/**
 * Every kind of background job the system runs. `bulk`: the fast loader of the opened database
 * (`bulkLoader(database)`), for jobs that write many rows; `storage`: the installation's file storage,
 * for jobs that read and keep files (the region export).
 */
export function jobHandlers(bulk?: BulkLoader, storage?: FileStorage): JobHandlers {
  return {
    'identification.run': identificationJob(bulk),
    [PROFILE_COMPUTE_JOB]: profileComputeJob(bulk),
    [REPORT_JOB]: reportJob,
    [REGION_EXPORT_JOB]: regionExportJob(storage),
  };
}
