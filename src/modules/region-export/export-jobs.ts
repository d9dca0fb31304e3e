import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { files } from '../../db/schema/files.js';
import { jobs } from '../../db/schema/jobs.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { enqueueJob, type Job, type JobHandler } from '../../jobs/runner.js';
import { forbidden, notFound, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { loadActor } from '../auth/load-actor.js';
import type { FileStorage } from '../files/storage.js';
import { sha256 } from './archive.js';
import { adminRegions, exportRegion, recordRegionExported } from './export-region.js';

// «Выгрузить данные региона» in the browser (issue 17 §6): the request queues a job (kind
// `region.export`); the job writes the archive to a temporary file, keeps it as a stored file (a `files`
// row, never referenced by a region's data, so never exported itself) and writes `region.exported` in the
// same transaction as that row. The administrator follows the progress and downloads the archive.

export const REGION_EXPORT_JOB = 'region.export';
const jobParams = z.object({ regionId: z.uuid() });
const jobResult = z.object({
  fileId: z.uuid(),
  fileName: z.string(),
  bytes: z.number(),
  rows: z.number(),
  files: z.number(),
  seconds: z.number(),
});

export const requestRegionExportInput = z.object({ regionId: z.uuid() });

export const regionExportView = z.object({
  id: z.uuid(),
  regionId: z.string(),
  regionName: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number(),
  message: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  result: jobResult.nullable(),
});
export type RegionExportView = z.infer<typeof regionExportView>;

/** The regions the actor exports (where he holds `admin`), or 403 for anyone who is admin nowhere. */
const need = (actor: Actor): string[] => {
  const regions = adminRegions(actor);
  if (regions.length === 0) throw forbidden('Выгружать данные региона может администратор');
  return regions;
};

/** SQL "the job is an export of one of these regions": another region's export looks absent. */
const ofRegions = (regions: string[]) => inArray(sql<string>`${jobs.params}->>'regionId'`, regions);

export async function requestRegionExport(db: Db, opts: { actor: Actor; input: unknown }) {
  const regions = need(opts.actor);
  const input = parseInput(requestRegionExportInput, opts.input);
  if (!regions.includes(input.regionId)) throw notFound('Организация');
  const [region] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.id, input.regionId), eq(orgUnits.kind, 'region')));
  if (!region) throw notFound('Организация');
  const job = await enqueueJob(db, {
    kind: REGION_EXPORT_JOB,
    params: { regionId: region.id },
    createdBy: opts.actor.userId,
  });
  return getRegionExport(db, { actor: opts.actor, id: job.id });
}

/** The latest exports of the actor's regions (any of their administrators'): progress and a download link. */
export async function listRegionExports(db: Db, opts: { actor: Actor }): Promise<RegionExportView[]> {
  const regions = need(opts.actor);
  const rows = await db
    .select({ job: jobs, regionName: orgUnits.name })
    .from(jobs)
    .leftJoin(orgUnits, sql`${orgUnits.id}::text = ${jobs.params}->>'regionId'`)
    .where(and(eq(jobs.kind, REGION_EXPORT_JOB), ofRegions(regions)))
    .orderBy(desc(jobs.createdAt))
    .limit(20);
  return rows.map((r) => view(r.job, r.regionName));
}

export async function getRegionExport(db: Db, opts: { actor: Actor; id: string }): Promise<RegionExportView> {
  const regions = need(opts.actor);
  const [row] = await db
    .select({ job: jobs, regionName: orgUnits.name })
    .from(jobs)
    .leftJoin(orgUnits, sql`${orgUnits.id}::text = ${jobs.params}->>'regionId'`)
    .where(and(eq(jobs.id, opts.id), eq(jobs.kind, REGION_EXPORT_JOB), ofRegions(regions)));
  if (!row) throw notFound('Объект');
  return view(row.job, row.regionName);
}

/** The finished archive's name and bytes. */
export async function regionExportFile(db: Db, storage: FileStorage, opts: { actor: Actor; id: string }) {
  const job = await getRegionExport(db, opts);
  if (!job.result) throw notFound('Объект');
  const [file] = await db.select().from(files).where(eq(files.id, job.result.fileId));
  const data = file ? await storage.get(file.storageKey) : null;
  if (!file || !data) throw notFound('Объект');
  return { name: file.name, data };
}

function view(job: Job, regionName: string | null): RegionExportView {
  const params = jobParams.safeParse(job.params);
  const result = jobResult.safeParse(job.result);
  return {
    id: job.id,
    regionId: params.success ? params.data.regionId : '',
    regionName: regionName ?? '',
    status: job.status,
    progress: job.progress,
    message: job.message,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    result: result.success ? result.data : null,
  };
}

/** The job's handler: needs the installation's file storage (bodies are read from it and the archive kept in it). */
export function regionExportJob(storage: FileStorage | undefined): JobHandler {
  return async ({ db, job, progress }) => {
    if (!storage) throw new Error('Хранилище файлов не настроено для фоновых заданий');
    const params = jobParams.safeParse(job.params);
    if (!params.success) throw new Error('Неверные параметры задания выгрузки');
    const actor = job.createdBy ? await loadActor(db, job.createdBy) : null;
    if (!actor || !adminRegions(actor).includes(params.data.regionId))
      throw new Error('Запросивший выгрузку больше не администратор этого региона');
    // A private folder: the archive holds the region's personal data, never at a guessable shared path.
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'opora-region-'));
    const out = path.join(folder, 'region.zip');
    try {
      const r = await exportRegion(db, { actor, regionId: params.data.regionId, storage, out, progress });
      const data = await fs.readFile(out);
      const key = sha256(data);
      await storage.put(key, data);
      const day = r.manifest.createdAt.slice(0, 10);
      const fileName = `Выгрузка региона ${r.manifest.region.name} ${day}.zip`;
      const fileId = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(files)
          .values({
            storageKey: key,
            name: fileName,
            mime: 'application/zip',
            size: data.length,
            sha256: key,
            uploadedBy: actor.userId,
          })
          .returning({ id: files.id });
        if (!row) throw new Error('insert returned nothing');
        await recordRegionExported(tx, actor, r.manifest);
        return row.id;
      });
      const rows = Object.values(r.manifest.tables).reduce((s, t) => s + t.rows, 0);
      return { fileId, fileName, bytes: data.length, rows, files: r.manifest.files, seconds: r.seconds };
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  };
}
