import type { SCHOOL_LEVELS } from '../orgs/schemas.js';
import { pickVillages, settlementLabel } from './demo-names.js';
import type { Rng } from './demo-random.js';

// The places of the demo region: invented municipalities and the schools each one has.

export type MunicipalityDef = {
  /** Name without the demo mark, e.g. «Северный муниципальный район». */
  name: string;
  /** Genitive, for «Отдел образования администрации …». */
  gen: string;
  short: string;
  city: boolean;
  /** Administrative centre, e.g. «пгт Северный» or «г. Краснозорск». */
  centre: string;
  schools: number;
  moc: boolean;
};

const MR = (
  name: string,
  gen: string,
  short: string,
  centre: string,
  schools: number,
  moc = false,
): MunicipalityDef => ({
  name: `${name} муниципальный район`,
  gen: `${gen} муниципального района`,
  short: `${short} МР`,
  city: false,
  centre,
  schools,
  moc,
});
const GO = (town: string, schools: number, moc = false): MunicipalityDef => ({
  name: `Городской округ ${town}`,
  gen: `городского округа ${town}`,
  short: `ГО ${town}`,
  city: true,
  centre: `г. ${town}`,
  schools,
  moc,
});

/** M1 (the `municipality` user's) comes first, M2 (the `school2` user's) second. */
export const MUNICIPALITIES: MunicipalityDef[] = [
  MR('Северный', 'Северного', 'Северный', 'пгт Северный', 12, true),
  GO('Краснозорск', 18, true),
  MR('Заречный', 'Заречного', 'Заречный', 'с. Заречное', 11),
  GO('Новодольск', 16, true),
  MR('Приозёрный', 'Приозёрного', 'Приозёрный', 'пгт Приозёрный', 10),
  MR('Лесной', 'Лесного', 'Лесной', 'пгт Лесной', 9),
  GO('Верхнеречинск', 14),
  MR('Степной', 'Степного', 'Степной', 'с. Степное', 10),
  MR('Луговой', 'Лугового', 'Луговой', 'с. Луговое', 9),
  GO('Тихоборск', 13, true),
  MR('Ключевской', 'Ключевского', 'Ключевской', 'с. Ключевское', 10),
  MR('Родниковский', 'Родниковского', 'Родниковский', 'г. Родники', 9),
  MR('Кедровый', 'Кедрового', 'Кедровый', 'пгт Кедровый', 8),
  MR('Светлореченский', 'Светлореченского', 'Светлореченский', 'с. Светлая Речка', 9),
];

type Level = (typeof SCHOOL_LEVELS)[number];
export type SchoolPlan = {
  form: string;
  type: string;
  settlement: string;
  levels: Level[];
  rural: boolean;
  pupils: [number, number];
};

const ALL: Level[] = ['НОО', 'ООО', 'СОО'];

export function planSchools(rng: Rng, def: MunicipalityDef): SchoolPlan[] {
  const out: SchoolPlan[] = [];
  if (def.city) {
    const numbers = rng
      .shuffle(Array.from({ length: def.schools + 10 }, (_, i) => i + 1))
      .slice(0, def.schools - 2);
    out.push({
      form: 'МАОУ',
      type: 'Гимназия № 1',
      settlement: def.centre,
      levels: ALL,
      rural: false,
      pupils: [700, 1300],
    });
    out.push({
      form: 'МАОУ',
      type: 'Лицей № 2',
      settlement: def.centre,
      levels: ['ООО', 'СОО'],
      rural: false,
      pupils: [500, 900],
    });
    for (const n of numbers.sort((a, b) => a - b)) {
      out.push({
        form: 'МБОУ',
        type: `СОШ № ${n + 2}`,
        settlement: def.centre,
        levels: ALL,
        rural: false,
        pupils: [350, 1400],
      });
    }
    return out;
  }
  const central = def.centre.startsWith('с.') ? 1 : 2;
  for (let n = 1; n <= central; n++) {
    out.push({
      form: 'МБОУ',
      type: `СОШ № ${n}`,
      settlement: def.centre,
      levels: ALL,
      rural: def.centre.startsWith('с.'),
      pupils: [300, 800],
    });
  }
  for (const v of pickVillages(rng, def.schools - central)) {
    const roll = rng.next();
    const settlement = settlementLabel(v);
    if (roll < 0.55) {
      const num = rng.chance(0.3) ? ` № ${rng.int(3, 9)}` : '';
      out.push({ form: 'МБОУ', type: `СОШ${num}`, settlement, levels: ALL, rural: true, pupils: [70, 380] });
    } else if (roll < 0.88) {
      out.push({
        form: 'МКОУ',
        type: 'ООШ',
        settlement,
        levels: ['НОО', 'ООО'],
        rural: true,
        pupils: [25, 140],
      });
    } else {
      out.push({ form: 'МКОУ', type: 'НОШ', settlement, levels: ['НОО'], rural: true, pupils: [8, 45] });
    }
  }
  return out;
}
