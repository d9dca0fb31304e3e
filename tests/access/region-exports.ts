import { eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import type { Db } from '../../src/db/client.js';
import { users } from '../../src/db/schema/auth.js';
import { files } from '../../src/db/schema/files.js';
import { jobs } from '../../src/db/schema/jobs.js';
import { databaseStorage } from '../../src/modules/files/storage.js';
import { sha256 } from '../../src/modules/region-export/archive.js';
import { REGION_EXPORT_JOB } from '../../src/modules/region-export/export-jobs.js';
import type { Target } from './requests.js';
import type { Samples } from './samples.js';
import { LOGINS, type Login } from './scope.js';

// Region export (issue 17 §6): a finished export of the demo region made by the administrator — its
// progress and its archive are the administrator's alone; every other role is refused (403).

export type RegionExportSamples = { doneId: string };

export async function regionExportSamples(db: Db, regionId: string): Promise<RegionExportSamples> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.login, 'admin'));
  if (!admin) throw new Error('no admin account in the demo');
  const data = Buffer.from(zipSync({ 'manifest.json': Buffer.from('{}') }));
  const key = sha256(data);
  await databaseStorage(db).put(key, data);
  const [file] = await db
    .insert(files)
    .values({
      storageKey: key,
      name: 'Выгрузка региона.zip',
      mime: 'application/zip',
      size: data.length,
      sha256: key,
    })
    .returning({ id: files.id });
  if (!file) throw new Error('no file');
  const [job] = await db
    .insert(jobs)
    .values({
      kind: REGION_EXPORT_JOB,
      status: 'done',
      progress: 1,
      params: { regionId },
      result: {
        fileId: file.id,
        fileName: 'Выгрузка региона.zip',
        bytes: data.length,
        rows: 0,
        files: 0,
        seconds: 0,
      },
      createdBy: admin.id,
      finishedAt: new Date(),
    })
    .returning({ id: jobs.id });
  if (!job) throw new Error('no job');
  return { doneId: job.id };
}

type Case = {
  label: string;
  params: Record<string, string>;
  target: Target;
  sees: readonly Login[];
  may: readonly Login[];
};

export function regionExportCases(rule: string, s: Samples, user: Target['user']): Case[] | null {
  if (rule !== 'region-export.read') return null;
  return [
    {
      label: 'doneExport',
      params: { id: s.regionExports.doneId },
      target: { all: s, user },
      sees: LOGINS,
      may: ['admin'],
    },
  ];
}
