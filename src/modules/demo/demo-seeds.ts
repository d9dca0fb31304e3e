import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from '../../db/client.js';
import type { Actor } from '../access/actor.js';
import { DEMO_LOADER } from '../access/actor.js';
import { parseRoadmapDocument } from '../documents/import/index.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { saveImportedRoadmaps } from '../roadmaps/save-imported-roadmaps.js';
import { updateRoadmap } from '../roadmaps/update-roadmap.js';

const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../seeds');

/**
 * The console line about the seeds. They belong to the real bodies that approved them, not to the
 * synthetic demo region, so the demo's regional operator does not see them (attaching real documents
 * to invented units would misstate who approved them); the line says exactly who does.
 */
export function seedsVisibilityLine(count: number): string {
  const places = SEEDS.map((s) => s.municipality ?? s.region).join(', ');
  return (
    `Реальные дорожные карты из seeds/: ${count} (${places}), загружены импортом как карты этих органов, ` +
    'а не демонстрационной области. Их видит только администратор (вход admin): у демонстрационных ' +
    'пользователей нет ролей в реальных регионах'
  );
}

/**
 * The real public roadmaps in `seeds/`, loaded through the document importer as roadmaps of the
 * bodies that approved them. Only the bodies and their documents are created: no schools, people
 * or execution are invented for real places. Roadmaps with an order are approved and archived
 * (their school year is over); the others stay drafts.
 */
const SEEDS = [
  { file: 'smolensk-region-2022-2023.txt', region: 'Смоленская область', municipality: null },
  { file: 'penza-district-2022-2023.txt', region: 'Пензенская область', municipality: 'Пензенский район' },
  {
    file: 'sharan-district-2022-2023.txt',
    region: 'Республика Башкортостан',
    municipality: 'Шаранский район',
  },
] as const;

export async function loadSeedRoadmaps(db: Db, admin: Actor, log: (m: string) => void): Promise<number> {
  let count = 0;
  for (const seed of SEEDS) {
    const file = path.join(SEEDS_DIR, seed.file);
    if (!fs.existsSync(file)) continue;
    const parsed = await parseRoadmapDocument(seed.file, fs.readFileSync(file));
    const region = await createOrgUnit(db, {
      actor: DEMO_LOADER,
      audit: false,
      input: { parentId: null, kind: 'region', name: seed.region },
    });
    const owner = seed.municipality
      ? await createOrgUnit(db, {
          actor: DEMO_LOADER,
          audit: false,
          input: { parentId: region.id, kind: 'municipality', name: seed.municipality },
        })
      : region;
    // The loader acts for the administrator as the keeper of these bodies' roadmaps.
    const keeper: Actor = {
      ...admin,
      assignments: [
        {
          role: owner.kind === 'region' ? 'regional_operator' : 'municipal_coordinator',
          orgUnitId: owner.id,
          unitName: owner.name,
          unitKind: owner.kind,
          unitPath: owner.path,
          governingId: owner.id,
          governingPath: owner.path,
        },
      ],
    };
    const saved = await saveImportedRoadmaps(db, {
      actor: keeper,
      input: {
        orgUnitId: owner.id,
        fileName: seed.file,
        roadmaps: parsed.roadmaps.map((r) => ({
          title: r.title,
          kind: r.meta.kind,
          periodKind: r.meta.periodKind ?? 'school_year',
          periodYear: r.meta.periodYear ?? 2022,
          approval: r.approval,
          sections: r.sections,
        })),
      },
    });
    for (const [i, s] of saved.entries()) {
      const approval = parsed.roadmaps[i]?.approval;
      if (!approval?.orderNumber || !approval.date) continue;
      const approved = await updateRoadmap(db, {
        actor: keeper,
        roadmapId: s.id,
        // Replays the 2022 order: the deadlines had not passed then, they have now.
        input: { status: 'approved', acknowledgePastDeadlines: true, version: 1 },
      });
      await updateRoadmap(db, {
        actor: keeper,
        roadmapId: s.id,
        input: { status: 'archived', version: approved.version },
      });
    }
    count += saved.length;
  }
  log(seedsVisibilityLine(count));
  return count;
}
