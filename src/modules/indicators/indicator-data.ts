import type { Db } from '../../db/client.js';
import { notFound } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { readableUnitOfRegion } from '../organisation/get-coverage.js';
import { BLOCKS } from './catalogue.js';
import { figureOf, figuresOf, loadTargets } from './compute-indicator.js';
import { findIndicator } from './list-indicators.js';
import type { IndicatorDataView } from './views.js';

// The data behind a school's figure (issue 13 §1, DOMAIN §5): the rows the block counted for the
// school — its results, its list entries, its roadmap measures, its risk levels — beside the figure.

export async function getIndicatorData(
  db: Db,
  opts: { actor: Actor; code: string; schoolId: string; year: number },
): Promise<IndicatorDataView> {
  const school = await readableUnitOfRegion(db, opts.actor, opts.schoolId);
  if (school.kind !== 'school') throw notFound('Школа');
  const def = await findIndicator(db, school.regionId, opts.code);
  const block = BLOCKS[def.block];
  if (!block) throw notFound('Показатель');
  const f = await figuresOf(db, { regionId: school.regionId, year: opts.year, def, units: [school] });
  const targets = await loadTargets(db, school.regionId, {
    code: def.code,
    year: opts.year,
    actor: opts.actor,
  });
  const table = await block.data(db, {
    regionId: school.regionId,
    year: opts.year,
    params: def.params,
    schoolId: school.id,
  });
  return {
    indicator: def,
    year: opts.year,
    school: { id: school.id, name: school.name, kind: school.kind },
    figure: figureOf(def, f, school, opts.year, targets),
    source: f.source,
    table,
  };
}
