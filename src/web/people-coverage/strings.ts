import type { Band } from '../../modules/indicators/band.js';
import type { ApiData } from '../shared/api.js';

// The words of the page «Охват поддержки педагогов» (issue 14 §1), in one place.

export type PeopleCoverage = ApiData<'/api/people-coverage', 'get'>;
export type UnitFigures = PeopleCoverage['unit'];
export type PeopleFigure = UnitFigures['figures'][number];

export const S = {
  title: 'Охват поддержки педагогов',
  subtitle:
    'Диагностика дефицитов, ИОМ, наставничество и курсы — по данным реестров; у каждой цифры — «откуда эта цифра»',
  group: 'Школы',
  year: 'Учебный год',
  export: 'Скачать XLSX',
  teachers: 'Педагогов в реестрах',
  schools: 'Школ',
  children: { region: 'Муниципалитеты', municipality: 'Школы', school: '', institution: 'Школы' },
  noChildren: 'Ниже нет организаций, которые вам видны',
  noBase: 'не от чего считать',
  target: 'Цель',
  of: 'из',
  groups: [
    { value: 'all', label: 'Все школы' },
    { value: 'shnor', label: 'ШНОР (список в силе)' },
    { value: 'risk_zone', label: 'Зона риска (список в силе)' },
  ],
};

/** The bar's colour: the band against the target, blue when there is no target. */
export const BAR_COLORS: Record<Band, string> = {
  green: 'teal',
  yellow: 'yellow',
  red: 'red',
  none: 'blue',
};

/** «66,7 %»; a share of nothing is «—». */
export const percent = (share: number | null): string =>
  share === null ? '—' : `${String(share).replace('.', ',')} %`;

/** A target 0…1 of the catalogue indicator, in percent. */
export const targetPercent = (t: number): string =>
  `${String(Math.round(t * 1000) / 10).replace('.', ',')} %`;
