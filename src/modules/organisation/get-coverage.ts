import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { orgUnits } from '../../db/schema/orgs.js';
import { notFound } from '../../lib/errors.js';
import { byRussian } from '../../lib/sort.js';
import { type Actor, pathReadable } from '../access/actor.js';
import { regionOfPath } from '../access/region-level.js';
import { readableUnit, type UnitRef } from './body-access.js';
import { type CoverageBase, coverageBase, coverageOfUnits, shareOf, type UnitCoverage } from './coverage.js';
import type { CoverageView, UnitCoverageView } from './coverage-views.js';
import { listInForceText } from './list-in-force.js';

/** The unit if the actor sees it (an unseen one does not exist: 404), with its region. */
export async function readableUnitOfRegion(
  db: Db,
  actor: Actor,
  unitId: string,
): Promise<UnitRef & { regionId: string }> {
  const unit = await readableUnit(db, actor, unitId);
  const regionId = regionOfPath(unit.path);
  if (!regionId) throw notFound('Организация');
  return { ...unit, regionId };
}

/** Units directly below, the ones the actor sees (a school sees none of its municipality's others). */
export async function readableChildren(db: Db, actor: Actor, unitId: string): Promise<UnitRef[]> {
  const rows = await db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      path: orgUnits.path,
      parentId: orgUnits.parentId,
    })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.parentId, unitId),
        inArray(orgUnits.kind, ['municipality', 'school']),
        pathReadable(actor, orgUnits.path) as SQL,
      ),
    );
  return rows.sort(byRussian((r) => r.name));
}

export function unitCoverageView(unit: UnitRef, c: UnitCoverage): UnitCoverageView {
  const s = c.shnor;
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    shnor: {
      ...s,
      shares: {
        withCurator: shareOf(s.withCurator, s.total),
        withMentor: shareOf(s.withMentor, s.total),
        withAgreement: shareOf(s.withAgreement, s.total),
        withRoadmap: shareOf(s.withRoadmap, s.total),
        withProgram: shareOf(s.withProgram, s.total),
        withVerifiedProfile: shareOf(s.withVerifiedProfile, s.total),
      },
    },
    events: c.events,
    meetingsHeld: c.meetingsHeld,
  };
}

const listRef = (l: CoverageBase['shnorList']) =>
  l && { id: l.id, year: l.year, orderNumber: l.orderNumber, orderDate: l.orderDate };

/**
 * Coverage of a unit and of each unit directly below it for a school year (issue 12 §4). Access:
 * whoever sees the unit; the units below are only those he sees.
 */
export async function getCoverage(
  db: Db,
  opts: { actor: Actor; unitId: string; year: number },
): Promise<CoverageView> {
  const unit = await readableUnitOfRegion(db, opts.actor, opts.unitId);
  const children = await readableChildren(db, opts.actor, unit.id);
  const base = await coverageBase(db, { regionId: unit.regionId, year: opts.year });
  const all = [unit, ...children];
  const rows = await coverageOfUnits(db, { base, unitIds: all.map((u) => u.id) });
  const views = all.map((u, i) => unitCoverageView(u, rows[i] as UnitCoverage));
  return {
    year: base.year,
    period: base.period,
    shnorList: listRef(base.shnorList),
    shnorListText: listInForceText(base.shnorList),
    riskZoneList: listRef(base.riskZoneList),
    unit: views[0] as UnitCoverageView,
    children: views.slice(1),
  };
}
