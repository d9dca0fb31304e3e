import type { Db } from '../../db/client.js';
import type { InstitutionType } from '../../db/schema/orgs.js';
import { WORDS } from '../../lib/counted.js';
import { countLabel } from '../../lib/plural.js';
import { DEMO_LOADER } from '../access/actor.js';
import { createOrgUnit } from '../orgs/org-units.js';
import { createOrgUnitInput } from '../orgs/schemas.js';
import { randomAddress, randomPerson, shortPersonName, syntheticInn, syntheticOktmo } from './demo-names.js';
import { MUNICIPALITIES, planSchools } from './demo-places.js';
import { createRng, type Rng, seedOf } from './demo-random.js';

// The org tree of the demo: one region, its institutions, municipalities with their ОМСУ/МОЦ and schools.

export const DEMO_REGION_NAME = 'Демонстрационная область (демо)';
export const DEMO_MINISTRY_NAME = 'Министерство образования Демонстрационной области (демо)';

export type DemoSchool = {
  id: string;
  name: string;
  /** Name without the demo mark, e.g. «МБОУ «СОШ с. Берёзовка»», for titles that are marked as a whole. */
  baseName: string;
  shortName: string;
  isRural: boolean;
  pupils: number;
};

export type DemoMunicipality = {
  id: string;
  index: number;
  name: string;
  short: string;
  gen: string;
  omsuId: string;
  omsuName: string;
  mocId: string | null;
  schools: DemoSchool[];
};

export type DemoOrgs = {
  regionId: string;
  ministryId: string;
  iroId: string;
  qualityId: string;
  cnppmId: string;
  institutions: number;
  municipalities: DemoMunicipality[];
};

async function unit(db: Db, input: Record<string, unknown>) {
  // The same schema the API validates with: demo data can never hold what a user could not enter.
  return createOrgUnit(db, {
    actor: DEMO_LOADER,
    input: createOrgUnitInput.parse(input),
    isDemo: true,
    audit: false,
  });
}

async function institution(
  db: Db,
  parentId: string,
  type: InstitutionType,
  name: string,
  shortName: string,
  address: string,
  rng: Rng,
) {
  const row = await unit(db, {
    parentId,
    kind: 'institution',
    institutionType: type,
    name,
    shortName,
    address,
    inn: syntheticInn(rng),
  });
  return row.id;
}

export async function createDemoOrgs(db: Db, log: (msg: string) => void): Promise<DemoOrgs> {
  const rng = createRng(seedOf('opora-demo-orgs'));
  const region = await unit(db, {
    parentId: null,
    kind: 'region',
    name: DEMO_REGION_NAME,
    shortName: 'Демонстрационная обл. (демо)',
    oktmo: '99000000',
    address: '999000, Демонстрационная обл., г. Краснозорск, пл. Центральная, д. 1',
  });
  const capital = 'г. Краснозорск';
  const regional = async (type: InstitutionType, name: string, short: string) =>
    institution(db, region.id, type, name, short, randomAddress(rng, '9990', capital), rng);
  const ministryId = await regional(
    'department',
    DEMO_MINISTRY_NAME,
    'Минобразования Демонстрационной обл. (демо)',
  );
  const iroId = await regional('iro', 'Институт развития образования (демо)', 'ИРО (демо)');
  const qualityId = await regional(
    'quality_center',
    'Центр оценки качества образования (демо)',
    'ЦОКО (демо)',
  );
  const cnppmId = await regional('cnppm', 'ЦНППМ (демо)', 'ЦНППМ (демо)');
  let institutions = 4;

  const municipalities: DemoMunicipality[] = [];
  for (const [i, def] of MUNICIPALITIES.entries()) {
    const mrng = createRng(seedOf(`mun-${def.name}`));
    const postal = `99${String(i + 1).padStart(2, '0')}`;
    const mun = await unit(db, {
      parentId: region.id,
      kind: 'municipality',
      name: `${def.name} (демо)`,
      shortName: `${def.short} (демо)`,
      oktmo: syntheticOktmo(i + 1),
      address: randomAddress(mrng, postal, def.centre),
    });
    const omsuName = `${def.city ? 'Управление' : 'Отдел'} образования администрации ${def.gen} (демо)`;
    const omsuId = await institution(
      db,
      mun.id,
      'omsu',
      omsuName,
      `ОО ${def.short} (демо)`,
      randomAddress(mrng, postal, def.centre),
      mrng,
    );
    institutions++;
    let mocId: string | null = null;
    if (def.moc) {
      const name = `Муниципальный методический центр ${def.gen} (демо)`;
      mocId = await institution(
        db,
        mun.id,
        'moc',
        name,
        `МОЦ ${def.short} (демо)`,
        randomAddress(mrng, postal, def.centre),
        mrng,
      );
      institutions++;
    }
    const schools: DemoSchool[] = [];
    for (const plan of planSchools(mrng, def)) {
      const pupils = mrng.int(plan.pupils[0], plan.pupils[1]);
      const shortName = `${plan.type} ${plan.settlement}`;
      const row = await unit(db, {
        parentId: mun.id,
        kind: 'school',
        name: `${plan.form} «${shortName}» (демо)`,
        shortName: `${shortName} (демо)`,
        inn: syntheticInn(mrng),
        address: randomAddress(mrng, postal, plan.settlement),
        isRural: plan.rural,
        isSmall: plan.rural && pupils < 100,
        levels: plan.levels,
        pupils,
        teachers: Math.max(4, Math.round(pupils / (plan.rural ? 9 : 16)) + mrng.int(0, 6)),
        director: shortPersonName(randomPerson(mrng)),
      });
      schools.push({
        id: row.id,
        name: row.name,
        baseName: `${plan.form} «${shortName}»`,
        shortName: row.shortName ?? row.name,
        isRural: plan.rural,
        pupils,
      });
    }
    municipalities.push({
      id: mun.id,
      index: i,
      name: mun.name,
      short: def.short,
      gen: def.gen,
      omsuId,
      omsuName,
      mocId,
      schools,
    });
  }
  const schoolCount = municipalities.reduce((n, m) => n + m.schools.length, 0);
  log(
    `Организации: ${countLabel(municipalities.length, WORDS.municipality)}, ${countLabel(schoolCount, WORDS.school)}, ` +
      `${countLabel(institutions, WORDS.institution)}`,
  );
  return { regionId: region.id, ministryId, iroId, qualityId, cnppmId, institutions, municipalities };
}
