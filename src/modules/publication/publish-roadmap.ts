import type { Db } from '../../db/client.js';
import { conflict, forbidden, invalid, parseInput } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import type { FileStorage } from '../files/storage.js';
import { getRoadmap } from '../roadmaps/get-roadmap.js';
import { loadRoadmapAccess } from '../roadmaps/roadmap-access.js';
import { assertSomethingNew } from './current.js';
import { type PublishRoadmapInput, publishRoadmapInput } from './input.js';
import { roadmapFiles, roadmapSnapshotOf } from './roadmap-snapshot.js';
import { sameContent } from './same-content.js';
import { fileBase, stageFile, storePublication } from './store-publication.js';

export const PUBLISH_MSG = {
  roadmapNotApproved: 'Опубликовать можно только утверждённую дорожную карту',
  roadmapKeeper: 'Публикует дорожную карту только тот, кто её ведёт',
} as const;

/**
 * Access: whoever keeps the roadmap (roadmap-rules.ts canManageUnit); a reader of it gets 403, anyone
 * else 404. Only an approved roadmap; the snapshot, the DOCX and the PDF are taken in one transaction.
 */
export async function publishRoadmap(
  db: Db,
  storage: FileStorage,
  opts: { actor: Actor; roadmapId: string; input: PublishRoadmapInput },
) {
  const input = parseInput(publishRoadmapInput, opts.input);
  const check = async (tx: Db) => {
    const access = await loadRoadmapAccess(tx, opts.actor, opts.roadmapId);
    if (!access.canManage) throw forbidden(PUBLISH_MSG.roadmapKeeper);
    if (input.version !== undefined && input.version !== access.roadmap.version)
      throw conflict({ version: access.roadmap.version });
    if (access.roadmap.status !== 'approved') throw invalid(PUBLISH_MSG.roadmapNotApproved);
    const r = await getRoadmap(tx, { actor: opts.actor, roadmapId: opts.roadmapId });
    return { r, snapshot: roadmapSnapshotOf(r) };
  };
  // The files are rendered and staged first (store-publication.ts); the transaction then checks that
  // the roadmap still reads the same, so what is published is exactly what the files show.
  const { r, snapshot } = await check(db);
  const options = { showExecution: input.showExecution };
  await assertSomethingNew(db, 'roadmap', r.id, snapshot, options);
  const files = await roadmapFiles(r, input.showExecution);
  const base = fileBase(r.title);
  const docx = await stageFile(storage, { name: `${base}.docx`, data: files.docx });
  const pdf = await stageFile(storage, { name: `${base}.pdf`, data: files.pdf });
  return db.transaction(async (tx) => {
    const again = await check(tx);
    if (!sameContent(again.snapshot, snapshot)) throw conflict({ version: again.r.version });
    await assertSomethingNew(tx, 'roadmap', r.id, snapshot, options);
    return storePublication(tx, opts.actor, {
      kind: 'roadmap',
      objectId: r.id,
      orgUnitId: r.orgUnit.id,
      title: r.title,
      snapshot,
      options,
      docx,
      pdf,
    });
  });
}
